package com.linkpos.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.Payer;
import com.linkpos.support.SmsGatewayStub;
import com.linkpos.support.TestData;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.linkpos.support.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * [N1][N2] Real delivery: e-mail to an in-process SMTP server (GreenMail), SMS over real HTTP to a
 * local gateway; content, retries with backoff, final states, resend, and the merchant's e-mail on
 * payment. Retries are fast here (100 ms base, 3 attempts); production waits 30 s, doubling.
 */
@ContextConfiguration(initializers = TestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "linkpos.bootstrap.bank-api-key=" + TestData.BANK_KEY,
        "linkpos.bootstrap.demo-data=false",
        "spring.mail.host=127.0.0.1",
        "linkpos.notifications.poll=100ms",
        "linkpos.notifications.retry-base=100ms",
        "linkpos.notifications.max-attempts=3",
        "linkpos.sms.timeout=500ms",
        "linkpos.sms.username=linkpos",
        "linkpos.sms.password=s3cret",
})
class NotificationDeliveryTest {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final SmsGatewayStub GATEWAY = new SmsGatewayStub();

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("linkpos.sms.url", GATEWAY::url);
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
        GATEWAY.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    Api.Merchant merchant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant(List.of("EUR"), 12);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private List<SmsGatewayStub.Request> smsMentioning(String text) {
        return GATEWAY.accepted().stream().filter(request -> request.body().contains(text)).toList();
    }

    private JsonNode deliveries(String linkId) {
        return api.get(merchant.key(), "/api/v1/links/" + linkId + "/notifications").json().path("data");
    }

    private String statusOf(String linkId, String channel) {
        return deliveries(linkId).valueStream().filter(d -> d.path("channel").asString().equals(channel))
                .map(d -> d.path("status").asString()).findFirst().orElse("none");
    }

    @Test
    void aNewLinkGoesOutByEmailAndSmsWithEverythingThePayerNeeds() throws Exception {
        String email = TestData.unique("musteri") + "@example.com";
        JsonNode link = api.post(merchant.key(), "/api/v1/links", Api.json(Map.of("amount", "1250.50",
                "orderNumber", TestData.unique("SIP"), "notify", Map.of("sms", "0532 123 45 67", "email", email)))).json();
        String url = link.path("url").asString();

        Eventually.within(Duration.ofSeconds(10), () -> mailTo(email).size() == 1 && !smsMentioning(url).isEmpty(),
                "the e-mail and the SMS");
        MimeMessage mail = mailTo(email).get(0);
        assertThat(mail.getSubject()).contains("Test Merchant", "1.250,50 TL");
        String id = deliveries(link.path("id").asString()).valueStream()
                .filter(d -> d.path("channel").asString().equals("EMAIL")).findFirst().orElseThrow().path("id").asString();
        assertThat(mail.getMessageID()).isEqualTo("<" + id + "@linkpos>");
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(raw).contains("multipart");
        MimeMultipart body = (MimeMultipart) mail.getContent();
        String all = GreenMailUtil.getBody(mail);
        assertThat(all).contains("image/png").contains("cid:qr");
        assertThat(text(body)).contains(url).contains("1.250,50 TL").contains(link.path("orderNumber").asString());

        SmsGatewayStub.Request sms = smsMentioning(url).get(0);
        JsonNode smsJson = tools.jackson.databind.json.JsonMapper.builder().build().readTree(sms.body());
        assertThat(smsJson.path("to").asString()).isEqualTo("+905321234567");
        assertThat(smsJson.path("text").asString()).contains("1.250,50 TL", url, "ödeme bekliyor");
        assertThat(sms.authorization()).isEqualTo("Basic bGlua3BvczpzM2NyZXQ=");

        JsonNode delivered = deliveries(link.path("id").asString());
        assertThat(delivered.valueStream().map(d -> d.path("status").asString())).containsOnly("SENT");
        assertThat(delivered.valueStream().map(d -> d.path("to").asString()))
                .contains("+90 532 *** ** 67").anyMatch(to -> to.endsWith("@example.com") && to.contains("***"));
        assertThat(delivered.valueStream().map(d -> d.path("attempts").asInt())).containsOnly(1);
    }

