package com.collectiondesk.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tables (and JPA entities) named by SQL and JPQL in a module's main sources: the names after {@code from},
 * {@code join}, {@code into}, {@code update} and {@code table} inside string literals and text blocks.
 */
final class SqlTableReads {

    static final Path SOURCES = Path.of("src/main/java/com/collectiondesk");

    private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\\n])*)\"", Pattern.DOTALL);
    private static final Pattern NAMED = Pattern.compile("\\b(?i)(from|join|into|update|table)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CREATED = Pattern.compile("(?i)create\\s+(?:or\\s+replace\\s+)?(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern DROPPED = Pattern.compile("(?i)drop\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?(\\w+)");

    /** One name a module's source uses where SQL or JPQL names a table or entity; {@code verb} the word before it. */
    record Use(String module, String file, String verb, String name) {

        /** {@code from} and {@code join} only read; the other verbs write or change the table. */
        boolean reads() {
            return verb.equalsIgnoreCase("from") || verb.equalsIgnoreCase("join");
        }
    }

    private SqlTableReads() {
    }

    static List<Use> in(String module) {
        Path root = SOURCES.resolve(module);
        List<Use> uses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = STRING.matcher(Files.readString(file));
                while (literal.find()) {
                    String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    Matcher named = NAMED.matcher(text);
                    while (named.find()) {
                        uses.add(new Use(module, SOURCES.relativize(file).toString(), named.group(1), named.group(2)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /** Who a used name belongs to: a table's owner, an entity's module, "engine" for act_*, or null if it is no table. */
    static String ownerOf(String name, Map<String, String> tableOwners, Map<String, String> entityModules) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("act_")) {
            return "engine";
        }
        if (tableOwners.containsKey(lower)) {
            return tableOwners.get(lower);
        }
        return entityModules.get(name);
    }

    /** The tables and views the migrations leave in the schema. */
    static Set<String> createdByMigrations(Path migrations) throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted(Comparator.comparingInt(SqlTableReads::version)).toList()) {
                String sql = Files.readString(file);
                CREATED.matcher(sql).results().forEach(m -> tables.add(m.group(1).toLowerCase(Locale.ROOT)));
                DROPPED.matcher(sql).results().forEach(m -> tables.remove(m.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        return tables;
    }

    /** V12__x.sql → 12: migrations apply by number, not by name (V9 before V10). */
    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")).replaceAll("\\D.*", ""));
    }
}
