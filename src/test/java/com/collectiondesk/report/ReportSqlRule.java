package com.collectiondesk.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The reports read only their own read models (README, "Reports and dashboard", "Read models"): the SQL in the report
 * module's string constants names only {@code rv_*} views and the tables the module keeps itself, never another
 * module's table and never an engine {@code act_*} table; and the {@code rv_*} views read only the views other modules
 * publish ({@code *_v}). Table names must stand in the SQL text: a {@code from}/{@code join} whose table is
 * concatenated in is reported too, since the rule cannot see it.
 * <p>
 * A scan of the sources, not of the running SQL: in every string literal and text block (SQL is often built from
 * fragments), the names after {@code from}, {@code join}, {@code into} and {@code update}, including comma-separated
 * from lists, and any {@code act_*} name.
 */
final class ReportSqlRule {

    /** Tables the report module creates and writes itself. */
    static final Set<String> REPORT_TABLES = Set.of("bucket_snapshot", "report_task_fact", "report_task_fact_backfill");

    /** One table reference the rule refuses: the class (or migration) and the name it reads. */
    record Violation(String source, String table, String why) {
        @Override
        public String toString() {
            return source + " reads " + table + ": " + why;
        }
    }

    /** A statement, or a fragment that continues one. */
    private static final Pattern SQL = Pattern.compile("(?is)\\b(select|insert\\s+into|delete\\s+from|update\\s+\\w+\\s+set)\\b"
            + "|^\\s*(from|(left\\s+|inner\\s+)?join|where|and|union)\\b");
    private static final Pattern ENGINE_TABLE = Pattern.compile("(?i)\\bact_[a-z0-9_]+");
    /** {@code extract(year from x)}: a "from" that is no table reference. */
    private static final Pattern EXTRACT = Pattern.compile("(?i)extract\\s*\\(\\s*\\w+\\s+from\\b");
    private static final Pattern REFERENCE = Pattern.compile(
            "(?i)(?<![:\\w])(from|join|into|(?<!for\\s)update)\\s+([a-z_][a-z0-9_$]*(?:\\.[a-z_][a-z0-9_$]*)?)?");
    /** What may follow a table name in a from list before another table: an alias, then a comma. */
    private static final Pattern NEXT_IN_LIST = Pattern.compile("(?i)\\G\\s*(?:(?:as\\s+)?(?!where\\b|join\\b|left\\b|inner\\b"
            + "|on\\b|group\\b|order\\b|union\\b|having\\b|limit\\b|cross\\b|set\\b|values\\b)[a-z_][a-z0-9_]*)?\\s*,\\s*"
            + "([a-z_][a-z0-9_$]*(?:\\.[a-z_][a-z0-9_$]*)?)");

    private ReportSqlRule() {
    }

    /** Violations in the SQL literals of every {@code .java} file under {@code sourceRoot}. */
    static List<Violation> inSources(Path sourceRoot) {
        List<Violation> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String className = file.getFileName().toString().replace(".java", "");
                violations.addAll(inSource(className, Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    /** Violations in the SQL literals of one Java source. */
    static List<Violation> inSource(String className, String javaSource) {
        List<Violation> violations = new ArrayList<>();
        for (String literal : JavaStringLiterals.of(javaSource)) {
            violations.addAll(inSql(className, literal, ReportSqlRule::isReportView,
                    "not a report view; read an rv_* view (V64__report_views.sql) or a table in "
                            + "ReportSqlRule.REPORT_TABLES"));
        }
        return violations;
    }

    /** Violations in the bodies of the {@code create view rv_*} statements of the migrations under {@code migrations}. */
    static List<Violation> inReportViews(Path migrations) {
        Pattern reportView = Pattern.compile("(?is)create\\s+(?:or\\s+replace\\s+)?view\\s+(rv_\\w+)(.*?);");
        List<Violation> violations = new ArrayList<>();
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".sql")).sorted().toList()) {
                Matcher view = reportView.matcher(withoutSqlComments(Files.readString(file)));
                while (view.find()) {
                    violations.addAll(inSql(file.getFileName() + " " + view.group(1), view.group(2),
                            table -> table.endsWith("_v"), "rv_* views read only the views other modules publish (*_v)"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    /** The failure message: one line per violation. */
    static String describe(List<Violation> violations) {
        StringBuilder message = new StringBuilder("Report SQL reads outside its read models (" + violations.size() + "):");
        violations.forEach(violation -> message.append("\n  ").append(violation));
        return message.toString();
    }

    private static List<Violation> inSql(String source, String text, Predicate<String> allowed, String why) {
        List<Violation> violations = new ArrayList<>();
        Matcher engine = ENGINE_TABLE.matcher(text);
        while (engine.find()) {
            violations.add(new Violation(source, engine.group().toLowerCase(Locale.ROOT),
                    "an engine table; read the report's own task facts (TaskFactKeeper)"));
        }
        String sql = EXTRACT.matcher(text).replaceAll("extract(");
        Matcher reference = REFERENCE.matcher(sql);
        while (reference.find()) {
            String table = reference.group(2);
            if (table == null) {
                // "... from " + table: only in what reads as SQL, not in a message such as "a number from " + min
                if (sql.substring(reference.end()).isBlank() && SQL.matcher(sql).find()) {
                    violations.add(new Violation(source, "(a name concatenated after '" + reference.group(1).trim() + "')",
                            "write the view's name in the SQL text, where this rule can check it"));
                }
                continue;
            }
            check(source, table, allowed, why, violations);
            Matcher next = NEXT_IN_LIST.matcher(sql);
            int at = reference.end();
            while (next.find(at)) {
                check(source, next.group(1), allowed, why, violations);
                at = next.end();
            }
        }
        return violations;
    }

    private static void check(String source, String qualified, Predicate<String> allowed, String why,
                              List<Violation> violations) {
        String table = qualified.substring(qualified.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!table.startsWith("act_") && !allowed.test(table)) {
            violations.add(new Violation(source, table, why));
        }
    }

    private static boolean isReportView(String table) {
        return table.startsWith("rv_") || REPORT_TABLES.contains(table);
    }

    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("--[^\n]*", "");
    }
}
