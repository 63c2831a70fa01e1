package com.collectiondesk.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Our charges the ERP has not heard of at their current amount (never the ERP's own), and the record that it has:
 * read by {@link LedgerQueries#chargesToPush}, written by {@link LedgerCommands#chargePushed}.
 */
@Component
class ChargePushes {

    private static final String TO_PUSH = """
            select c.charge_key, i.invoice_number, cu.customer_id, c.kind, c.rule, c.basis, c.rate, c.day_count,
                   c.period_from, c.period_to, c.amount, c.currency
            from ledger_charge c join invoice i on i.id = c.invoice_fk join customer cu on cu.id = i.customer_fk
            left join ledger_charge_push p on p.charge_key = c.charge_key
            where c.source = 'OURS' and c.amount > 0 and (p.charge_key is null or p.amount <> c.amount)
            order by c.id""";

    private final JdbcTemplate jdbc;

    ChargePushes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ChargeToPush> toPush(int limit) {
        return jdbc.query(TO_PUSH + " fetch first " + limit + " rows only", (rs, row) -> new ChargeToPush(
                rs.getString("charge_key"), rs.getString("invoice_number"), rs.getString("customer_id"), rs.getString("kind"),
                rs.getString("rule"), rs.getBigDecimal("basis"), rs.getBigDecimal("rate"), rs.getString("day_count"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getBigDecimal("amount"), rs.getString("currency")));
    }

    void pushed(String chargeKey, BigDecimal amount, Instant at) {
        if (jdbc.update("update ledger_charge_push set amount = ?, pushed_at = ? where charge_key = ?", amount,
                Timestamp.from(at), chargeKey) == 0) {
            jdbc.update("insert into ledger_charge_push (charge_key, amount, pushed_at) values (?, ?, ?)", chargeKey, amount,
                    Timestamp.from(at));
        }
    }
}
