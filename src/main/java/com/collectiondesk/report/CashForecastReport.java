package com.collectiondesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Expected cash per day and currency for the next N days: pending promises due that day × the historical
 * promise-kept rate of that currency (KEPT / (KEPT + BROKEN) over all judged promises, by amount). Without judged
 * promises in that currency the portfolio's rate over all currencies (by count) stands in, and without any judged
 * promise at all the prior of 50 %; column {@code keptRateBasis} says which ({@code history}, {@code portfolio},
 * {@code prior}), so a new portfolio's forecast is neither 0.00 nor silently guessed.
 */
@Component
class CashForecastReport {

    static final BigDecimal PRIOR_KEPT_RATE = new BigDecimal("0.5000");

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    CashForecastReport(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    ReportTable run(int days, EntityFilter.Coverage coverage) {
        String ofEntities = coverage.entity("t.legal_entity");
        LocalDate first = calendar.today();
        LocalDate last = first.plusDays(days - 1L);
        Map<String, BigDecimal> keptRate = new HashMap<>();
        long[] portfolio = new long[2]; // kept, judged: counts over every currency
        jdbc.query("""
                select t.currency, sum(case when p.kept = 1 then p.amount else 0 end) as kept, sum(p.amount) as judged,
                       sum(p.kept) as kept_count, count(*) as judged_count
                from rv_promise p join rv_ticket t on t.id = p.ticket_fk where p.judged = 1%s group by t.currency""".formatted(ofEntities), coverage.addTo(new MapSqlParameterSource()),
                rs -> {
                    keptRate.put(rs.getString("currency"), rs.getBigDecimal("kept").divide(rs.getBigDecimal("judged"), 4,
                            RoundingMode.HALF_UP));
                    portfolio[0] += rs.getLong("kept_count");
                    portfolio[1] += rs.getLong("judged_count");
                });
        boolean anyJudged = portfolio[1] > 0;
        BigDecimal fallback = anyJudged
                ? BigDecimal.valueOf(portfolio[0]).divide(BigDecimal.valueOf(portfolio[1]), 4, RoundingMode.HALF_UP)
                : PRIOR_KEPT_RATE;
        ReportTable.Builder table = ReportTable.named("cash-forecast").parameter("days", days).parameter("legalEntity", coverage.describe())
                .parameter("from", first).parameter("to", last)
                .columns(List.of("date", "currency", "promises", "promisedAmount", "keptRate", "keptRateBasis",
                        "expectedAmount"));
        jdbc.query("""
                select p.promised_date, t.currency, count(*) as promises, sum(p.amount) as promised
                from rv_promise p join rv_ticket t on t.id = p.ticket_fk
                where p.status = 'PENDING' and p.promised_date >= :first and p.promised_date <= :last%s
                group by p.promised_date, t.currency order by p.promised_date, t.currency""".formatted(ofEntities),
                coverage.addTo(new MapSqlParameterSource("first", first).addValue("last", last)), rs -> {
                    String currency = rs.getString("currency");
                    BigDecimal rate = keptRate.getOrDefault(currency, fallback);
                    String basis = keptRate.containsKey(currency) ? "history" : anyJudged ? "portfolio" : "prior";
                    BigDecimal promised = rs.getBigDecimal("promised");
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("date", rs.getDate("promised_date").toLocalDate().toString());
                    row.put("currency", currency);
                    row.put("promises", rs.getLong("promises"));
                    row.put("promisedAmount", Amounts.money(promised));
                    row.put("keptRate", rate.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP));
                    row.put("keptRateBasis", basis);
                    row.put("expectedAmount", Amounts.money(promised.multiply(rate)));
                    table.row(row);
                });
        return table.build();
    }
}
