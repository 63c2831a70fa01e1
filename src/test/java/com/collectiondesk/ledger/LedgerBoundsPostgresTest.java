package com.collectiondesk.ledger;

import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.PostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** The ledger's bounds on a real PostgreSQL 16 (embedded), the production database. */
@IntegrationTest
@ContextConfiguration(initializers = PostgresInitializer.class)
class LedgerBoundsPostgresTest extends AbstractLedgerBoundsTest {
}
