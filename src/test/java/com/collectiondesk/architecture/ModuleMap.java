package com.collectiondesk.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module table of docs/architecture.md, read as the build's one statement of the allowed dependencies and
 * the table owners: rows {@code | `module` | what | may use | owns tables |}, and the shared kernels' sentence.
 */
record ModuleMap(Set<String> kernels, Map<String, Set<String>> mayUse, Map<String, String> tableOwners, Set<String> debts) {

    static final Path DOCUMENT = Path.of("docs/architecture.md");

    private static final Pattern NAME = Pattern.compile("`([a-z_][a-z0-9_]*)`");
    private static final Pattern DEBT = Pattern.compile("^- rule (\\d+), `([a-z]+)`:");

    static ModuleMap read() throws IOException {
        Set<String> kernels = new TreeSet<>();
        Map<String, Set<String>> mayUse = new LinkedHashMap<>();
        Map<String, String> owners = new LinkedHashMap<>();
        List<String> doubleOwned = new ArrayList<>();
        Set<String> debts = new TreeSet<>();
        for (String line : Files.readAllLines(DOCUMENT)) {
            Matcher debt = DEBT.matcher(line);
            if (debt.find()) {
                debts.add(debtKey(Integer.parseInt(debt.group(1)), debt.group(2)));
            }
            if (line.startsWith("Shared kernels (")) {
                kernels.addAll(names(line.substring(0, line.indexOf(')'))));
            }
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            String module = names(cells[1]).iterator().next();
            mayUse.put(module, names(cells[3]));
            for (String table : names(cells[4])) {
                if (owners.put(table, module) != null) {
                    doubleOwned.add(table);
                }
            }
        }
        if (!doubleOwned.isEmpty()) {
            throw new IllegalStateException(DOCUMENT + ": tables with more than one owner: " + doubleOwned);
        }
        return new ModuleMap(kernels, mayUse, owners, debts);
    }

    /** Whether the document's "Known debts" turn rule {@code rule} off for {@code module}. */
    boolean inDebt(int rule, String module) {
        return debts.contains(debtKey(rule, module));
    }

    private static String debtKey(int rule, String module) {
        return rule + ":" + module;
    }

    Set<String> modules() {
        return mayUse.keySet();
    }

    private static Set<String> names(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(cell);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
