package com.collectiondesk.ledger;

import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.PostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** The ledger scenarios on a real PostgreSQL 16 (embedded, no Docker), the production database. */
@IntegrationTest
@ContextConfiguration(initializers = PostgresInitializer.class)
class LedgerPostgresTest extends AbstractLedgerTest {
}
