package com.linkpos.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.merchant.TotpCodes;
import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import com.linkpos.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * [S2] Every endpoint that changes state, of the API and of the portal (the same ones the access walk
 * walks), called rightly once: each writes exactly one audit event of its action. An endpoint added
 * without a step here fails the walk, so none is left out of the log by forgetting.
 */
@LinkPosTest
class AuditWalkTest {

    /** Not a merchant's, a bank's or a portal user's change: a payer's pages, the simulated bank, the error page. */
    private static final List<String> NOT_AUDITED = List.of("/pay/", "/simulator/", "/error");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private record Step(String action, IntSupplier call) {
    }

    private final Map<String, Step> steps = new LinkedHashMap<>();

    private void step(String endpoint, String action, IntSupplier call) {
        steps.put(endpoint, new Step(action, call));
    }

    /** A form posted as from a page of the portal, which gives the session its CSRF token. */
    private static PortalSession.Page post(PortalSession session, String page, String path, Map<String, String> form) {
        session.get(page);
        return session.post(path, form);
    }

    /** [S3] A refund above the merchant's four-eyes amount: the waiting request's id. */
    private static String requestRefund(Api api, String key, String sale) {
        Api.Response asked = api.post(key, "/api/v1/transactions/" + sale + "/refunds", "{\"amount\": \"8.00\"}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        return asked.json().path("id").asString();
    }

    private long count(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_events WHERE action = ?").param(action).query(Long.class).single();
    }

    /** Every method and path the application maps that may change something. */
    private TreeSet<String> changingEndpoints() {
        TreeSet<String> found = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().forEach(pattern -> {
            if (NOT_AUDITED.stream().noneMatch(pattern::startsWith)) {
                info.getMethodsCondition().getMethods().stream().filter(method -> method != RequestMethod.GET)
                        .forEach(method -> found.add(method + " " + pattern));
            }
        }));
        return found;
    }

