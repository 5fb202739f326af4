package com.linkpos.acquiring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A bank's XML answer as LinkPOS reads it: parsed safely (no DTD, no external entity), in the charset its
 * own declaration names (PayFor sends UTF-8, EST ISO-8859-9 with numeric entities), and flattened to its
 * leaf elements by name. What is not well-formed XML with one of the expected root elements is
 * {@link BankUnanswered}.
 */
public final class BankXml {

    private BankXml() {
    }

    /** The leaf elements of the answer, the first of each name, their text stripped (banks pad "empty" ones). */
    public static Map<String, String> leaves(byte[] xml, Set<String> roots) {
        Element root = root(xml, roots);
        Map<String, String> fields = new LinkedHashMap<>();
        collect(root, fields);
        return fields;
    }

    /** The answer's root element, for answers with repeated elements (reports). */
    public static Element root(byte[] xml, Set<String> roots) {
        try {
            // the JDK's own parser: newInstance() would search the whole class path for another one on every call
            // (in the packaged jar, 7 % of a payment's CPU in a flight recording: docs/PERFORMANCE.md)
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
            if (!roots.contains(root.getTagName())) {
                throw new BankUnanswered("not the bank's answer: " + root.getTagName(), null);
            }
            return root;
        } catch (SAXException | IOException | ParserConfigurationException unreadable) {
            throw new BankUnanswered("an answer that is not the bank's XML", unreadable);
        }
    }

    private static void collect(Element element, Map<String, String> fields) {
        NodeList children = element.getChildNodes();
        boolean leaf = true;
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                leaf = false;
                collect((Element) children.item(i), fields);
            }
        }
        if (leaf) {
            fields.putIfAbsent(element.getTagName(), element.getTextContent().strip());
        }
    }

    /** Text as XML character data. */
    public static String escape(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
