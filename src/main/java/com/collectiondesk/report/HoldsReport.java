package com.collectiondesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Holds per reason as of a day: how many are open and for how many days on average so far, how many had ended by then
 * and how long they lasted on average (end day minus start day). A reason without any hold has no row.
 */
@Component
class HoldsReport {

    private static final String SQL = """
            select reason,
                   sum(case when ended_on is null or ended_on > :day then 1 else 0 end) as open_holds,
                   avg(case when ended_on is null or ended_on > :day
                            then cast(cast(cast(:day as date) - starts_on as integer) as decimal(12, 2)) end) as open_days,
                   sum(case when ended_on <= :day then 1 else 0 end) as ended_holds,
                   avg(case when ended_on <= :day
                            then cast(cast(ended_on - starts_on as integer) as decimal(12, 2)) end) as ended_days
            from rv_hold where starts_on <= :day%s
            group by reason order by reason""";

    private final NamedParameterJdbcTemplate jdbc;

    HoldsReport(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ReportTable run(LocalDate day, EntityFilter.Coverage coverage) {
        ReportTable.Builder table = ReportTable.named("holds").parameter("asOf", day).parameter("legalEntity", coverage.describe())
                .columns(java.util.List.of("reason", "openHolds", "averageOpenDays", "endedHolds", "averageLengthDays"));
        jdbc.query(SQL.formatted(coverage.customer("customer_fk")), coverage.addTo(new MapSqlParameterSource("day", day)), rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("reason", rs.getString("reason"));
            row.put("openHolds", rs.getLong("open_holds"));
            row.put("averageOpenDays", days(rs.getBigDecimal("open_days")));
            row.put("endedHolds", rs.getLong("ended_holds"));
            row.put("averageLengthDays", days(rs.getBigDecimal("ended_days")));
            table.row(row);
        });
        return table.build();
    }

    private static BigDecimal days(BigDecimal average) {
        return average == null ? null : Amounts.oneDecimal(average.doubleValue());
    }
}