    /** The plain-text part of a multipart message. */
    private static String text(MimeMultipart multipart) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                out.append(text(nested));
            } else if (part.isMimeType("text/plain")) {
                out.append(part.getContent());
            }
        }
        return out.toString();
    }

    @Test
    void aForeignCurrencyLinkIsWrittenInEnglish() throws Exception {
        String email = TestData.unique("buyer") + "@example.com";
        api.post(merchant.key(), "/api/v1/links", Api.json(Map.of("amount", "480.00", "currency", "EUR",
                "notify", Map.of("email", email))));
        Eventually.within(Duration.ofSeconds(10), () -> mailTo(email).size() == 1, "the e-mail");
        assertThat(mailTo(email).get(0).getSubject()).startsWith("Payment link from").contains("EUR 480.00");
    }

    @Test
    void aGatewayThatFailsIsRetriedUntilItAnswers() {
        GATEWAY.failNext(2);
        JsonNode link = api.post(merchant.key(), "/api/v1/links", Api.json(Map.of("amount", "10.00",
                "notify", Map.of("sms", "05321112233")))).json();
        String linkId = link.path("id").asString();
        Eventually.within(Duration.ofSeconds(10), () -> "SENT".equals(statusOf(linkId, "SMS")), "the SMS after retries");
        JsonNode sms = deliveries(linkId).get(0);
        assertThat(sms.path("attempts").asInt()).isEqualTo(3);
        assertThat(smsMentioning(link.path("url").asString())).hasSize(1);
    }

    @Test
    void aGatewayThatTimesOutIsRetried() {
        GATEWAY.hangNext(1);
        JsonNode link = api.post(merchant.key(), "/api/v1/links", Api.json(Map.of("amount", "11.00",
                "notify", Map.of("sms", "05324445566")))).json();
        String linkId = link.path("id").asString();
        Eventually.within(Duration.ofSeconds(15), () -> "SENT".equals(statusOf(linkId, "SMS")), "the SMS after a timeout");
        assertThat(deliveries(linkId).get(0).path("attempts").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aGatewayThatNeverAnswersEndsFailedAndSaysWhy() {
        GATEWAY.failNext(100);
        try {
            JsonNode link = api.post(merchant.key(), "/api/v1/links", Api.json(Map.of("amount", "12.00",
                    "notify", Map.of("sms", "05327778899")))).json();
            String linkId = link.path("id").asString();
            Eventually.within(Duration.ofSeconds(10), () -> "FAILED".equals(statusOf(linkId, "SMS")), "the final failure");
            JsonNode sms = deliveries(linkId).get(0);
            assertThat(sms.path("attempts").asInt()).isEqualTo(3);
            assertThat(sms.path("lastError").asString()).isEqualTo("SMS gateway answered 500");
            assertThat(sms.path("sentAt").isNull()).isTrue();
        } finally {
            GATEWAY.failNext(0);
        }
    }

    @Test
    void anSmtpServerThatIsDownEndsFailedAndAResendDelivers() {
        String email = TestData.unique("down") + "@example.com";
        SMTP.stop();
        String linkId;
        String firstId;
        try {
            linkId = api.post(merchant.key(), "/api/v1/links", Api.json(Map.of("amount", "13.00",
                    "notify", Map.of("email", email)))).json().path("id").asString();
            Eventually.within(Duration.ofSeconds(10), () -> "FAILED".equals(statusOf(linkId, "EMAIL")), "the failure");
            JsonNode failed = deliveries(linkId).get(0);
            firstId = failed.path("id").asString();
            assertThat(failed.path("attempts").asInt()).isEqualTo(3);
            assertThat(failed.path("lastError").asString()).startsWith("SMTP");
        } finally {
            SMTP.start();
        }
        // [M6] resend, here through the API with the same address
        Api.Response resent = api.post(merchant.key(), "/api/v1/links/" + linkId + "/notifications",
                Api.json(Map.of("email", email)));
        assertThat(resent.status()).isEqualTo(202);
        assertThat(resent.json().path("data").get(0).path("status").asString()).isEqualTo("PENDING");
        Eventually.within(Duration.ofSeconds(10), () -> mailTo(email).size() == 1, "the resent e-mail");
        assertThat(deliveries(linkId).valueStream().filter(d -> d.path("id").asString().equals(firstId))
                .findFirst().orElseThrow().path("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void badRecipientsAreRefusedAndQueueNothing() {
        String linkId = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"1.00\"}").json().path("id").asString();
        Api.Response injected = api.post(merchant.key(), "/api/v1/links/" + linkId + "/notifications",
                Api.json(Map.of("email", "a@example.com\r\nBcc: victim@example.com")));
        assertThat(injected.status()).isEqualTo(422);
        assertThat(injected.fieldErrors()).contains("email:invalid_email");
        Api.Response foreign = api.post(merchant.key(), "/api/v1/links/" + linkId + "/notifications",
                Api.json(Map.of("sms", "+44 7700 900123")));
        assertThat(foreign.code()).isEqualTo("sms_number_not_turkish_mobile");
        assertThat(api.post(merchant.key(), "/api/v1/links/" + linkId + "/notifications", "{}").status()).isEqualTo(422);
        assertThat(deliveries(linkId).size()).isZero();
        Api.Merchant other = api.newMerchant();
        assertThat(api.post(other.key(), "/api/v1/links/" + linkId + "/notifications", "{\"sms\": \"05321234567\"}").status())
                .isEqualTo(404);
        assertThat(api.get(other.key(), "/api/v1/links/" + linkId + "/notifications").status()).isEqualTo(404);
    }

    @Test
    void theMerchantHearsOfEachPaymentUnlessItSaysNot() {
        JsonNode link = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"75.00\", \"usage\": \"MULTI\"}").json();
        String token = Api.tokenOf(link.path("url").asString());
        String merchantEmail = "shop@example.com";
        int before = mailTo(merchantEmail).size();
        assertThat(new Payer(port).pay(token, Payer.Card.of("4155650100416111")).approved()).isTrue();
        Eventually.within(Duration.ofSeconds(10), () -> mailTo(merchantEmail).size() == before + 1, "the payment e-mail");
        assertThat(mailTo(merchantEmail).stream().anyMatch(mail -> {
            try {
                return mail.getSubject().startsWith("Ödeme alındı: 75,00 TL");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        })).isTrue();

        api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(), "{\"notifyOnPayment\": false}");
        new Payer(port).pay(token, Payer.Card.of("5456160000000000"));
        new Payer(port).pay(token, Payer.Card.of("4000000000009995"));
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE merchant_id = ? AND kind = 'PAYMENT_RECEIVED'")
                .param(merchant.id()).query(Long.class).single()).isEqualTo(1);
    }
}
