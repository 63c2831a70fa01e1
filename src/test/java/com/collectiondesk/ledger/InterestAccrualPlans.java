package com.collectiondesk.ledger;

import java.time.LocalDate;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** PostgreSQL's plans of the daily accrual's statements, each run (EXPLAIN ANALYZE) and rolled back: for benchmarks. */
public final class InterestAccrualPlans {

    private InterestAccrualPlans() {
    }

    public static String explain(ApplicationContext context, LocalDate today) {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(context.getBean(JdbcTemplate.class));
        StringBuilder plans = new StringBuilder();
        context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            for (InterestAccrual.Statement statement : context.getBean(InterestAccrual.class).dailyStatements(today)) {
                plans.append("=== accrual statement, today ").append(today).append(" ===\n")
                        .append(jdbc.queryForList("explain (analyze, buffers) " + statement.sql(), statement.parameters(),
                                String.class).stream().collect(Collectors.joining("\n"))).append('\n');
            }
            status.setRollbackOnly();
        });
        return plans.toString();
    }
}
