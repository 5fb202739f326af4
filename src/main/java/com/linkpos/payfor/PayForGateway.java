package com.linkpos.payfor;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * PayFor over HTTP: a {@code PayforRequest} to XMLGate.aspx and its {@code PayforResponse} as a flat
 * map; the 3-D form posted by LinkPOS's own server (QNB's IP rule M047). Every call has a connect and
 * a read timeout. What is not a well-formed answer (a timeout, an HTML error page, malformed XML)
 * throws {@link Unanswered}: nothing may be taken from it. Requests carry the API password and card
 * data: neither is ever logged.
 */
@Component
class PayForGateway {

    /** {@code linkpos.payfor.*}: how long LinkPOS waits for a PayFor gateway. */
    @ConfigurationProperties("linkpos.payfor")
    record Settings(Duration connectTimeout, Duration readTimeout) {
        Settings {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        }
    }

    /** The gateway gave no answer that can be read: the outcome is unknown (ask again with an inquiry). */
    static final class Unanswered extends RuntimeException {
        Unanswered(String what, Throwable cause) {
            super(what, cause, false, false);
        }
    }

    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    private final Settings settings;
    private final HttpClient api;
    private final HttpClient browserLike;

    PayForGateway(Settings settings) {
        this.settings = settings;
        this.api = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.browserLike = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A PayforRequest of these fields to {@code {gateway}/Gateway/XMLGate.aspx}; the PayforResponse's fields. */
    Map<String, String> xml(String gatewayUrl, Map<String, String> fields) {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><PayforRequest>");
        fields.forEach((name, value) -> body.append('<').append(name).append('>').append(escape(value))
                .append("</").append(name).append('>'));
        body.append("</PayforRequest>");
        HttpResponse<byte[]> response = send(api, HttpRequest.newBuilder(URI.create(gatewayUrl + "/Gateway/XMLGate.aspx"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), "XMLGate");
        return parse(response.body());
    }

    /** The 3-D form posted by our server to {@code {gateway}/Gateway/Default.aspx}: the bank's HTML for the payer. */
    String form(String gatewayUrl, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<byte[]> response = send(browserLike, HttpRequest.newBuilder(URI.create(gatewayUrl + "/Gateway/Default.aspx"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), "Default.aspx");
        return new String(response.body(), charsetOf(response, StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> send(HttpClient client, HttpRequest.Builder request, String what) {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.timeout(settings.readTimeout()).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException unreachable) {
            throw new Unanswered(what + " did not answer: " + unreachable.getClass().getSimpleName(), unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Unanswered(what + ": interrupted", interrupted);
        }
        if (response.statusCode() / 100 != 2) {
            throw new Unanswered(what + " answered HTTP " + response.statusCode(), null);
        }
        return response;
    }

    /** The answer's fields; the XML's own declaration says its charset (PayFor sends utf-8, others ISO-8859-9). */
    static Map<String, String> parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            Element root = factory.newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml)).getDocumentElement();
            if (!root.getTagName().equals("PayforResponse") && !root.getTagName().equals("TxnHistoryReport")) {
                throw new Unanswered("not a PayforResponse: " + root.getTagName(), null);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            collect(root, fields);
            return fields;
        } catch (SAXException | IOException | ParserConfigurationException unreadable) {
            throw new Unanswered("an answer that is not PayFor's XML", unreadable);
        }
    }

    /** Leaf elements by name, the first of each. */
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
            // "empty" elements may hold "\r\n" and spaces (docs/VPOS.md A1)
            fields.putIfAbsent(element.getLocalName() != null ? element.getLocalName() : element.getTagName(),
                    element.getTextContent().strip());
        }
    }

    private static Charset charsetOf(HttpResponse<?> response, Charset otherwise) {
        Matcher charset = CHARSET.matcher(response.headers().firstValue("Content-Type").orElse(""));
        try {
            return charset.find() ? Charset.forName(charset.group(1)) : otherwise;
        } catch (IllegalArgumentException unknown) {
            return otherwise;
        }
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
