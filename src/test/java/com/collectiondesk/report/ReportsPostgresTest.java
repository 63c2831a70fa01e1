package com.collectiondesk.report;

import com.collectiondesk.support.PostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** The same reports and hand-worked figures on PostgreSQL, the production database. */
@ContextConfiguration(initializers = PostgresInitializer.class)
class ReportsPostgresTest extends ReportsApiTest {
}
