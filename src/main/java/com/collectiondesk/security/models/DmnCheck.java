package com.collectiondesk.security.models;

import com.collectiondesk.security.models.ModelXml.Element;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks one DMN resource: every {@code expressionLanguage} (definitions, input expressions, entries,
 * literal expressions) is FEEL, which reads values and cannot reach Java objects; JUEL and script languages
 * are refused, and so are FEEL's external (Java) function definitions.
 */
final class DmnCheck implements ModelXml.Visitor {

    private static final Set<String> FEEL = Set.of("feel", "feel-scala");
    /** FEEL's {@code function(x) external {java: …}} binds a Java method. */
    private static final Pattern EXTERNAL_FUNCTION = Pattern.compile("(?s)\\bfunction\\s*\\(.*?\\)\\s*external\\b");

    static Optional<Refusal> check(byte[] content) {
        return ModelXml.walk(content, new DmnCheck());
    }

    @Override
    public Optional<Refusal> start(XMLStreamReader xml, Element element) {
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
        return Optional.empty();
    }

    /** FEEL by name or by its OMG namespace URI. */
    private static boolean isFeel(String language) {
        String lower = language.trim().toLowerCase(Locale.ROOT);
        return FEEL.contains(lower) || lower.matches("https?://www\\.omg\\.org/spec/(dmn/\\d+/)?feel/?(\\d+/?)?");
    }
}
