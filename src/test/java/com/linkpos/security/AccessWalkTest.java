package com.linkpos.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import com.linkpos.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every portal URL and every API endpoint, walked as nobody, as another merchant (admin and user)
 * holding merchant A's ids, and as the bank: 401/302, 403 or 404 as designed, and A's data unchanged.
 */
@LinkPosTest
class AccessWalkTest {

    /** Pages anyone may open. */
    private static final Set<String> PUBLIC = Set.of("/login", "/error", "/pay/", "/simulator/", "/swagger-ui", "/v3/api-docs");
    /** Pages of the merchant admin only. */
    private static final Set<String> ADMIN_ONLY = Set.of("/users", "/reversals", "/api-keys", "/webhooks", "/audit");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Merchant A's objects, by the name their path variable has. */
    private Map<String, String> idsOfA(Api api, Api.Merchant a) {
        String link = api.post(a.key(), "/api/v1/links", "{\"amount\": \"10.00\", \"usage\": \"MULTI\", \"notify\": {\"email\": \"a@example.com\"}}")
                .json().path("id").asString();
        String url = api.get(a.key(), "/api/v1/links/" + link).json().path("url").asString();
        String sale = new Payer(port).pay(Api.tokenOf(url), Payer.Card.of("4155650100416111")).transactionId();
        String webhook = api.post(a.key(), "/api/v1/webhook-endpoints", "{\"url\": \"http://127.0.0.1:9/hook\"}").json().path("id").asString();
        Eventually.within(Duration.ofSeconds(10), () -> jdbc.sql("SELECT count(*) FROM notifications WHERE link_id = ?").param(link)
                .query(Long.class).single() > 0, "a notification");
        String notification = jdbc.sql("SELECT id FROM notifications WHERE link_id = ? AND kind = 'LINK'").param(link).query(String.class).single();
        String user = jdbc.sql("SELECT id FROM users WHERE username = ?").param(a.username()).query(String.class).single();
        String key = jdbc.sql("SELECT id FROM api_keys WHERE merchant_id = ? LIMIT 1").param(a.id()).query(String.class).single();
        // [X1] an upload of bulk links
        String upload = api.upload(a.key(), "/api/v1/links/bulk", "a.csv", "amount\r\n10.00\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .json().path("id").asString();
        Map<String, String> ids = new java.util.HashMap<>(Map.of("/links/", link, "/reports/transactions/", sale, "/reversals/", sale,
                "/api/v1/transactions/", sale, "/api/v1/links/", link, "/messages/", notification, "/users/", user,
                "/api-keys/", key, "/webhooks/", webhook, "/api/v1/webhook-endpoints/", webhook));
        ids.put("/links/bulk/", upload);
        ids.put("/api/v1/links/bulk/", upload);
        // [S3] a refund waiting for a second admin: a second sale of the link, past its end of day, refunded above A's amount
        String refunded = new Payer(port).pay(Api.tokenOf(url), Payer.Card.of("4155650100416111")).transactionId();
        api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null);
        api.send(a.key(), "PUT", "/api/v1/settings/refund-approval", "{\"above\": \"1.00\"}");
        String request = api.post(a.key(), "/api/v1/transactions/" + refunded + "/refunds", "{\"amount\": \"5.00\"}")
                .json().path("id").asString();
        ids.put("/reversals/requests/", request);
        ids.put("/api/v1/refund-requests/", request);
        return ids;
    }

    private static String fill(String pattern, Map<String, String> ids, String merchantId) {
        if (!pattern.contains("{")) {
            return pattern;
        }
        String prefix = pattern.substring(0, pattern.indexOf('{'));
        String id = pattern.contains("/merchants/") ? merchantId : ids.getOrDefault(prefix, "x");
        return pattern.replaceFirst("\\{[^}]+}", id).replaceAll("\\{[^}]+}", "x");
    }

