package com.collectiondesk.strategy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The challenger's DMN as the champion's: the decision {@code collection-strategy-challenger} renamed
 * {@code collection-strategy} wherever the file names it (its id, the diagram's {@code dmnElementRef}, a
 * {@code href="#…"}), every rule and column as the analyst wrote them.
 */
final class ChampionModel {

    private ChampionModel() {
    }

    static byte[] fromChallenger(byte[] challengerXml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(challengerXml));
            NodeList elements = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < elements.getLength(); i++) {
                rename((Element) elements.item(i));
            }
            TransformerFactory transformers = TransformerFactory.newInstance();
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformers.newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            // the engine parsed and deployed this very file: it is well-formed DMN
            throw new IllegalStateException("the deployed challenger could not be read as XML", e);
        }
    }

    private static void rename(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int a = 0; a < attributes.getLength(); a++) {
            Attr attribute = (Attr) attributes.item(a);
            String value = attribute.getValue();
            if (value.equals(Decisions.COLLECTION_STRATEGY_CHALLENGER)) {
                attribute.setValue(Decisions.COLLECTION_STRATEGY);
            } else if (value.equals("#" + Decisions.COLLECTION_STRATEGY_CHALLENGER)) {
                attribute.setValue("#" + Decisions.COLLECTION_STRATEGY);
            }
        }
    }
}
