package com.linkpos.banksimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.LinkPosTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Node;

/**
 * The bank simulator is a wire-compatible EST v3 gateway (docs/VPOS.md part B, C2): a merchant's
 * integration written from the document alone (this class, with its own ver3 hash) pays through
 * est3Dgate and the ACS, provisions, voids, credits and asks over real HTTP, in ISO-8859-9 with Turkish
 * letters in the hashed fields, and meets the refusals the document names.
 */
@LinkPosTest
class EstSimulatorTest {

    private static final Charset TURKISH = Charset.forName("ISO-8859-9");
    private static final String VISA = "4155650100416111";
    private static final String OK_URL = "https://shop.example.com/est/ok";
    private static final String FAIL_URL = "https://shop.example.com/est/fail";
    private static final String CLIENT_ID = "190100000";
    private static final String STORE_KEY = "123456";
    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String base() {
        return "http://localhost:" + port + "/simulator/est";
    }

    private static String orderId() {
        return "EST" + Long.toString(Math.abs(RANDOM.nextLong()), 36).toUpperCase(Locale.ROOT);
    }

    /** ver3 as a merchant writes it from B3.1: keys by their upper-case form, values escaped, the store key last. */
    static String ver3(Map<String, String> fields, String storeKey) {
        String plain = fields.entrySet().stream()
                .filter(e -> !e.getKey().equalsIgnoreCase("hash") && !e.getKey().equalsIgnoreCase("encoding"))
                .sorted(Map.Entry.comparingByKey((a, b) -> a.toUpperCase(Locale.ROOT).compareTo(b.toUpperCase(Locale.ROOT))))
                .map(e -> e.getValue().replace("\\", "\\\\").replace("|", "\\|"))
                .collect(Collectors.joining("|")) + "|" + storeKey;
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Map<String, String> form(String orderId, String amount, String pan) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("clientid", CLIENT_ID);
        form.put("storetype", "3d");
        form.put("amount", amount);
        form.put("oid", orderId);
        form.put("okUrl", OK_URL);
        form.put("failUrl", FAIL_URL);
        form.put("rnd", "rand-21212");
        form.put("lang", "tr");
        form.put("currency", "949");
        form.put("taksit", "");
        form.put("TranType", "Auth");
        form.put("hashAlgorithm", "ver3");
        form.put("firmaadi", "Şükrü İğdeli | a\\b");
        form.put("Email", "odeme@ornek.com.tr");
        form.put("pan", pan);
        form.put("Ecom_Payment_Card_ExpDate_Month", "12");
        form.put("Ecom_Payment_Card_ExpDate_Year", "30");
        form.put("cv2", "000");
        form.put("hash", ver3(form, STORE_KEY));
        form.put("encoding", "ISO-8859-9");
        return form;
    }

