package com.collectiondesk.security.models;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a BPMN or DMN resource element by element, without DTDs or entities (no XXE), and hands each
 * element's own text to the visitor the way the engine's parser sees it: all its character data, joined
 * across comments and child elements.
 */
final class ModelXml {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /** One element being read: its own id, and the nearest id around it (its own when it has one). */
    record Element(String namespace, String name, String ownId, String nameAttribute, String scopeId, Element parent) {

        boolean isBpmn(String localName) {
            return BPMN.equals(namespace) && name.equals(localName);
        }

        boolean isCamunda() {
            return isCamundaNamespace(namespace);
        }

        /** For messages: "serviceTask 'call'", "camunda:inputParameter 'x' in 'call'". */
        String describe() {
            String label = (isCamunda() ? "camunda:" : "") + name;
            if (ownId != null) {
                return label + " '" + ownId + "'";
            }
            return label + (nameAttribute != null ? " '" + nameAttribute + "'" : "")
                    + (scopeId.isEmpty() ? "" : " in '" + scopeId + "'");
        }
    }

    interface Visitor {

        Optional<Refusal> start(XMLStreamReader xml, Element element);

        Optional<Refusal> end(Element element, String text);
    }

    private ModelXml() {
    }

    static boolean isCamundaNamespace(String namespace) {
        return namespace != null && (namespace.startsWith("http://camunda.org/schema/") || namespace.startsWith("http://activiti.org/"));
    }

    static Optional<Refusal> walk(byte[] content, Visitor visitor) {
        Deque<Element> elements = new ArrayDeque<>();
        Deque<StringBuilder> texts = new ArrayDeque<>();
        try {
            XMLStreamReader xml = factory().createXMLStreamReader(new ByteArrayInputStream(content));
            while (xml.hasNext()) {
                int event = xml.next();
                Optional<Refusal> refusal = switch (event) {
                    case XMLStreamConstants.DTD -> Optional.of(new Refusal("declares a DTD, which models may not use", Refusal.XML));
                    case XMLStreamConstants.ENTITY_REFERENCE -> Optional.of(new Refusal("uses the entity '&" + xml.getLocalName() + ";'", Refusal.XML));
                    case XMLStreamConstants.START_ELEMENT -> {
                        Element element = element(xml, elements.peek());
                        elements.push(element);
                        texts.push(new StringBuilder());
                        yield visitor.start(xml, element);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!texts.isEmpty()) {
                            texts.peek().append(xml.getText());
                        }
                        yield Optional.empty();
                    }
                    case XMLStreamConstants.END_ELEMENT -> visitor.end(elements.pop(), texts.pop().toString());
                    default -> Optional.empty();
                };
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
            return Optional.empty();
        } catch (XMLStreamException notXml) {
            return Optional.of(new Refusal("is not well-formed XML (" + notXml.getMessage().replaceAll("\\s+", " ") + ")", Refusal.XML));
        }
    }

    private static Element element(XMLStreamReader xml, Element parent) {
        String id = xml.getAttributeValue(null, "id");
        String scope = id != null ? id : parent == null ? "" : parent.scopeId();
        return new Element(xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI(), xml.getLocalName(), id,
                xml.getAttributeValue(null, "name"), scope, parent);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }
}
