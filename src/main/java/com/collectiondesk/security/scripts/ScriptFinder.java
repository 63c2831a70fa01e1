package com.collectiondesk.security.scripts;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Finds the first script in one deployment resource: script tasks, {@code camunda:script} (listeners,
 * input/output), conditions with a script {@code language}, {@code camunda:resource} references, script
 * files, and DMN expressions in a language other than FEEL or JUEL. XML is read without DTDs or entities.
 */
final class ScriptFinder {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Set<String> SCRIPT_FILE_SUFFIXES = Set.of(
            ".js", ".mjs", ".cjs", ".ts", ".jsx", ".ecma", ".groovy", ".gvy", ".gy", ".gsh", ".py", ".jy",
            ".rb", ".jruby", ".kts", ".lua", ".sh", ".ftl", ".vm", ".xsl", ".xslt");
    private static final Set<String> XML_SUFFIXES = Set.of(".bpmn", ".dmn", ".cmmn", ".xml");
    /** DMN expression languages that are not scripts; anything else (javascript, groovy, python …) is. */
    private static final Set<String> SAFE_DMN_LANGUAGES = Set.of("feel", "feel-scala", "juel");

    private ScriptFinder() {
    }

    /** A description of the first script found, e.g. "a script task 'calc'". */
    static Optional<String> find(String resourceName, byte[] content) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        Optional<String> suffix = SCRIPT_FILE_SUFFIXES.stream().filter(name::endsWith).findFirst();
        if (suffix.isPresent()) {
            return Optional.of("is a script file (" + suffix.get() + ")");
        }
        if (XML_SUFFIXES.stream().noneMatch(name::endsWith)) {
            return Optional.empty();
        }
        return findInXml(content);
    }

    private static Optional<String> findInXml(byte[] content) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        Deque<String> ids = new ArrayDeque<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    return Optional.of("declares a DTD, which models may not use");
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    ids.pop();
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    String id = xml.getAttributeValue(null, "id");
                    ids.push(id != null ? id : ids.isEmpty() ? "" : ids.peek());
                    Optional<String> script = scriptAt(xml, ids.peek());
                    if (script.isPresent()) {
                        return script;
                    }
                }
            }
            return Optional.empty();
        } catch (XMLStreamException notXml) {
            return Optional.of("is not well-formed XML (" + notXml.getMessage().replaceAll("\\s+", " ") + ")");
        }
    }

    private static Optional<String> scriptAt(XMLStreamReader xml, String enclosingId) {
        String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        String element = xml.getLocalName();
        String in = enclosingId.isEmpty() ? "" : " in '" + enclosingId + "'";
        if (BPMN.equals(namespace) && "scriptTask".equals(element)) {
            return Optional.of("contains a script task '" + enclosingId + "'");
        }
        if (isCamundaExtension(namespace) && "script".equals(element)) {
            return Optional.of("contains a camunda:script" + in);
        }
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String attributeNamespace = xml.getAttributeNamespace(i) == null ? "" : xml.getAttributeNamespace(i);
            String attribute = xml.getAttributeLocalName(i);
            String value = xml.getAttributeValue(i);
            if (isCamundaExtension(attributeNamespace) && "resource".equals(attribute)) {
                return Optional.of("contains a camunda:resource script reference" + in);
            }
            if (BPMN.equals(namespace) && "language".equals(attribute) && !value.isBlank()) {
                return Optional.of("contains a " + element + " in the script language '" + value + "'" + in);
            }
            if (namespace.contains("omg.org/spec/DMN") && "expressionLanguage".equals(attribute)
                    && !isSafeDmnLanguage(value)) {
                return Optional.of("contains a DMN " + element + " in the script language '" + value + "'" + in);
            }
        }
        return Optional.empty();
    }

    private static boolean isCamundaExtension(String namespace) {
        return namespace.startsWith("http://camunda.org/schema/") || namespace.startsWith("http://activiti.org/");
    }

    /** FEEL by name or by its OMG namespace URI, or JUEL. */
    private static boolean isSafeDmnLanguage(String language) {
        String lower = language.trim().toLowerCase(Locale.ROOT);
        return SAFE_DMN_LANGUAGES.contains(lower) || lower.startsWith("http") && lower.contains("feel");
    }
}
