package com.linkpos.banksimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.w3c.dom.Node;

/**
 * A merchant's PayFor integration, written from docs/VPOS.md alone, and the payer's browser between
 * it and the bank: posts the 3-D form, answers the ACS page, reads the callback form, and calls the
 * XML and Key=Value APIs over real HTTP. Knows nothing of the simulator's code.
 */
final class PayForMerchant {

    static final String MBR_ID = "5";
    static final String MERCHANT_ID = "085300000009704";
    static final String USER_CODE = "QNB_API_KULLANICI_3DPAY";
    static final String USER_PASS = "UcBN0";
    static final String MERCHANT_PASS = "12345678";
    static final String OK_URL = "https://shop.example.com/payfor/ok";
    static final String FAIL_URL = "https://shop.example.com/payfor/fail";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    PayForMerchant(int port) {
        this.base = "http://localhost:" + port + "/simulator/payfor";
    }

    /** An HTML page of the bank's, parsed. */
    record Page(int status, String contentType, Document document) {
        boolean isChallenge() {
            return document.selectFirst("#acs-form") != null;
        }
    }

    /** The self-posting form that carries the bank's answer to OkUrl or FailUrl. */
    record Callback(String action, Map<String, String> fields) {
        String get(String name) {
            assertThat(fields).as("callback field %s", name).containsKey(name);
            return fields.get(name);
        }

        /** Whether ResponseHash is the bank's, checked as a merchant does (A3.2, the digest by HashType or length). */
        boolean signed() {
            String hash = get("ResponseHash");
            String algorithm = PayForMerchantHashes.algorithmOf(fields.get("HashType"), hash);
            return hash.equals(PayForMerchantHashes.callbackHash(algorithm, MERCHANT_ID, MERCHANT_PASS, get("OrderId"),
                    get("AuthCode"), get("ProcReturnCode"), get("3DStatus"), get("ResponseRnd"), USER_CODE));
        }
    }

