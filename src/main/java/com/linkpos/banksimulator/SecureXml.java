package com.linkpos.banksimulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XML as a simulated gateway reads what merchants post: DTDs and external entities are refused (a
 * request must not make the bank read files or other servers), and what is not well-formed is simply
 * unreadable.
 */
final class SecureXml {

    private SecureXml() {
    }

    /** The document's root element, or empty when the text is not well-formed XML. */
    static Optional<Element> root(InputSource source) {
        try {
            // the JDK's own parser: newInstance() would search the whole class path for another one on every call
            // (in the packaged jar, 7 % of a payment's CPU in a flight recording: docs/PERFORMANCE.md)
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null); // no parser noise on the console; the empty answer says it
            return Optional.of(builder.parse(source).getDocumentElement());
        } catch (ParserConfigurationException impossible) {
            throw new IllegalStateException(impossible);
        } catch (SAXException | IOException malformed) {
            return Optional.empty();
        }
    }

    /** The child elements, by name, their text stripped (requests may carry line breaks inside "empty" elements); the first of a name counts. */
    static Map<String, String> children(Element parent) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                fields.putIfAbsent(child.getNodeName(), child.getTextContent().strip());
            }
        }
        return fields;
    }

    /** Escapes markup, and leaves out what XML 1.0 cannot carry at all (control characters). */
    static void escape(StringBuilder xml, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        xml.append(c);
                    }
                }
            }
        }
    }
}
