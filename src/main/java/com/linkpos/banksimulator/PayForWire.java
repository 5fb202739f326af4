package com.linkpos.banksimulator;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * PayFor's encodings (docs/VPOS.md A1 "Transport and encodings"): form posts in UTF-8 or in the
 * ISO-8859-9 of QNB's own sample pages, {@code PayforRequest} XML in whatever its declaration says,
 * and the answers: {@code PayforResponse} and {@code TxnHistoryReport} XML in UTF-8, or plain
 * {@code Key=Value;;Key=Value} text.
 */
final class PayForWire {

    static final Charset TURKISH = Charset.forName("ISO-8859-9");
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
     * The fields of an {@code application/x-www-form-urlencoded} body. A browser posts a form in its
     * page's charset without saying which, so without a charset in the Content-Type the bytes are
     * UTF-8 when they are valid UTF-8, and ISO-8859-9 (Turkish) otherwise. The first of a repeated
     * field counts.
     */
    static Map<String, String> form(byte[] body, String contentType) throws Unreadable {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        String ascii = new String(body, StandardCharsets.ISO_8859_1);
        for (String pair : ascii.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                // ISO-8859-1 maps each byte to one char and back: the percent-decoded bytes come out unchanged
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.ISO_8859_1);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.ISO_8859_1);
                raw.putIfAbsent(name, value.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IllegalArgumentException malformed) {
                throw new Unreadable("malformed form encoding");
            }
        }
        Charset charset = declaredCharset(contentType);
        if (charset == null) {
            charset = raw.values().stream().allMatch(PayForWire::isUtf8) ? StandardCharsets.UTF_8 : TURKISH;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> field : raw.entrySet()) {
            fields.put(new String(field.getKey().getBytes(StandardCharsets.ISO_8859_1), charset), new String(field.getValue(), charset));
        }
        return fields;
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

    private static Charset declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
                try {
                    return Charset.forName(pair[1].strip().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}