    /** The 3-D form fields of A4 (2) with the card, signed (A3.1). */
    static Map<String, String> threeDForm(String orderId, String amount, String pan, String cardHolder) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MbrId", MBR_ID);
        form.put("MerchantID", MERCHANT_ID);
        form.put("UserCode", USER_CODE);
        form.put("OrderId", orderId);
        form.put("OrgOrderId", "");
        form.put("SecureType", "3DModel");
        form.put("TxnType", "Auth");
        form.put("PurchAmount", amount);
        form.put("Currency", "949");
        form.put("InstallmentCount", "0");
        form.put("OkUrl", OK_URL);
        form.put("FailUrl", FAIL_URL);
        form.put("Lang", "TR");
        form.put("Rnd", "0.43625700 1604831630");
        form.put("MOTO", "0");
        form.put("Pan", pan);
        form.put("Expiry", "1230");
        form.put("Cvv2", "987");
        form.put("CardHolderName", cardHolder);
        return sign(form);
    }

    /** (Re)computes the Hash of a 3-D form from its fields. */
    static Map<String, String> sign(Map<String, String> form) {
        form.put("Hash", PayForMerchantHashes.formHash(form.get("MbrId"), form.get("OrderId"), form.get("PurchAmount"),
                form.get("OkUrl"), form.get("FailUrl"), form.get("TxnType"), form.get("InstallmentCount"), form.get("Rnd"),
                MERCHANT_PASS));
        return form;
    }

    /** The browser (or the merchant's server) posts the 3-D form to Default.aspx, in UTF-8. */
    Page postThreeD(Map<String, String> form) {
        return postThreeD(form, StandardCharsets.UTF_8, "application/x-www-form-urlencoded");
    }

    /** As a page in another charset posts it: the browser encodes in that charset and does not say so. */
    Page postThreeD(Map<String, String> form, Charset charset, String contentType) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/Gateway/Default.aspx"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(encode(form, charset))));
        return page(response);
    }

    /** The payer types a code on the ACS page and submits its form, to the absolute address it names. */
    Page answer(Page acs, String otp) {
        Element form = acs.document().selectFirst("#acs-form");
        assertThat(form).as("an ACS form in %s", acs.document().text()).isNotNull();
        String action = form.attr("action");
        assertThat(action).as("an absolute address").startsWith(base + "/");
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
        fields.put("otp", otp);
        return page(send(HttpRequest.newBuilder(URI.create(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields, StandardCharsets.UTF_8)))));
    }

    Page get(String url) {
        return page(send(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    /** The callback form of a page, or a failed assertion when the page has none. */
    static Callback callback(Page page) {
        Element form = page.document().selectFirst("form[data-autosubmit]");
        assertThat(form).as("a self-posting callback form in %s", page.document().text()).isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input").forEach(input -> fields.put(input.attr("name"), input.val()));
        return new Callback(form.attr("action"), fields);
    }

    /** An XMLGate call: the elements given (name, value, name, value…) inside a PayforRequest. */
    Map<String, String> xml(String... elements) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><PayforRequest>");
        for (int i = 0; i < elements.length; i += 2) {
            xml.append('<').append(elements[i]).append('>').append(elements[i + 1]).append("</").append(elements[i]).append('>');
        }
        return xmlResponse(postXml(xml.append("</PayforRequest>").toString().getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<byte[]> postXml(byte[] body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/Gateway/XMLGate.aspx")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "text/xml; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The child elements of an answer's root, by name; the root's name under "root". */
    static Map<String, String> xmlResponse(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("").replace(" ", ""))
                .isEqualToIgnoringCase("text/xml;charset=utf-8");
        org.w3c.dom.Document document = parse(response.body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("root", document.getDocumentElement().getNodeName());
        for (Node child = document.getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                fields.put(child.getNodeName(), child.getTextContent());
            }
        }
        return fields;
    }

    static org.w3c.dom.Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    /** The provision after 3DModel, on XMLGate (A4 (4)). */
    Map<String, String> provision(String requestGuid, String orderId) {
        return xml("RequestGuid", requestGuid, "UserCode", USER_CODE, "UserPass", USER_PASS, "OrderId", orderId,
                "SecureType", "3DModelPayment");
    }

    /** An operation of A5 with the account fields. */
    Map<String, String> operation(String... elements) {
        String[] all = new String[elements.length + 8];
        System.arraycopy(new String[] {"MerchantId", MERCHANT_ID, "UserCode", USER_CODE, "UserPass", USER_PASS, "MbrId", MBR_ID},
                0, all, 0, 8);
        System.arraycopy(elements, 0, all, 8, elements.length);
        return xml(all);
    }

    Map<String, String> voidSale(String orderId) {
        return operation("OrgOrderId", orderId, "SecureType", "NonSecure", "TxnType", "Void", "Currency", "949", "Lang", "TR");
    }

    Map<String, String> refund(String orderId, String amount) {
        return operation("OrgOrderId", orderId, "SecureType", "NonSecure", "TxnType", "Refund", "PurchAmount", amount,
                "Currency", "949", "Lang", "TR");
    }

    Map<String, String> inquire(String orderId) {
        return operation("OrgOrderId", orderId, "SecureType", "Inquiry", "TxnType", "OrderInquiry", "Lang", "TR");
    }

    Map<String, String> closeBatch() {
        return operation("SecureType", "NonSecure", "TxnType", "BatchClose", "Currency", "949", "Lang", "TR");
    }

    /** TxnHistory of an order: the report's XML. */
    org.w3c.dom.Document history(String orderId) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><PayforRequest><MerchantId>" + MERCHANT_ID + "</MerchantId>"
                + "<UserCode>" + USER_CODE + "</UserCode><UserPass>" + USER_PASS + "</UserPass><MbrId>" + MBR_ID + "</MbrId>"
                + "<OrderId>" + orderId + "</OrderId><SecureType>Report</SecureType><TxnType>TxnHistory</TxnType>"
                + "<Lang>TR</Lang></PayforRequest>";
        HttpResponse<byte[]> response = postXml(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return parse(response.body());
    }

    /** An API call posted as a form to Default.aspx; the plain-text answer split at ";;". */
    Map<String, String> keyValue(Map<String, String> form) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/Gateway/Default.aspx"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form, StandardCharsets.UTF_8))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        Map<String, String> answer = new LinkedHashMap<>();
        for (String pair : response.body().split(";;")) {
            int equals = pair.indexOf('=');
            answer.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return answer;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Page page(HttpResponse<String> response) {
        return new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                Jsoup.parse(response.body()));
    }

    private static String encode(Map<String, String> form, Charset charset) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), charset) + "=" + URLEncoder.encode(e.getValue(), charset))
                .collect(Collectors.joining("&"));
    }
}