    @Test
    void everyChangingEndpointWritesOneAuditEventOfItsAction() {
        Api api = new Api(port);
        Api.Merchant a = api.newMerchant();
        String key = a.key();
        PortalSession admin = PortalSession.loggedIn(port, a);
        PortalSession bank = PortalSession.loggedIn(port, "bank", TestData.BANK_PASSWORD);
        Payer payer = new Payer(port);

        // what the steps work on, made beforehand
        Api.CreatedLink apiLink = api.newLink(a, Map.of("amount", "10.00", "usage", "MULTI"));
        Api.CreatedLink portalLink = api.newLink(a, Map.of("amount", "10.00", "usage", "MULTI"));
        Api.CreatedLink sent = api.newLink(a, Map.of("amount", "10.00", "notify", Map.of("email", "payer@example.com")));
        String notification = jdbc.sql("SELECT id FROM notifications WHERE link_id = ?").param(sent.id()).query(String.class).single();
        Api.CreatedLink paid = api.newLink(a, Map.of("amount", "10.00", "usage", "MULTI"));
        // sales to refund (of a closed batch), then sales to void (of the open one)
        List<String> refundable = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            refundable.add(payer.pay(paid.token(), Payer.Card.of("4155650100416111")).transactionId());
        }
        api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null);
        List<String> sales = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sales.add(payer.pay(paid.token(), Payer.Card.of("4155650100416111")).transactionId());
        }
        // [S3] a second admin, to approve what the first (or a key) asked
        String second = TestData.unique("ikinci");
        post(admin, "/users", "/users", Map.of("username", second, "password", "user-password-1", "role", "MERCHANT_ADMIN"));
        PortalSession secondAdmin = PortalSession.loggedIn(port, second, "user-password-1");
        Api.CreatedLink held = api.newLink(a, Map.of("amount", "10.00", "usage", "MULTI", "preAuthorization", true));
        String holdForApi = payer.pay(held.token(), Payer.Card.of("4155650100416111")).transactionId();
        String holdForPortal = payer.pay(held.token(), Payer.Card.of("4155650100416111")).transactionId();
        String webhookForApi = api.post(key, "/api/v1/webhook-endpoints", "{\"url\": \"http://127.0.0.1:9/a\"}").json().path("id").asString();
        String webhookForPortal = api.post(key, "/api/v1/webhook-endpoints", "{\"url\": \"http://127.0.0.1:9/b\"}").json().path("id").asString();
        Api.Merchant b = api.newMerchant();
        String userOfB = jdbc.sql("SELECT id FROM users WHERE username = ?").param(b.username()).query(String.class).single();
        String cashier = TestData.unique("kasa");

        // the API, as the merchant's key
        step("POST /api/v1/links", "link.created", () -> api.post(key, "/api/v1/links", "{\"amount\": \"5.00\"}").status());
        step("PATCH /api/v1/links/{id}", "link.updated",
                () -> api.patch(key, "/api/v1/links/" + apiLink.id(), "{\"amount\": \"12.00\"}").status());
        step("POST /api/v1/links/{id}/notifications", "link.sent",
                () -> api.post(key, "/api/v1/links/" + apiLink.id() + "/notifications", "{\"email\": \"x@example.com\"}").status());
        step("DELETE /api/v1/links/{id}", "link.deleted", () -> api.delete(key, "/api/v1/links/" + apiLink.id()).status());
        step("PUT /api/v1/links/defaults", "link_defaults.updated",
                () -> api.send(key, "PUT", "/api/v1/links/defaults", "{\"reminderBefore\": \"PT24H\"}").status());
        step("POST /api/v1/links/bulk", "link.bulk_uploaded", () -> api.upload(key, "/api/v1/links/bulk", "a.csv",
                "amount\r\n10.00\r\n".getBytes(StandardCharsets.UTF_8)).status());
        step("POST /api/v1/webhook-endpoints", "webhook_endpoint.created",
                () -> api.post(key, "/api/v1/webhook-endpoints", "{\"url\": \"http://127.0.0.1:9/c\"}").status());
        step("DELETE /api/v1/webhook-endpoints/{id}", "webhook_endpoint.deleted",
                () -> api.delete(key, "/api/v1/webhook-endpoints/" + webhookForApi).status());
        step("POST /api/v1/transactions/{id}/void", "transaction.voided",
                () -> api.post(key, "/api/v1/transactions/" + sales.get(0) + "/void", null).status());
        step("POST /api/v1/transactions/{id}/capture", "transaction.captured",
                () -> api.post(key, "/api/v1/transactions/" + holdForApi + "/capture", "{}").status());
        // the portal, as the merchant's admin
        step("POST /links", "link.created", () -> post(admin, "/links/new", "/links", Map.of("currency", "TRY", "amount", "10,00",
                "installments", "1", "usage", "SINGLE")).status());
        step("POST /links/{id}", "link.updated", () -> post(admin, "/links/new", "/links/" + portalLink.id(), Map.of("orderNumber",
                portalLink.orderNumber(), "currency", "TRY", "amount", "11,00", "installments", "1", "usage", "MULTI")).status());
        step("POST /links/{id}/renew", "link.updated", () -> post(admin, "/links/new", "/links/" + portalLink.id() + "/renew",
                Map.of("validUntil", java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Istanbul")).plusDays(3)
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")))).status());
        step("POST /links/{id}/delete", "link.deleted", () -> post(admin, "/links/new", "/links/" + portalLink.id() + "/delete", Map.of()).status());
        step("POST /links/bulk", "link.bulk_uploaded",
                () -> {
                    admin.get("/links/bulk");
                    return admin.upload("/links/bulk", "b.csv", "amount\r\n10.00\r\n".getBytes(StandardCharsets.UTF_8)).status();
                });
        step("POST /messages/{id}/resend", "notification.resent",
                () -> post(admin, "/links/new", "/messages/" + notification + "/resend", Map.of()).status());
        step("POST /reversals/{id}/void", "transaction.voided", () -> post(admin, "/links/new", "/reversals/" + sales.get(1) + "/void", Map.of()).status());
        step("POST /reversals/{id}/capture", "transaction.captured",
                () -> post(admin, "/links/new", "/reversals/" + holdForPortal + "/capture", Map.of("amount", "")).status());
        step("POST /users", "user.created", () -> post(admin, "/links/new", "/users", Map.of("username", cashier, "password", "user-password-1",
                "role", "MERCHANT_USER")).status());
        step("POST /users/{id}/enabled", "user.updated", () -> post(admin, "/links/new", "/users/" + jdbc.sql("SELECT id FROM users WHERE username = ?")
                .param(cashier).query(String.class).single() + "/enabled", Map.of("enabled", "false")).status());
        step("POST /api-keys", "api_key.created", () -> post(admin, "/links/new", "/api-keys", Map.of("name", "ERP")).status());
        step("POST /api-keys/{id}/revoke", "api_key.revoked", () -> post(admin, "/links/new", "/api-keys/" + jdbc.sql("SELECT id FROM api_keys WHERE merchant_id = ? AND name = 'ERP'")
                .param(a.id()).query(String.class).single() + "/revoke", Map.of()).status());
        step("POST /webhooks", "webhook_endpoint.created", () -> post(admin, "/links/new", "/webhooks", Map.of("url", "http://127.0.0.1:9/d")).status());
        step("POST /webhooks/{id}/rotate", "webhook_endpoint.secret_rotated",
                () -> post(admin, "/links/new", "/webhooks/" + webhookForPortal + "/rotate", Map.of()).status());
        step("POST /webhooks/{id}/test", "webhook_endpoint.tested",
                () -> post(admin, "/links/new", "/webhooks/" + webhookForPortal + "/test", Map.of()).status());
        step("POST /webhooks/{id}/delete", "webhook_endpoint.deleted",
                () -> post(admin, "/links/new", "/webhooks/" + webhookForPortal + "/delete", Map.of()).status());
        // end of day, then refunds (a sale of a closed batch)
        step("POST /api/v1/transactions/{id}/refunds", "transaction.refunded",
                () -> api.post(key, "/api/v1/transactions/" + refundable.get(0) + "/refunds", "{\"amount\": \"1.00\"}").status());
        step("POST /reversals/{id}/refund", "transaction.refunded",
                () -> post(admin, "/links/new", "/reversals/" + refundable.get(1) + "/refund", Map.of("amount", "1.00")).status()); // as its confirmation posts it
        step("POST /api/v1/admin/batches/close", "batch.closed", () -> {
            payer.pay(paid.token(), Payer.Card.of("4155650100416111")); // something to close
            return api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null).status();
        });
        // [S3] four eyes: above 5.00 a refund waits for a second admin
        step("PUT /api/v1/settings/refund-approval", "merchant.updated",
                () -> api.send(key, "PUT", "/api/v1/settings/refund-approval", "{\"above\": \"6.00\"}").status());
        step("POST /reversals/approval", "merchant.updated",
                () -> post(admin, "/links/new", "/reversals/approval", Map.of("above", "5,00")).status());
        step("POST /api/v1/refund-requests/{id}/cancel", "refund.cancelled",
                () -> api.post(key, "/api/v1/refund-requests/" + requestRefund(api, key, refundable.get(2)) + "/cancel", null).status());
        step("POST /reversals/requests/{id}/cancel", "refund.cancelled", () -> post(admin, "/links/new",
                "/reversals/requests/" + requestRefund(api, key, refundable.get(3)) + "/cancel", Map.of()).status());
        step("POST /reversals/requests/{id}/approve", "refund.approved", () -> post(secondAdmin, "/links/new",
                "/reversals/requests/" + requestRefund(api, key, refundable.get(4)) + "/approve", Map.of()).status());
        step("POST /bank/batches/close", "batch.closed", () -> {
            payer.pay(paid.token(), Payer.Card.of("4155650100416111")); // something to close
            return post(bank, "/bank/merchants", "/bank/batches/close", Map.of()).status();
        });
        // the bank
        step("POST /api/v1/admin/merchants", "merchant.created", () -> api.post(TestData.BANK_KEY, "/api/v1/admin/merchants",
                Api.json(Map.of("name", "Yeni", "email", "yeni@example.com", "admin",
                        Map.of("username", TestData.unique("yeni"), "password", "a-good-password-1")))).status());
        step("PATCH /api/v1/admin/merchants/{id}", "merchant.updated", () -> api.patch(TestData.BANK_KEY,
                "/api/v1/admin/merchants/" + b.id(), "{\"maxInstallments\": 6}").status());
        step("POST /api/v1/admin/merchants/{id}/api-keys", "api_key.created",
                () -> api.post(TestData.BANK_KEY, "/api/v1/admin/merchants/" + b.id() + "/api-keys", null).status());
        step("POST /bank/merchants", "merchant.created", () -> post(bank, "/bank/merchants", "/bank/merchants", Map.of("name", "Yeni 2",
                "email", "yeni2@example.com", "maxInstallments", "1", "adminUsername", TestData.unique("yeni"),
                "adminPassword", "a-good-password-1")).status());
        step("POST /bank/merchants/{id}", "merchant.updated", () -> post(bank, "/bank/merchants", "/bank/merchants/" + b.id(), Map.of("name", "B2",
                "email", "b2@example.com", "maxInstallments", "3")).status());
        step("POST /bank/merchants/{id}/terminal", "merchant.updated", () -> post(bank, "/bank/merchants", "/bank/merchants/" + b.id() + "/terminal",
                Map.of("type", "EST", "preset", "SIMULATOR", "clientId", "700655000200", "username", "ISBANKAPI",
                        "password", "ISBANK07", "storeKey", "TRPS0200")).status());
        step("POST /bank/merchants/{id}/terminal/remove", "merchant.updated",
                () -> post(bank, "/bank/merchants", "/bank/merchants/" + b.id() + "/terminal/remove", Map.of()).status());
        step("POST /bank/merchants/{id}/pricing", "merchant.updated",
                () -> post(bank, "/bank/merchants", "/bank/merchants/" + b.id() + "/pricing", Map.of("vadeFarki.3", "2,80")).status());
        step("POST /bank/merchants/{id}/two-factor", "merchant.updated",
                () -> post(bank, "/bank/merchants", "/bank/merchants/" + b.id() + "/two-factor", Map.of("required", "true")).status());
        // [S4] fraud rules, the merchant's and the bank's (a BIN no test card has, put back below)
        step("POST /bank/merchants/{id}/fraud-rules", "merchant.updated", () -> post(bank, "/bank/merchants",
                "/bank/merchants/" + b.id() + "/fraud-rules", Map.of("blockedBins", "999999")).status());
        step("PUT /api/v1/admin/fraud-rules", "fraud_rules.updated", () -> api.send(TestData.BANK_KEY, "PUT",
                "/api/v1/admin/fraud-rules", "{\"blockedBins\": [\"999999\"]}").status());
        step("POST /bank/fraud-rules", "fraud_rules.updated",
                () -> post(bank, "/bank/merchants", "/bank/fraud-rules", Map.of("blockedBins", "999998")).status());
        // [S1] the second factor: enrolled inside a login the bank requires it for, used at the next login, reset
        PortalSession userOfBBrowser = new PortalSession(port);
        String[] secret = new String[1];
        step("POST /login/enrol", "user.two_factor_enabled", () -> {
            userOfBBrowser.login(b.username(), b.password());
            secret[0] = userOfBBrowser.get("/login/enrol").document().selectFirst("#totp-secret").text();
            return userOfBBrowser.post("/login/enrol", Map.of("code", TotpCodes.now(secret[0]))).status();
        });
        step("POST /login/code", "login.succeeded", () -> {
            PortalSession again = new PortalSession(port);
            again.login(b.username(), b.password());
            again.get("/login/code");
            return again.post("/login/code", Map.of("code", TotpCodes.next(secret[0]))).status();
        });
        step("POST /bank/merchants/{id}/users/{userId}/two-factor/reset", "user.two_factor_reset",
                () -> post(bank, "/bank/merchants", "/bank/merchants/" + b.id() + "/users/" + userOfB + "/two-factor/reset", Map.of()).status());
        step("POST /account/two-factor", "user.two_factor_enabled", () -> {
            String own = admin.get("/account/two-factor").document().selectFirst("#totp-secret").text();
            return post(admin, "/links/new", "/account/two-factor", Map.of("code", TotpCodes.now(own))).status();
        });

        TreeSet<String> changing = changingEndpoints();
        // [S3] refused to every key (a key is not a person: it may ask for a refund, never approve one), checked below
        changing.remove("POST /api/v1/refund-requests/{id}/approve");
        assertThat(steps.keySet()).as("a step for every endpoint that may change something")
                .containsExactlyInAnyOrderElementsOf(changing);
        List<String> wrong = new ArrayList<>();
        steps.forEach((endpoint, step) -> {
            long before = count(step.action());
            int status;
            try {
                status = step.call().getAsInt();
            } catch (RuntimeException | AssertionError failed) {
                wrong.add(endpoint + " failed: " + failed);
                return;
            }
            long written = count(step.action()) - before;
            if (status >= 400 || written != 1) {
                wrong.add(endpoint + " → " + status + ", " + written + " events of " + step.action());
            }
        });
        api.send(TestData.BANK_KEY, "PUT", "/api/v1/admin/fraud-rules", "{}"); // the other tests' bank has none
        assertThat(wrong).isEmpty();
        long approved = count("refund.approved");
        assertThat(api.post(key, "/api/v1/refund-requests/" + requestRefund(api, key, refundable.get(5)) + "/approve", null).status())
                .isEqualTo(403);
        assertThat(count("refund.approved")).isEqualTo(approved);
    }
}
