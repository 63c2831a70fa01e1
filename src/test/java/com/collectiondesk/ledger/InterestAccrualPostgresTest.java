package com.collectiondesk.ledger;

import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.PostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** The interest fixture on a real PostgreSQL (embedded, no Docker), the production database. */
@IntegrationTest
@ContextConfiguration(initializers = PostgresInitializer.class)
class InterestAccrualPostgresTest extends AbstractInterestAccrualTest {
}
