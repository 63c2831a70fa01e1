package com.collectiondesk.ledger;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills {@code customer.search_name} (V110) and the name's words in {@code customer_search_word} (V111) for debtors
 * stored before those migrations, in batches by id: the accent-free form needs Java's Unicode normalization, which
 * SQL has no portable equivalent of. Reads nothing but an index once every row has them.
 */
@Component
class SearchNameBackfill {

    private static final int BATCH = 500;
    private static final String MISSING = """
            select c.id, c.name from customer c
            where c.id > ? and (c.search_name is null
               or not exists (select 1 from customer_search_word w where w.customer_fk = c.id))
            order by c.id fetch first %d rows only""".formatted(BATCH);

    private final JdbcTemplate jdbc;

    SearchNameBackfill(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillMissing() {
        long after = 0;
        List<Named> batch;
        do {
            batch = jdbc.query(MISSING, (rs, n) -> new Named(rs.getLong("id"), rs.getString("name")), after);
            fill(batch);
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1).id();
        } while (batch.size() == BATCH);
    }

    /** A row without search_name has no words either: the ledger writes both with every name. */
    private void fill(List<Named> batch) {
        List<Object[]> names = new ArrayList<>();
        List<Object[]> words = new ArrayList<>();
        for (Named customer : batch) {
            names.add(new Object[]{DebtorSearchText.normalize(customer.name()), customer.id()});
            DebtorSearchText.words(customer.name()).forEach(word -> words.add(new Object[]{customer.id(), word}));
        }
        jdbc.batchUpdate("update customer set search_name = ? where id = ?", names);
        jdbc.batchUpdate("insert into customer_search_word (customer_fk, word) values (?, ?)", words);
    }

    private record Named(long id, String name) {
    }
}
