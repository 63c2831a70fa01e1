package com.collectiondesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Roll rates and cure rates from the bucket snapshots on the period's first and last day (the latest snapshot on
 * or before each). Every ticket in a bucket at the start ends in one outcome: its bucket at the end, or, if it
 * closed in between, paid (cured), written off (shown apart, out of the cure base) or handed over / cancelled.
 */
@Component
class BucketMovementKpis {

    private static final String PAID = "PAID";
    private static final String WRITTEN_OFF = "WRITTEN_OFF";

    private final NamedParameterJdbcTemplate jdbc;
    private final BucketSnapshots snapshots;
    private final BusinessCalendar calendar;

    BucketMovementKpis(NamedParameterJdbcTemplate jdbc, BucketSnapshots snapshots, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.calendar = calendar;
    }

    /** Count and start balance of the tickets that went from one bucket to one outcome. */
    private static final class Flow {
        long count;
        BigDecimal balance = BigDecimal.ZERO;

        void add(long count, BigDecimal balance) {
            this.count += count;
            this.balance = this.balance.add(balance);
        }
    }

    List<KpiRow> compute(Period period, EntityFilter.Coverage coverage) {
        Optional<LocalDate> start = snapshots.latestOnOrBefore(period.from());
        Optional<LocalDate> end = snapshots.latestOnOrBefore(period.to());
        if (start.isEmpty() || end.isEmpty() || !end.get().isAfter(start.get())) {
            return List.of();
        }
        List<String> labels = calendar.bucketLabels();
        // currency → start bucket → outcome → flow
        Map<String, Map<String, Map<String, Flow>>> flows = new TreeMap<>();
        jdbc.query("""
                select s.currency, s.bucket as start_bucket, e.bucket as end_bucket, t.close_reason,
                       count(*) as tickets, sum(s.balance) as balance
                from bucket_snapshot s
                join rv_ticket t on t.id = s.ticket_fk
                left join bucket_snapshot e on e.ticket_fk = s.ticket_fk and e.as_of = :end
                where s.as_of = :start%s
                group by s.currency, s.bucket, e.bucket, t.close_reason""".formatted(coverage.entity("t.legal_entity")),
                coverage.addTo(new MapSqlParameterSource("start", start.get()).addValue("end", end.get())), rs -> {
                    String outcome = rs.getString("end_bucket");
                    if (outcome == null) {
                        outcome = rs.getString("close_reason") == null ? "unknown" : rs.getString("close_reason");
                    }
                    flows.computeIfAbsent(rs.getString("currency"), c -> new TreeMap<>())
                            .computeIfAbsent(rs.getString("start_bucket"), b -> new TreeMap<>())
                            .computeIfAbsent(outcome, o -> new Flow()).add(rs.getLong("tickets"), rs.getBigDecimal("balance"));
                });

        List<KpiRow> rows = new ArrayList<>();
        flows.forEach((currency, byBucket) -> {
            Flow curedAll = new Flow();
            Flow baseAll = new Flow();
            for (String bucket : labels) {
                Map<String, Flow> outcomes = byBucket.get(bucket);
                if (outcomes == null) {
                    continue;
                }
                int rank = labels.indexOf(bucket);
                Flow all = new Flow();
                Flow forward = new Flow();
                Flow back = new Flow();
                Flow same = new Flow();
                Flow cured = new Flow();
                Flow writtenOff = new Flow();
                outcomes.forEach((outcome, flow) -> {
                    all.add(flow.count, flow.balance);
                    int to = labels.indexOf(outcome);
                    if (outcome.equals(PAID) || to == 0) {
                        cured.add(flow.count, flow.balance);
                    } else if (outcome.equals(WRITTEN_OFF)) {
                        writtenOff.add(flow.count, flow.balance);
                    } else if (to == rank + 1) {
                        forward.add(flow.count, flow.balance);
                    } else if (to == rank) {
                        same.add(flow.count, flow.balance);
                    } else if (to > 0 && to < rank) {
                        back.add(flow.count, flow.balance);
                    }
                });
                String next = rank + 1 < labels.size() ? labels.get(rank + 1) : null;
                if (next != null) {
                    rows.add(rate("roll_rate", currency, bucket + " -> " + next, forward.balance, all.balance));
                    rows.add(rate("roll_rate_count", currency, bucket + " -> " + next, forward.count, all.count));
                }
                rows.add(rate("roll_back_rate", currency, bucket, back.balance, all.balance));
                rows.add(rate("stabilised_rate", currency, bucket, same.balance, all.balance));
                Flow base = new Flow();
                base.add(all.count - writtenOff.count, all.balance.subtract(writtenOff.balance));
                rows.add(rate("cure_rate", currency, bucket, cured.count, base.count));
                rows.add(rate("cure_rate_amount", currency, bucket, cured.balance, base.balance));
                rows.add(rate("written_off_share", currency, bucket, writtenOff.count, all.count));
                curedAll.add(cured.count, cured.balance);
                baseAll.add(base.count, base.balance);
            }
            rows.add(rate("cure_rate", currency, KpiRow.ALL, curedAll.count, baseAll.count));
            rows.add(rate("cure_rate_amount", currency, KpiRow.ALL, curedAll.balance, baseAll.balance));
        });
        return rows;
    }

    private static KpiRow rate(String kpi, String currency, String group, BigDecimal numerator, BigDecimal denominator) {
        return new KpiRow(kpi, currency, group, Amounts.percent(numerator, denominator), "%", Amounts.money(numerator),
                Amounts.money(denominator));
    }

    private static KpiRow rate(String kpi, String currency, String group, long numerator, long denominator) {
        return new KpiRow(kpi, currency, group, Amounts.percent(numerator, denominator), "%", BigDecimal.valueOf(numerator),
                BigDecimal.valueOf(denominator));
    }
}
