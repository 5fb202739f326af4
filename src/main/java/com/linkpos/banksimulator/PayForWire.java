package com.linkpos.banksimulator;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * PayFor's encodings (docs/VPOS.md A1 "Transport and encodings"): form posts as {@link PostedForm} reads
 * them, {@code PayforRequest} XML in whatever its declaration says,
 * and the answers: {@code PayforResponse} and {@code TxnHistoryReport} XML in UTF-8, or plain
 * {@code Key=Value;;Key=Value} text.
 */
final class PayForWire {

    static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    /** A body the gateway cannot read at all. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private PayForWire() {
    }

    /**
     * The child elements of a {@code <PayforRequest>}, by name, their text stripped (answers and requests
     * may carry line breaks inside "empty" elements). DTDs and external entities are refused: a request
     * must not make the gateway read files or other servers.
     */
    static Map<String, String> request(byte[] body) throws Unreadable {
        Element root = SecureXml.root(new InputSource(new ByteArrayInputStream(body)))
                .orElseThrow(() -> new Unreadable("malformed XML"));
        if (!"PayforRequest".equals(root.getNodeName())) {
            throw new Unreadable("the root element is not PayforRequest");
        }
        return SecureXml.children(root);
    }

    /** {@code <PayforResponse>}, or the {@code <TxnHistoryReport>} of a history. */
    static String xml(PayForAnswer answer) {
        StringBuilder xml = new StringBuilder(XML_DECLARATION);
        if (answer.isHistory()) {
            xml.append("<TxnHistoryReport xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                    .append(" xsi:noNamespaceSchemaLocation=\"TxnHistoryReport.xsd\">");
            for (PayForAnswer.HistoryRow row : answer.historyRows()) {
                xml.append("<PaymentRequestExtended><PaymentRequest xmlns=\"http://ocean.smartway.com/\">");
                elements(xml, row.paymentRequest());
                xml.append("</PaymentRequest><ExtraParameters>");
                extra(xml, "IsBatchClosed", row.batchClosed() ? "True" : "False");
                extra(xml, "SettlementDate", row.settlementDate());
                xml.append("</ExtraParameters></PaymentRequestExtended>");
            }
            return xml.append("</TxnHistoryReport>").toString();
        }
        xml.append("<PayforResponse>");
        elements(xml, answer.fields());
        return xml.append("</PayforResponse>").toString();
    }

    /** The plain-text answer of Default.aspx: {@code Key=Value;;Key=Value}. */
    static String keyValue(PayForAnswer answer) {
        StringBuilder text = new StringBuilder();
        answer.fields().forEach((name, value) -> {
            if (text.length() > 0) {
                text.append(";;");
            }
            text.append(name).append('=').append(value);
        });
        return text.toString();
    }

    private static void elements(StringBuilder xml, Map<String, String> fields) {
        fields.forEach((name, value) -> {
            xml.append('<').append(name).append('>');
            escape(xml, value);
            xml.append("</").append(name).append('>');
        });
    }

    private static void extra(StringBuilder xml, String name, String value) {
        xml.append("<ArrayOfString><string>").append(name).append("</string>");
        if (value == null || value.isEmpty()) {
            xml.append("<string/>");
        } else {
            xml.append("<string>");
            escape(xml, value);
            xml.append("</string>");
        }
        xml.append("</ArrayOfString>");
    }

    private static void escape(StringBuilder xml, String value) {
        SecureXml.escape(xml, value);
    }
}
