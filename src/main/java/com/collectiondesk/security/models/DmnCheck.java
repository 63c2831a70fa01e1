package com.collectiondesk.security.models;

import com.collectiondesk.security.models.ModelXml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks one DMN resource: every {@code expressionLanguage} (definitions, input expressions, entries,
 * literal expressions) is FEEL, which reads values and cannot reach Java objects; JUEL and script languages
 * are refused, and so are FEEL's external (Java) function definitions. An output column that lists its
 * allowed values ({@code outputValues}) takes no other value: the engine does not check them, and a typo in
 * a segment or channel would otherwise give an empty plan at run time instead of a refusal now.
 */
final class DmnCheck implements ModelXml.Visitor {

    private static final Set<String> FEEL = Set.of("feel", "feel-scala");
    /** FEEL's {@code function(x) external {java: …}} binds a Java method. */
    private static final Pattern EXTERNAL_FUNCTION = Pattern.compile("(?s)\\bfunction\\s*\\(.*?\\)\\s*external\\b");

    static final String ENTRIES = "every rule gives one entry per input and per output column, in the columns' order;"
            + " an empty entry (or '-' for an input) means none or any.";

    static final String OUTPUT_VALUES = "an output column with allowed values (outputValues) takes only those;"
            + " add a new value to the column's allowed values, and to the code that reads it, first.";

    /** One output column of the decision table being read, with its allowed values once they are read. */
    private record Column(String name, List<String> allowed) {
    }

    private final List<Column> columns = new ArrayList<>();
    private int inputs;
    private int outputEntry;
    private int inputEntry;

    static Optional<Refusal> check(byte[] content) {
        return ModelXml.walk(content, new DmnCheck());
    }

    @Override
    public Optional<Refusal> start(XMLStreamReader xml, Element element) {
        if (isDmn(element, "decisionTable")) {
            columns.clear();
            inputs = 0;
        } else if (isDmn(element, "input")) {
            inputs++;
        } else if (isDmn(element, "output")) {
            String name = element.nameAttribute() != null ? element.nameAttribute() : xml.getAttributeValue(null, "label");
            columns.add(new Column(name != null ? name : element.scopeId(), new ArrayList<>()));
        } else if (isDmn(element, "rule")) {
            outputEntry = 0;
            inputEntry = 0;
        }
        String in = element.scopeId().isEmpty() ? "" : " in '" + element.scopeId() + "'";
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String language = xml.getAttributeValue(i);
            if (element.namespace().contains("omg.org/spec/DMN") && "expressionLanguage".equals(xml.getAttributeLocalName(i))
                    && !isFeel(language)) {
                String kind = language.trim().equalsIgnoreCase("juel") ? "expression" : "script";
                return Optional.of(new Refusal("contains a DMN " + element.name() + " in the " + kind + " language '" + language + "'" + in,
                        kind.equals("script") ? Refusal.SCRIPTS + " " + Refusal.FEEL : Refusal.FEEL));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Refusal> end(Element element, String text) {
        if (EXTERNAL_FUNCTION.matcher(text).find()) {
            return Optional.of(new Refusal("contains an external FEEL function in " + element.describe(), Refusal.FEEL));
        }
        Element parent = element.parent();
        if (isDmn(element, "text") && parent != null && isDmn(parent, "outputValues") && !columns.isEmpty()) {
            columns.get(columns.size() - 1).allowed().addAll(literals(text));
        } else if (isDmn(element, "text") && parent != null && isDmn(parent, "outputEntry") && outputEntry < columns.size()) {
            return unknownOutput(parent, columns.get(outputEntry), text.strip());
        } else if (isDmn(element, "outputEntry")) {
            outputEntry++;
        } else if (isDmn(element, "inputEntry")) {
            inputEntry++;
        } else if (isDmn(element, "rule")) {
            return entriesMissing(element);
        }
        return Optional.empty();
    }

    /** The engine refuses such a rule too, but names it by its Java object; the analyst needs the rule and the column. */
    private Optional<Refusal> entriesMissing(Element rule) {
        if (inputEntry == inputs && outputEntry == columns.size()) {
            return Optional.empty();
        }
        String problem = inputEntry != inputs
                ? inputEntry + " input entries for " + inputs + " inputs"
                : outputEntry + " output entries for " + columns.size() + " output columns"
                        + (outputEntry < columns.size() ? " (no entry for '" + columns.get(outputEntry).name() + "')" : "");
        return Optional.of(new Refusal("has rule '" + rule.scopeId() + "' of decision '" + decisionOf(rule) + "' with " + problem, ENTRIES));
    }

    private static Optional<Refusal> unknownOutput(Element entry, Column column, String value) {
        if (column.allowed().isEmpty() || value.isEmpty() || column.allowed().contains(value)) {
            return Optional.empty();
        }
        Element rule = entry.parent();
        return Optional.of(new Refusal("has the output " + shown(value) + " in rule '" + (rule == null ? "?" : rule.scopeId())
                + "' of decision '" + decisionOf(rule) + "', column '" + column.name() + "', which allows only "
                + String.join(", ", column.allowed().stream().map(DmnCheck::shown).toList()), OUTPUT_VALUES));
    }

    /** The id of the decision a rule belongs to (rule → decisionTable → decision), for refusals that name it. */
    private static String decisionOf(Element rule) {
        Element table = rule == null ? null : rule.parent();
        Element decision = table == null ? null : table.parent();
        return decision != null && decision.ownId() != null ? decision.ownId() : table != null ? table.scopeId() : "?";
    }

    /** A FEEL string literal in single quotes, so the refusal reads the same inside a JSON error body. */
    private static String shown(String literal) {
        boolean string = literal.length() >= 2 && literal.startsWith("\"") && literal.endsWith("\"");
        return "'" + (string ? literal.substring(1, literal.length() - 1) : literal) + "'";
    }

    /** The comma-separated literals of an allowed-values list, e.g. {@code "SMS","EMAIL"}; commas in quotes stay. */
    static List<String> literals(String list) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (char c : list.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                values.add(value.toString().strip());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(value.toString().strip());
        values.removeIf(String::isEmpty);
        return values;
    }

    private static boolean isDmn(Element element, String localName) {
        return element.namespace().contains("omg.org/spec/DMN") && element.name().equals(localName);
    }

    /** FEEL by name or by its OMG namespace URI. */
    private static boolean isFeel(String language) {
        String lower = language.trim().toLowerCase(Locale.ROOT);
        return FEEL.contains(lower) || lower.matches("https?://www\\.omg\\.org/spec/(dmn/\\d+/)?feel/?(\\d+/?)?");
    }
}
