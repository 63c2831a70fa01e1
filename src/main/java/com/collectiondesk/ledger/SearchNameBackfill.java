package com.collectiondesk.ledger;

import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills {@code customer.search_name} for debtors stored before V110, in batches: the accent-free form needs
 * Java's Unicode normalization, which SQL has no portable equivalent of. Does nothing once every row has it.
 */
@Component
class SearchNameBackfill {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    SearchNameBackfill(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillMissing() {
        List<Object[]> batch;
        do {
            batch = jdbc.query("select id, name from customer where search_name is null fetch first " + BATCH + " rows only",
                    (rs, n) -> new Object[]{DebtorSearchText.normalize(rs.getString("name")), rs.getLong("id")});
            if (!batch.isEmpty()) {
                jdbc.batchUpdate("update customer set search_name = ? where id = ?", batch);
            }
        } while (batch.size() == BATCH);
    }
}
