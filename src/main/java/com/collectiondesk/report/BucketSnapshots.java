package com.collectiondesk.report;

import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps one row per open ticket and day with its bucket and balance, so roll and cure rates can compare two
 * days. Taken once a day after the morning scan has refreshed the buckets ({@code collection.reports.snapshot-cron},
 * late evening by default), or on demand; a day already taken is left as it is.
 */
@Component
class BucketSnapshots {

    private static final Logger log = LoggerFactory.getLogger(BucketSnapshots.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    BucketSnapshots(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${collection.reports.snapshot-cron:0 30 23 * * *}", zone = "${collection.business-zone:Europe/Sofia}")
    void takeToday() {
        int rows = take(calendar.today());
        log.info("Bucket snapshot for {}: {} tickets", calendar.today(), rows);
    }

    /** Snapshots the open tickets as they are now under {@code asOf}; 0 if that day was already taken. */
    @Transactional
    public int take(LocalDate asOf) {
        try {
            return jdbc.update("""
                    insert into bucket_snapshot (as_of, ticket_fk, currency, bucket, balance, max_dpd)
                    select :asOf, id, currency, bucket, overdue_amount, max_dpd from rv_open_ticket
                    where not exists (select 1 from bucket_snapshot where as_of = :asOf)""",
                    new MapSqlParameterSource("asOf", asOf));
        } catch (DuplicateKeyException concurrentlyTaken) {
            return 0;
        }
    }

    /** The latest snapshot day on or before {@code day}. */
    Optional<LocalDate> latestOnOrBefore(LocalDate day) {
        return Optional.ofNullable(jdbc.queryForObject("select max(as_of) from bucket_snapshot where as_of <= :day",
                new MapSqlParameterSource("day", day), LocalDate.class));
    }
}