    private List<String[]> endpoints(boolean api) {
        TreeSet<String> seen = new TreeSet<>();
        List<String[]> found = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().forEach(pattern -> {
            if (pattern.startsWith("/api/") == api && !pattern.equals("/error")) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (seen.add(method + " " + pattern)) {
                        found.add(new String[] {method.name(), pattern});
                    }
                }
            }
        }));
        return found;
    }

    private static boolean isPublic(String pattern) {
        return PUBLIC.stream().anyMatch(pattern::startsWith);
    }

    @Test
    void thePortalGivesNothingAwayToTheWrongPerson() {
        Api api = new Api(port);
        Api.Merchant a = api.newMerchant();
        Map<String, String> ids = idsOfA(api, a);
        Api.Merchant b = api.newMerchant();
        PortalSession stranger = new PortalSession(port);
        PortalSession otherAdmin = PortalSession.loggedIn(port, b);
        String userName = TestData.unique("kasa");
        otherAdmin.get("/users");
        otherAdmin.post("/users", Map.of("username", userName, "password", "user-password-1", "role", "MERCHANT_USER"));
        PortalSession otherUser = new PortalSession(port);
        otherUser.login(userName, "user-password-1");
        PortalSession bank = new PortalSession(port);
        bank.login("bank", TestData.BANK_PASSWORD);

        List<String> wrong = new ArrayList<>();
        for (String[] endpoint : endpoints(false)) {
            String method = endpoint[0];
            String pattern = endpoint[1];
            if (isPublic(pattern)) {
                continue;
            }
            String path = fill(pattern, ids, a.id());
            boolean hasId = pattern.contains("{");
            boolean bankPage = pattern.startsWith("/bank/");
            boolean adminPage = ADMIN_ONLY.stream().anyMatch(pattern::startsWith);
            boolean forAnyone = pattern.equals("/") || pattern.equals("/help") || pattern.equals("/logout")
                    || pattern.equals("/account/two-factor"); // every signed-in user's own second factor, the bank's too

            int anonymous = call(stranger, method, path, "/help");
            if (!(anonymous == 302 || (method.equals("POST") && anonymous == 403))) {
                wrong.add("anonymous " + method + " " + path + " → " + anonymous);
            }
            int asOtherAdmin = call(otherAdmin, method, path, "/links/new");
            int expectedForOther = bankPage ? 403 : hasId && !forAnyone ? 404 : -1;
            if (expectedForOther > 0 && asOtherAdmin != expectedForOther) {
                wrong.add("other merchant's admin " + method + " " + path + " → " + asOtherAdmin);
            }
            int asOtherUser = call(otherUser, method, path, "/links/new");
            if ((adminPage || bankPage) && asOtherUser != 403) {
                wrong.add("merchant user " + method + " " + path + " → " + asOtherUser);
            }
            int asBank = call(bank, method, path, "/bank/merchants");
            if (!bankPage && !forAnyone && asBank != 403) {
                wrong.add("bank " + method + " " + path + " → " + asBank);
            }
        }
        assertThat(wrong).isEmpty();
        assertAUnchanged(api, a, ids);
    }

    @Test
    void theApiGivesNothingAwayToTheWrongKey() {
        Api api = new Api(port);
        Api.Merchant a = api.newMerchant();
        Map<String, String> ids = idsOfA(api, a);
        Api.Merchant b = api.newMerchant();
        List<String> wrong = new ArrayList<>();
        for (String[] endpoint : endpoints(true)) {
            String method = endpoint[0];
            String pattern = endpoint[1];
            String path = fill(pattern, ids, a.id());
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            boolean admin = pattern.startsWith("/api/v1/admin/");
            int none = api.send(null, method, path, body).status();
            if (none != 401) {
                wrong.add("no key " + method + " " + path + " → " + none);
            }
            int other = api.send(b.key(), method, path, body).status();
            if (admin ? other != 403 : pattern.contains("{") && other != 404) {
                wrong.add("other merchant " + method + " " + path + " → " + other);
            }
            int bankKey = api.send(TestData.BANK_KEY, method, path, body).status();
            boolean bankReads = pattern.equals("/api/v1/audit-events"); // [S2] the bank reads every merchant's
            if (!admin && !bankReads && bankKey != 403) {
                wrong.add("bank key " + method + " " + path + " → " + bankKey);
            }
        }
        assertThat(wrong).isEmpty();
        assertAUnchanged(api, a, ids);
    }

    private int call(PortalSession session, String method, String path, String pageWithToken) {
        if (method.equals("GET")) {
            return session.get(path).status();
        }
        session.get(pageWithToken);
        return session.post(path, Map.of("amount", "1", "enabled", "false", "name", "x", "url", "http://x.y/", "validUntil", "")).status();
    }

    private void assertAUnchanged(Api api, Api.Merchant a, Map<String, String> ids) {
        assertThat(api.get(a.key(), "/api/v1/links/" + ids.get("/links/")).json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.get(a.key(), "/api/v1/transactions/" + ids.get("/reversals/")).json().path("voided").asBoolean()).isFalse();
        assertThat(api.get(a.key(), "/api/v1/webhook-endpoints/" + ids.get("/webhooks/")).status()).isEqualTo(200);
        assertThat(api.get(a.key(), "/api/v1/refund-requests/" + ids.get("/api/v1/refund-requests/")).json().path("status")
                .asString()).as("nobody else decided A's refund request").isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT enabled FROM users WHERE id = ?").param(ids.get("/users/")).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM api_keys WHERE id = ?").param(ids.get("/api-keys/"))
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE link_id = ? AND kind = 'LINK'").param(ids.get("/links/"))
                .query(Long.class).single()).as("no resend by others").isEqualTo(1);
    }
}
