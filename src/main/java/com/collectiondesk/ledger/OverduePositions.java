package com.collectiondesk.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every debtor's overdue money per currency on a day, in one set-based query: the ledger's definition of
 * "overdue" (open money past its due date), read by the daily scan without it knowing the invoice table.
 */
@Component
public class OverduePositions {

    private static final String OVERDUE_BY_CUSTOMER = """
            select customer_fk, currency, sum(open_amount) as overdue, min(due_date) as oldest_due
            from invoice
            where open_amount > 0 and due_date < ?
            group by customer_fk, currency""";

    /** One debtor's overdue money in one currency, and the due date of its oldest overdue invoice. */
    public record Position(Long customerPk, String currency, BigDecimal overdue, LocalDate oldestDue) {
    }

    private final JdbcTemplate jdbc;

    OverduePositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Position> on(LocalDate asOf) {
        return jdbc.query(OVERDUE_BY_CUSTOMER, (rs, row) -> new Position(rs.getLong("customer_fk"), rs.getString("currency"),
                rs.getBigDecimal("overdue"), rs.getDate("oldest_due").toLocalDate()), Date.valueOf(asOf));
    }
}
