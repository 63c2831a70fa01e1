package com.collectiondesk.contact;

import com.collectiondesk.support.PostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** The debtor's contact budget on embedded PostgreSQL: the row lock that serialises the last slot is PostgreSQL's own. */
@ContextConfiguration(initializers = PostgresInitializer.class)
class ContactBudgetPostgresTest extends ContactBudgetTest {
}
