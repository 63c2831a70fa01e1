package com.collectiondesk.ledger;

import com.collectiondesk.ledger.LedgerQueries.OpenInvoice;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Many debtors' overdue invoices in one query, as {@link LedgerQueries#overdue} gives one debtor's: what the
 * scan's set-based ticket writes read per chunk, without loading an entity.
 */
@Component
public class OverdueInvoices {

    private static final String OVERDUE_OF_CUSTOMERS = """
            select i.id, i.invoice_number, i.customer_fk, i.due_date, i.open_amount, i.currency, c.product_type
            from invoice i left join contract c on c.id = i.contract_fk
            where i.customer_fk in (:customers) and i.open_amount > 0 and i.due_date < :asOf
            order by i.customer_fk, i.currency, i.due_date, i.invoice_number""";

    /** One overdue invoice and its debtor. */
    public record Row(Long customerPk, OpenInvoice invoice) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    OverdueInvoices(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The debtors' invoices with money open that fell due before the day; per debtor and currency oldest first. */
    public List<Row> of(Collection<Long> customerPks, LocalDate asOf) {
        if (customerPks.isEmpty()) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        jdbc.query(OVERDUE_OF_CUSTOMERS, Map.of("customers", customerPks, "asOf", Date.valueOf(asOf)), rs -> {
            String productType = rs.getString("product_type");
            rows.add(new Row(rs.getLong("customer_fk"), new OpenInvoice(rs.getLong("id"), rs.getString("invoice_number"),
                    rs.getDate("due_date").toLocalDate(), rs.getBigDecimal("open_amount"), rs.getString("currency"),
                    productType == null ? "UNKNOWN" : productType)));
        });
        return rows;
    }
}
