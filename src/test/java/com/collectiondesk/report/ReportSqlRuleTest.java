package com.collectiondesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report module reads only its read models ({@link ReportSqlRule}); and the rule does catch what it must. */
class ReportSqlRuleTest {

    private static final Path REPORT_SOURCES = Path.of("src/main/java/com/collectiondesk/report");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void reportSqlNamesOnlyReportViewsAndItsOwnTables() {
        List<ReportSqlRule.Violation> violations = ReportSqlRule.inSources(REPORT_SOURCES);
        assertThat(violations).as(ReportSqlRule.describe(violations)).isEmpty();
    }

    @Test
    void reportViewsReadOnlyTheViewsOtherModulesPublish() {
        List<ReportSqlRule.Violation> violations = ReportSqlRule.inReportViews(MIGRATIONS);
        assertThat(violations).as(ReportSqlRule.describe(violations)).isEmpty();
    }

    @Test
    void theRuleNamesTheClassAndTheTableOfEachWayOfReachingOut() {
        String source = """
                class Reach {
                    static final String TASKS = "select assignee_, count(*) from ACT_RU_TASK group by assignee_";
                    static final String JOINED = \"""
                            select t.owner from rv_ticket_payment a
                            join ticket t on t.id = a.ticket_fk\""";
                    static final String LISTED = " from rv_ticket t, invoice i where i.id = t.id";
                    static final String INSERTED = "insert into contact_attempt (id) select id from rv_ticket";
                    static final String FRAGMENT = " as promises from promise p where p.author is not null";
                    String concatenated(String table) {
                        return "select sum(x.amount) from " + table + " x";
                    }
                }
                """;

        assertThat(ReportSqlRule.inSource("Reach", source)).extracting(Object::toString).containsExactly(
                "Reach reads act_ru_task: an engine table; read the report's own task facts (TaskFactKeeper)",
                "Reach reads ticket: not a report view; read an rv_* view (V64__report_views.sql) or a table in"
                        + " ReportSqlRule.REPORT_TABLES",
                "Reach reads invoice: not a report view; read an rv_* view (V64__report_views.sql) or a table in"
                        + " ReportSqlRule.REPORT_TABLES",
                "Reach reads contact_attempt: not a report view; read an rv_* view (V64__report_views.sql) or a table in"
                        + " ReportSqlRule.REPORT_TABLES",
                "Reach reads promise: not a report view; read an rv_* view (V64__report_views.sql) or a table in"
                        + " ReportSqlRule.REPORT_TABLES",
                "Reach reads (a name concatenated after 'from'): write the view's name in the SQL text, where this rule"
                        + " can check it");
    }

    @Test
    void wordsThatOnlyLookLikeTableReferencesPass() {
        String source = """
                class Fine {
                    static final String MONTHS = "select extract(year from i.issue_date) as y from rv_invoice i"
                            + " where i.issue_date >= :from and i.issue_date <= :to group by extract(month from i.issue_date)";
                    static final String SUBQUERY = "select sum(amount) from (select amount from rv_invoice) x, rv_customer c";
                    static final String KEPT = "insert into bucket_snapshot (as_of) select :asOf from rv_open_ticket";
                    static final String MESSAGE = "Parameter 'days' must be a whole number from ";
                    // a comment: select * from ticket
                    static final String GROUPING = "customer";
                }
                """;

        assertThat(ReportSqlRule.inSource("Fine", source)).isEmpty();
    }

    @Test
    void aReportViewOnABaseTableIsRefused(@TempDir Path migrations) throws Exception {
        Files.writeString(migrations.resolve("V99__shortcut.sql"), """
                -- a shortcut past the ledger's published view
                create view rv_paid (invoice_fk, amount) as
                select a.invoice_fk, a.amount from payment_allocation a join ledger_invoice_v i on i.id = a.invoice_fk;
                """);

        assertThat(ReportSqlRule.inReportViews(migrations)).extracting(Object::toString).containsExactly(
                "V99__shortcut.sql rv_paid reads payment_allocation: rv_* views read only the views other modules publish (*_v)");
    }
}
