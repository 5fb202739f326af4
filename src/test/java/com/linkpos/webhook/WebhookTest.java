package com.linkpos.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import com.linkpos.support.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Signed webhooks (API.md): events, signature checked by an independent verifier, retries, rotation, test events. */
@LinkPosTest
class WebhookTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    Api.Merchant merchant;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    /** What a merchant's server would do: check t and v1 against its own HMAC of "t.body". */
    private static boolean verify(String secret, WebhookReceiver.Received received) throws Exception {
        String t = null;
        String v1 = null;
        for (String part : received.signature().split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t == null || v1 == null || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + received.body()).getBytes(StandardCharsets.UTF_8)));
        return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), v1.getBytes(StandardCharsets.US_ASCII));
    }

    private String endpoint(List<String> events) {
        Api.Response created = api.post(merchant.key(), "/api/v1/webhook-endpoints",
                Api.json(Map.of("url", receiver.url(), "events", events)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("secret").asString();
    }

    private List<JsonNode> events() {
        return receiver.received().stream().map(r -> JSON.readTree(r.body())).toList();
    }

    private List<Integer> attemptCodes() {
        return jdbc.sql("""
                        SELECT a.status_code FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
                        WHERE d.merchant_id = ? ORDER BY a.attempted_at""").param(merchant.id()).query(Integer.class).list();
    }

    private String pay(String json, String card) {
        String url = api.post(merchant.key(), "/api/v1/links", json).json().path("url").asString();
        return new Payer(port).pay(Api.tokenOf(url), Payer.Card.of(card)).transactionId();
    }

    @Test
    void paymentsVoidsAndRefundsArriveSignedWithTheirEvents() throws Exception {
        String secret = endpoint(Webhooks.EVENTS);
        assertThat(secret).startsWith("whsec_");
        String sale = pay("{\"amount\": \"250.00\"}", "4155650100416111");
        String declined = pay("{\"amount\": \"5.00\"}", "4000000000000002");
        Eventually.within(Duration.ofSeconds(10), () -> events().size() >= 3, "three events");
        assertThat(events().stream().map(e -> e.path("type").asString()))
                .contains("payment.succeeded", "link.used", "payment.failed");
        for (WebhookReceiver.Received received : receiver.received()) {
            assertThat(verify(secret, received)).as(received.body()).isTrue();
            assertThat(verify("whsec_wrong", received)).isFalse();
        }
        JsonNode succeeded = events().stream().filter(e -> e.path("type").asString().equals("payment.succeeded"))
                .findFirst().orElseThrow();
        assertThat(succeeded.path("id").asString()).startsWith("evt_");
        assertThat(succeeded.path("data").path("id").asString()).isEqualTo(sale);
        assertThat(succeeded.path("data").path("amount").asString()).isEqualTo("250.00");
        assertThat(succeeded.path("data").path("card").path("masked").asString()).isEqualTo("415565******6111");
        assertThat(events().stream().filter(e -> e.path("type").asString().equals("payment.failed")).findFirst()
                .orElseThrow().path("data").path("id").asString()).isEqualTo(declined);

        api.post(merchant.key(), "/api/v1/transactions/" + sale + "/void", null);
        Eventually.within(Duration.ofSeconds(10), () -> events().stream()
                .anyMatch(e -> e.path("type").asString().equals("transaction.voided")), "the void event");
        String another = pay("{\"amount\": \"100.00\"}", "5456160000000000");
        api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null);
        api.post(merchant.key(), "/api/v1/transactions/" + another + "/refunds", "{\"amount\": \"30.00\"}");
        Eventually.within(Duration.ofSeconds(10), () -> events().stream()
                .anyMatch(e -> e.path("type").asString().equals("transaction.refunded")), "the refund event");
        JsonNode refunded = events().stream().filter(e -> e.path("type").asString().equals("transaction.refunded"))
                .findFirst().orElseThrow();
        assertThat(refunded.path("data").path("amount").asString()).isEqualTo("30.00");
        assertThat(refunded.path("data").path("originalTransactionId").asString()).isEqualTo(another);
    }

    @Test
    void signingSecretsAreSealedAtRest() {
        String secret = endpoint(List.of("payment.succeeded"));
        String stored = jdbc.sql("SELECT secret FROM webhook_endpoints WHERE merchant_id = ?").param(merchant.id())
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));
        String raw = jdbc.sql("SELECT string_agg(t::text, ' ') FROM webhook_endpoints t WHERE merchant_id = ?")
                .param(merchant.id()).query(String.class).single();
        assertThat(raw).as("nowhere in the row").doesNotContain(secret.substring("whsec_".length()));
    }

    @Test
    void aReceiverThatFailsIsRetriedAndEveryAttemptIsVisible() {
        endpoint(List.of("payment.succeeded"));
        receiver.failNext(2);
        pay("{\"amount\": \"10.00\"}", "4155650100416111");
        Eventually.within(Duration.ofSeconds(15), () -> events().size() == 1, "delivery after two failures");
        // the sender records the attempt after the receiver has answered: wait for its commit
        Eventually.within(Duration.ofSeconds(5), () -> attemptCodes().size() == 3, "three attempts recorded");
        assertThat(attemptCodes()).containsExactly(500, 500, 204);
        assertThat(events()).as("only the subscribed event").allMatch(e -> e.path("type").asString().equals("payment.succeeded"));

        PortalSession admin = PortalSession.loggedIn(port, merchant);
        Page page = admin.get("/webhooks");
        assertThat(page.document().select(".webhook-deliveries tbody tr[data-status=SENT]").text()).contains("payment.succeeded", "204", "3");
    }

    @Test
    void aTestEventAndARotatedSecret() throws Exception {
        String secret = endpoint(List.of("payment.succeeded"));
        String id = api.get(merchant.key(), "/api/v1/webhook-endpoints").json().path("data").get(0).path("id").asString();
        PortalSession admin = PortalSession.loggedIn(port, merchant);
        admin.get("/webhooks");
        Page queued = admin.open(admin.relative(admin.post("/webhooks/" + id + "/test", Map.of()).location()));
        assertThat(queued.text()).contains("Test olayı kuyruğa alındı.");
        Eventually.within(Duration.ofSeconds(10), () -> events().size() == 1, "the test event");
        assertThat(events().get(0).path("type").asString()).isEqualTo("webhook.test");
        assertThat(verify(secret, receiver.received().get(0))).isTrue();

        Page rotated = admin.open(admin.relative(admin.post("/webhooks/" + id + "/rotate", Map.of()).location()));
        String newSecret = rotated.document().selectFirst("#new-secret-value").val();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);
        admin.post("/webhooks/" + id + "/test", Map.of());
        Eventually.within(Duration.ofSeconds(10), () -> events().size() == 2, "the second test event");
        assertThat(verify(newSecret, receiver.received().get(1))).isTrue();
        assertThat(verify(secret, receiver.received().get(1))).as("the old secret no longer signs").isFalse();
    }

    @Test
    void badEndpointsAreRefusedAndOthersAreOutOfReach() {
        assertThat(api.post(merchant.key(), "/api/v1/webhook-endpoints", Api.json(Map.of("url", "ftp://x"))).fieldErrors())
                .contains("url:invalid_webhook_url");
        assertThat(api.post(merchant.key(), "/api/v1/webhook-endpoints",
                Api.json(Map.of("url", receiver.url(), "events", List.of("payment.maybe")))).fieldErrors())
                .contains("events:unknown_event");
        endpoint(List.of("payment.failed"));
        String id = api.get(merchant.key(), "/api/v1/webhook-endpoints").json().path("data").get(0).path("id").asString();
        assertThat(api.get(merchant.key(), "/api/v1/webhook-endpoints/" + id).json().has("secret")).as("secret shown once").isFalse();
        Api.Merchant other = api.newMerchant();
        assertThat(api.get(other.key(), "/api/v1/webhook-endpoints/" + id).status()).isEqualTo(404);
        assertThat(api.delete(other.key(), "/api/v1/webhook-endpoints/" + id).status()).isEqualTo(404);
        assertThat(api.delete(merchant.key(), "/api/v1/webhook-endpoints/" + id).status()).isEqualTo(204);
        assertThat(api.get(merchant.key(), "/api/v1/webhook-endpoints").json().path("data").size()).isZero();
    }
}
