package com.collectiondesk.debtor;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.PostgresInitializer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The debtor search on PostgreSQL 16 (embedded), the production database: every case of {@link DebtorSearchTest}
 * (names with and without accents, Cyrillic, a phone typed as 0888 123 456, an invoice number, paging, refusals),
 * and the name's word prefix answered from an index, which PostgreSQL uses for LIKE 'x%' only with
 * text_pattern_ops (db/vendor/postgresql/V112).
 */
@ContextConfiguration(initializers = PostgresInitializer.class)
class DebtorSearchPostgresTest extends DebtorSearchTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void aWordPrefixIsAnIndexRangeNotAScan() {
        List<String> plan = transaction.execute(status -> {
            // the test database is tiny, where a scan is cheaper; the question is whether the index can serve
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("explain select customer_fk from customer_search_word where word like 'petrov%'", String.class);
        });

        assertThat(String.join("\n", plan)).contains("ix_customer_search_word_prefix")
                .contains("word ~>=~ 'petrov'").contains("word ~<~ 'petrow'");
    }
}
