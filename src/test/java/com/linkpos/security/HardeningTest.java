package com.linkpos.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.shared.SecretBox;
import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.RawHttp;
import com.linkpos.support.TestData;
import com.linkpos.support.WebhookReceiver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.linkpos.support.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * LinkPOS as production runs it, seen by someone who forges headers: one trusted proxy (127.0.0.2 here;
 * every other address is a client that may lie), webhooks to public https addresses only. Requests are
 * written by hand, since the JDK's client will not forge a Host header or send from another address.
 */
@ContextConfiguration(initializers = TestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "linkpos.bootstrap.bank-api-key=" + TestData.BANK_KEY,
        "linkpos.bootstrap.bank-admin-password=" + TestData.BANK_PASSWORD,
        "linkpos.bootstrap.demo-password=" + TestData.DEMO_PASSWORD,
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.2",
        "linkpos.webhooks.allow-private-addresses=false",
        "linkpos.webhooks.poll=100ms",
        "linkpos.webhooks.retry-base=100ms",
        "linkpos.login.max-failures-per-address=3",
})
class HardeningTest {

    private static final String PROXY = "127.0.0.2";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecretBox secrets;
    Api api;
    Api.Merchant merchant;
    RawHttp client;
    RawHttp proxy;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant();
        client = new RawHttp(port, "127.0.0.1");
        proxy = new RawHttp(port, PROXY);
    }

    private RawHttp.Response createLink(RawHttp from, String body, String... forged) {
        String[] headers = new String[forged.length + 2];
        headers[0] = "Authorization: Bearer " + merchant.key();
        headers[1] = "Content-Type: application/json";
        System.arraycopy(forged, 0, headers, 2, forged.length);
        return from.send("POST", "/api/v1/links", body, headers);
    }

    @Test
    void linkUrlsNeverComeFromRequestHeaders() {
        String home = "http://localhost:" + port + "/pay/";
        for (RawHttp from : List.of(client, proxy)) {
            RawHttp.Response created = createLink(from, "{\"amount\": \"10.00\", \"notify\": {\"email\": \"payer@example.com\"}}",
                    "Host: evil.example", "X-Forwarded-Host: evil2.example", "X-Forwarded-Proto: https",
                    "X-Forwarded-Port: 443");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String url = Api.parse(created.body()).path("url").asString();
            assertThat(url).startsWith(home);
            String id = Api.parse(created.body()).path("id").asString();
            assertThat(jdbc.sql("SELECT link_url FROM notifications WHERE link_id = ?").param(id).query(String.class).list())
                    .as("the e-mail the payer gets").containsExactly(url);
        }
    }

    @Test
    void redirectsCarryAPathOnly() {
        RawHttp.Response home = client.get("/", "Host: evil.example");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.first("Location")).isEqualTo("/login");
        RawHttp.Response behindProxy = proxy.get("/links", "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https");
        assertThat(behindProxy.first("Location")).isEqualTo("/login");
    }

    /** One failed login of the portal, from an address; answers where the login page sends the browser. */
    private String failedLogin(RawHttp from, String... forged) {
        RawHttp.Response page = from.get("/login", forged);
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        String session = page.first("Set-Cookie").split(";")[0];
        String[] headers = new String[forged.length + 2];
        headers[0] = "Cookie: " + session;
        headers[1] = "Content-Type: application/x-www-form-urlencoded";
        System.arraycopy(forged, 0, headers, 2, forged.length);
        return from.send("POST", "/login", "username=" + merchant.username() + "&password=wrong-password-1&_csrf="
                + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8), headers).first("Location");
    }

    @Test
    void aForwardedForCountsOnlyFromTheTrustedProxy() {
        RawHttp attacker = new RawHttp(port, "127.0.0.3");
        for (int i = 0; i < 3; i++) {
            assertThat(failedLogin(attacker, "X-Forwarded-For: 198.51.100." + i)).isEqualTo("/login?error");
        }
        assertThat(failedLogin(attacker, "X-Forwarded-For: 198.51.100.99"))
                .as("a rotating X-Forwarded-For from a client changes nothing: its own address is throttled")
                .isEqualTo("/login?throttled");

        for (int i = 0; i < 3; i++) {
            assertThat(failedLogin(proxy, "X-Forwarded-For: 203.0.113.7")).isEqualTo("/login?error");
        }
        assertThat(failedLogin(proxy, "X-Forwarded-For: 203.0.113.7")).as("the payer behind the proxy").isEqualTo("/login?throttled");
        assertThat(failedLogin(proxy, "X-Forwarded-For: 203.0.113.8")).as("another one behind it").isEqualTo("/login?error");
    }

    @Test
    void cookiesAreSecureWhenTheRequestCameOverTls() {
        String token = Api.tokenOf(Api.parse(createLink(client, "{\"amount\": \"10.00\"}").body())
                .path("url").asString());
        for (String path : List.of("/pay/" + token, "/login")) {
            RawHttp.Response overTls = proxy.get(path, "X-Forwarded-Proto: https");
            assertThat(overTls.header("Set-Cookie")).as("%s through the trusted proxy over TLS", path)
                    .isNotEmpty().allMatch(cookie -> cookie.contains("; Secure"));
            assertThat(overTls.first("Strict-Transport-Security")).as("browsers are told to stay on HTTPS").isNotNull();
            RawHttp.Response claimed = client.get(path, "X-Forwarded-Proto: https");
            assertThat(claimed.header("Set-Cookie")).as("%s from a client that only claims TLS", path)
                    .isNotEmpty().noneMatch(cookie -> cookie.contains("Secure"));
            assertThat(claimed.first("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void webhookEndpointsMustBeHttpsToPublicAddresses() {
        List<String> refused = List.of("http://169.254.169.254/latest/meta-data", "https://169.254.169.254/latest/meta-data",
                "http://127.0.0.1:" + port + "/api/v1/admin/batches/close",
                "https://127.0.0.1:" + port + "/api/v1/admin/batches/close", "https://localhost/hooks",
                "https://10.1.2.3/hooks", "https://172.16.0.1/hooks", "https://192.168.1.10/hooks", "https://[::1]/hooks",
                "https://[fd00:ec2::254]/latest", "https://[::ffff:127.0.0.1]/hooks", "https://0.0.0.0/hooks",
                "https://100.64.0.1/hooks", "http://example.com/hooks");
        for (String url : refused) {
            Api.Response answer = api.post(merchant.key(), "/api/v1/webhook-endpoints", Api.json(Map.of("url", url)));
            assertThat(answer.status()).as(url).isEqualTo(422);
            assertThat(answer.code()).isEqualTo("validation_failed");
            assertThat(answer.fieldErrors()).as(url).hasSize(1)
                    .allMatch(error -> error.equals("url:webhook_address_not_allowed") || error.equals("url:webhook_url_not_https"));
        }
        assertThat(api.get(merchant.key(), "/api/v1/webhook-endpoints").json().path("data").size()).isZero();
    }

    @Test
    void aHostThatNowResolvesToThisMachineIsNotCalled() {
        // As if registered while the name pointed elsewhere: now it leads here (DNS rebinding).
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String url = "https://localhost:" + URI.create(receiver.url()).getPort() + "/hooks";
            jdbc.sql("""
                            INSERT INTO webhook_endpoints (id, merchant_id, url, events, secret, created_at)
                            VALUES ('whe_rebound', ?, ?, ARRAY['payment.succeeded'], ?, now())""")
                    .params(merchant.id(), url, secrets.seal("webhook-endpoint-secret", "whsec_x")).update();
            jdbc.sql("""
                            INSERT INTO webhook_deliveries (id, endpoint_id, merchant_id, event_id, event_type, payload, status,
                                next_attempt_at, created_at)
                            VALUES ('whd_rebound', 'whe_rebound', ?, 'evt_x', 'payment.succeeded', '{}', 'PENDING', now(), now())""")
                    .params(merchant.id()).update();
            Eventually.within(Duration.ofSeconds(10), () -> !jdbc.sql("SELECT error FROM webhook_attempts WHERE delivery_id = 'whd_rebound'")
                    .query(String.class).list().isEmpty(), "an attempt");
            assertThat(jdbc.sql("SELECT error FROM webhook_attempts WHERE delivery_id = 'whd_rebound'").query(String.class).list())
                    .allMatch(error -> error.contains("webhook_address_not_allowed"));
            assertThat(receiver.received()).isEmpty();
        }
    }
}