    /** The browser posts the 3-D form as a Turkish page does: ISO-8859-9 bytes, no charset named. */
    private Document post3d(Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), TURKISH) + "=" + URLEncoder.encode(e.getValue(), TURKISH))
                .collect(Collectors.joining("&"));
        return html(send(HttpRequest.newBuilder(URI.create(base() + "/fim/est3Dgate"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    private Document answer(Document acs, String otp) {
        Element form = acs.selectFirst("#acs-form");
        assertThat(form).as(acs.text()).isNotNull();
        return html(send(HttpRequest.newBuilder(URI.create(form.attr("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("otp=" + otp))));
    }

    record Callback(String action, Map<String, String> fields) {
        boolean signed() {
            return ver3(fields, STORE_KEY).equals(fields.get("HASH"));
        }
    }

    private static Callback callback(Document page) {
        Element form = page.selectFirst("form[data-autosubmit]");
        assertThat(form).as(page.text()).isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input").forEach(input -> fields.put(input.attr("name"), input.val()));
        return new Callback(form.attr("action"), fields);
    }

    private Callback authenticated(String orderId, String amount) {
        return callback(answer(post3d(form(orderId, amount, VISA)), "123456"));
    }

    /** A CC5Request as the library integrations send it: raw XML, ISO-8859-9. */
    private Map<String, String> api(String... elements) {
        byte[] body = cc5(elements).getBytes(TURKISH);
        return cc5Response(send(HttpRequest.newBuilder(URI.create(base() + "/fim/api"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
    }

    private static String cc5(String... elements) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?><CC5Request><Name>ZIRAATAPI</Name>"
                + "<Password>ZIRAAT19</Password><ClientId>" + CLIENT_ID + "</ClientId>");
        for (int i = 0; i < elements.length; i += 2) {
            xml.append('<').append(elements[i]).append('>').append(elements[i + 1]).append("</").append(elements[i]).append('>');
        }
        return xml.append("</CC5Request>").toString();
    }

    private Map<String, String> provision(String orderId, String amount, Callback callback) {
        return api("Type", "Auth", "IPAddress", "127.0.0.1", "OrderId", orderId, "Total", amount, "Currency", "949",
                "Taksit", "", "Number", callback.fields().get("md"), "PayerTxnId", callback.fields().get("xid"),
                "PayerSecurityLevel", callback.fields().get("eci"), "PayerAuthenticationCode", callback.fields().get("cavv"),
                "Mode", "P");
    }

    private Map<String, String> status(String orderId) {
        return api("OrderId", orderId, "Extra", "<ORDERSTATUS>QUERY</ORDERSTATUS>");
    }

    @Test
    void aThreeDPaymentFromTheFormToTheProvisionWithTurkishLettersInTheHash() {
        String orderId = orderId();
        Document acs = post3d(form(orderId, "10.50", VISA));
        assertThat(acs.selectFirst("#acs-merchant").text()).isEqualTo("ZIRAAT TEST ISYERI");
        assertThat(acs.selectFirst("#acs-card").text()).isEqualTo("415565******6111");
        Callback callback = callback(answer(acs, "123456"));

        assertThat(callback.action()).isEqualTo(OK_URL);
        assertThat(callback.signed()).as("HASH is ver3 over every field posted back").isTrue();
        assertThat(callback.fields()).containsEntry("mdStatus", "1").containsEntry("eci", "05").containsEntry("oid", orderId)
                .containsEntry("amount", "10.50").containsEntry("firmaadi", "Şükrü İğdeli | a\\b")
                .containsEntry("Email", "odeme@ornek.com.tr").containsEntry("encoding", "ISO-8859-9")
                .containsEntry("hashAlgorithm", "ver3").containsEntry("MaskedPan", "415565******6111");
        assertThat(callback.fields().keySet()).as("the card goes back to no one").doesNotContain("pan", "cv2");
        assertThat(callback.fields().get("md")).endsWith(":##" + CLIENT_ID);
        Map<String, String> tampered = new LinkedHashMap<>(callback.fields());
        tampered.put("firmaadi", "Sukru Igdeli | a\\b");
        assertThat(new Callback(OK_URL, tampered).signed()).isFalse();

        Map<String, String> sale = provision(orderId, "10.50", callback);
        assertThat(sale).containsEntry("root", "CC5Response").containsEntry("ProcReturnCode", "00")
                .containsEntry("Response", "Approved").containsEntry("OrderId", orderId);
        assertThat(sale.get("AuthCode")).matches("[A-Z0-9]{6}");
        assertThat(sale.get("TransId")).isNotBlank();
        assertThat(sale.get("declared")).isEqualTo("ISO-8859-9");

        Map<String, String> again = provision(orderId, "10.50", callback);
        assertThat(again).containsEntry("ProcReturnCode", "99");
        assertThat(again.get("ErrMsg")).isEqualTo("XID daha önce kullanılmıştır. Tekrar kullanılamaz");

        Map<String, String> status = status(orderId);
        assertThat(status).containsEntry("ProcReturnCode", "00").containsEntry("ORIG_TRANS_AMT", "1050")
                .containsEntry("TRANS_STAT", "S").containsEntry("AUTH_CODE", sale.get("AuthCode"))
                .containsEntry("HOST_REF_NUM", sale.get("HostRefNum")).containsEntry("MDSTATUS", "1");
        assertThat(status.get("ErrMsg")).isEqualTo("Record(s) found for " + orderId);
    }

    @Test
    void aFormWithAWrongHashGetsNoChallengeButASignedMdStatusZero() {
        Map<String, String> form = form(orderId(), "10.50", VISA);
        form.put("amount", "1.05");
        Callback callback = callback(post3d(form));
        assertThat(callback.action()).isEqualTo(FAIL_URL);
        assertThat(callback.fields()).containsEntry("mdStatus", "0");
        assertThat(callback.signed()).isTrue();
    }

    @Test
    void aFailedChallengeOrACardNotEnrolledIsNeverProvisioned() {
        String failing = orderId();
        Document acs = post3d(form(failing, "5.00", "4000000000003063"));
        Callback failed = callback(answer(acs, "123456"));
        assertThat(failed.action()).isEqualTo(FAIL_URL);
        assertThat(failed.fields()).containsEntry("mdStatus", "0");
        assertThat(failed.signed()).isTrue();
        assertThat(provision(failing, "5.00", failed)).containsEntry("ProcReturnCode", "99");

        String notEnrolled = orderId();
        Callback half = callback(post3d(form(notEnrolled, "5.00", "4000000000000101")));
        assertThat(half.fields()).containsEntry("mdStatus", "2");
        assertThat(provision(notEnrolled, "5.00", half)).containsEntry("ProcReturnCode", "99");
        assertThat(status(notEnrolled)).as("a 3-D step alone is no record").containsEntry("ProcReturnCode", "99")
                .containsEntry("ErrMsg", "No record found for " + notEnrolled);
    }

    @Test
    void aDeclinedCardKeepsItsIssuerCode() {
        String orderId = orderId();
        Callback callback = callback(answer(post3d(form(orderId, "7.00", "4000000000009995")), "123456"));
        Map<String, String> sale = provision(orderId, "7.00", callback);
        assertThat(sale).containsEntry("ProcReturnCode", "51").containsEntry("Response", "Declined")
                .containsEntry("ERRORCODE", "ISO8583-51");
        assertThat(status(orderId)).containsEntry("TRANS_STAT", "D").containsEntry("PROC_RET_CD", "51");
    }

    @Test
    void voidInTheDayCreditAfterItPartlyAndNoMoreThanIsLeft() {
        String voided = orderId();
        provision(voided, "10.00", authenticated(voided, "10.00"));
        Map<String, String> early = api("Type", "Credit", "OrderId", voided, "Total", "1.00", "Currency", "949");
        assertThat(early).containsEntry("ProcReturnCode", "99").containsEntry("ERRORCODE", "CORE-2508");
        assertThat(api("Type", "Void", "OrderId", voided)).containsEntry("ProcReturnCode", "00");
        assertThat(api("Type", "Void", "OrderId", voided)).containsEntry("ERRORCODE", "CORE-2008");
        assertThat(status(voided)).containsEntry("TRANS_STAT", "V");

        String credited = orderId();
        provision(credited, "10.00", authenticated(credited, "10.00"));
        Map<String, String> dayEnd = dayEnd();
        assertThat(dayEnd).containsEntry("ProcReturnCode", "00");
        assertThat(api("Type", "Void", "OrderId", credited)).as("after the day's end").containsEntry("ERRORCODE", "CORE-2008");
        assertThat(status(credited)).containsEntry("TRANS_STAT", "C");
        assertThat(api("Type", "Credit", "OrderId", credited, "Total", "6.00", "Currency", "949")).containsEntry("ProcReturnCode", "00");
        assertThat(api("Type", "Credit", "OrderId", credited, "Total", "4.01", "Currency", "949")).containsEntry("ProcReturnCode", "99");
        assertThat(api("Type", "Credit", "OrderId", credited, "Total", "4.00", "Currency", "949")).containsEntry("ProcReturnCode", "00");
        assertThat(api("Type", "Credit", "OrderId", credited, "Total", "0.01", "Currency", "949")).containsEntry("ERRORCODE", "215021");

        Map<String, String> history = api("OrderId", credited, "Extra", "<ORDERHISTORY>QUERY</ORDERHISTORY>");
        assertThat(history).containsEntry("TRXCOUNT", "3");
        assertThat(history.get("TRX1").split("\t")).startsWith("S", "C", "1000");
        assertThat(history.get("TRX2").split("\t")).startsWith("C", "C", "600");
        assertThat(history.get("TRX3").split("\t")).startsWith("C", "C", "400");
    }

    @Test
    void theApiTakesTheOlderFormWithDataAndRefusesStrangers() {
        String unknown = orderId();
        String body = "DATA=" + URLEncoder.encode(cc5("OrderId", unknown, "Extra", "<ORDERSTATUS>QUERY</ORDERSTATUS>"), TURKISH);
        Map<String, String> answer = cc5Response(send(HttpRequest.newBuilder(URI.create(base() + "/fim/api"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))));
        assertThat(answer).containsEntry("ProcReturnCode", "99").containsEntry("ErrMsg", "No record found for " + unknown);

        byte[] wrongPassword = cc5("Type", "Void", "OrderId", unknown).replace("ZIRAAT19", "ZIRAAT20").getBytes(TURKISH);
        assertThat(cc5Response(send(HttpRequest.newBuilder(URI.create(base() + "/fim/api"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(wrongPassword))))).containsEntry("ProcReturnCode", "99")
                .containsEntry("Response", "Error");
        assertThat(cc5Response(send(HttpRequest.newBuilder(URI.create(base() + "/fim/api"))
                .POST(HttpRequest.BodyPublishers.ofString("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CC5Request>&e;</CC5Request>")))))
                .as("no DTD, no external entity").containsEntry("ProcReturnCode", "99");

        Map<String, String> stranger = form(orderId(), "1.00", VISA);
        stranger.put("clientid", "999999999");
        Callback refused = callback(post3d(stranger));
        assertThat(refused.action()).isEqualTo(FAIL_URL);
        assertThat(refused.fields()).containsEntry("clientid", "*").containsEntry("Response", "Error").doesNotContainKey("mdStatus");
    }

    private Map<String, String> dayEnd() {
        return cc5Response(send(HttpRequest.newBuilder(URI.create(base() + "/dayend"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("clientid=" + CLIENT_ID + "&Name=ZIRAATAPI&Password=ZIRAAT19"))));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document html(HttpResponse<byte[]> response) {
        return Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
    }

    /** The leaves of a CC5Response, Extra's by their own names; its root under "root", its declared encoding under "declared". */
    private static Map<String, String> cc5Response(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).containsIgnoringCase("ISO-8859-9");
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            org.w3c.dom.Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body()));
            fields.put("root", document.getDocumentElement().getNodeName());
            fields.put("declared", document.getXmlEncoding());
            leaves(document.getDocumentElement(), fields);
        } catch (Exception unreadable) {
            throw new AssertionError("not XML: " + new String(response.body(), TURKISH), unreadable);
        }
        return fields;
    }

    private static void leaves(org.w3c.dom.Element element, Map<String, String> fields) {
        boolean leaf = true;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                leaf = false;
                leaves((org.w3c.dom.Element) child, fields);
            }
        }
        if (leaf) {
            fields.putIfAbsent(element.getTagName(), element.getTextContent());
        }
    }
}
