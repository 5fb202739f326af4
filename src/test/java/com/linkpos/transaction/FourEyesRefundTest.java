package com.linkpos.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Api.Merchant;
import com.linkpos.support.Api.Response;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * [S3] Four eyes end to end over HTTP: the merchant's amount (API and portal), a refund above it waiting as a
 * request (202), held against the sale, approved in the portal by a second admin only, cancelled, expired, two
 * approvals at once making one refund; every change in the audit log.
 */
@LinkPosTest
class FourEyesRefundTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RefundRequests requests;
    Api api;
    Merchant merchant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant();
    }

    /** An approved sale of {@code amount}, past its end of day (refundable); its transaction id. */
    private String closedSale(String amount) {
        Response link = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"" + amount + "\"}");
        Payer.Result paid = new Payer(port).pay(Api.tokenOf(link.json().path("url").asString()), Payer.Card.of("4155650100416111"));
        assertThat(paid.approved()).isTrue();
        assertThat(api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null).status()).isEqualTo(200);
        return paid.transactionId();
    }

    private void fourEyesAbove(String above) {
        Response set = api.send(merchant.key(), "PUT", "/api/v1/settings/refund-approval",
                above == null ? "{\"above\": null}" : "{\"above\": \"" + above + "\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    private Response refund(String saleId, String amount) {
        return api.post(merchant.key(), "/api/v1/transactions/" + saleId + "/refunds", "{\"amount\": \"" + amount + "\"}");
    }

    /** A second admin of the merchant, added by the first in the portal; signed in. */
    private PortalSession secondAdmin(PortalSession first) {
        String username = TestData.unique("yonetici");
        first.get("/users");
        Page saved = first.post("/users", Map.of("username", username, "password", "user-password-1", "role", "MERCHANT_ADMIN"));
        assertThat(saved.status()).as(saved.text()).isEqualTo(302);
        return PortalSession.loggedIn(port, username, "user-password-1");
    }

    private Page approveInPortal(PortalSession admin, String saleId, String requestId) {
        admin.get("/reversals/" + saleId);
        return admin.post("/reversals/requests/" + requestId + "/approve", Map.of());
    }

    private List<String> auditActions(String objectId) {
        return jdbc.sql("SELECT action FROM audit_events WHERE merchant_id = ? AND object_id = ? ORDER BY id")
                .param(merchant.id()).param(objectId).query(String.class).list();
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
    }

    @Test
    void theAmountIsSetByAnAdminCheckedAndAudited() {
        JsonNode none = api.get(merchant.key(), "/api/v1/settings/refund-approval").json();
        assertThat(none.path("above").isNull()).isTrue();
        assertThat(none.path("currency").asString()).isEqualTo("TRY");
        fourEyesAbove("1000.00");
        assertThat(api.get(merchant.key(), "/api/v1/settings/refund-approval").json().path("above").asString()).isEqualTo("1000.00");
        for (String bad : List.of("-5", "abc", "0", "1.001")) {
            Response refused = api.send(merchant.key(), "PUT", "/api/v1/settings/refund-approval", "{\"above\": \"" + bad + "\"}");
            assertThat(refused.status()).as(bad + ": " + refused).isEqualTo(422);
            assertThat(refused.fieldErrors()).as(bad).allMatch(e -> e.startsWith("above:"));
        }
        assertThat(api.send(merchant.key(), "PUT", "/api/v1/settings/refund-approval", "{\"above\": 5}").status()).isEqualTo(400);
        fourEyesAbove(null);
        assertThat(api.get(merchant.key(), "/api/v1/settings/refund-approval").json().path("above").isNull()).isTrue();
        List<String> changes = jdbc.sql("SELECT changes::text FROM audit_events WHERE merchant_id = ? AND action = 'merchant.updated' "
                + "ORDER BY id").param(merchant.id()).query(String.class).list();
        assertThat(changes).containsExactly("{\"refundApprovalAbove\": [null, \"1000.00\"]}",
                "{\"refundApprovalAbove\": [\"1000.00\", null]}");

        // in the portal: typed the Turkish way, shown back
        PortalSession admin = PortalSession.loggedIn(port, merchant);
        admin.get("/reversals");
        assertThat(admin.post("/reversals/approval", Map.of("above", "2.500,50")).status()).isEqualTo(302);
        Page page = admin.get("/reversals");
        assertThat(page.document().selectFirst("#four-eyes-now").attr("data-above")).isEqualTo("2500.50");
        assertThat(admin.post("/reversals/approval", Map.of("above", "çok")).status()).isEqualTo(302);
        assertThat(admin.get("/reversals").document().selectFirst("#above-error")).as("refused beside the field").isNotNull();
    }

    @Test
    void onlyARefundStrictlyAboveTheAmountWaitsAndARequestIsCheckedAsARefundIs() {
        String sale = closedSale("2000.00");
        fourEyesAbove("1000.00");

        Response atOnce = refund(sale, "1000.00");
        assertThat(atOnce.status()).as("exactly the amount: made at once").isEqualTo(201);
        assertThat(atOnce.json().path("type").asString()).isEqualTo("REFUND");

        assertThat(refund(sale, "900.00").status()).as("below the amount").isEqualTo(201);
        fourEyesAbove("50.00");
        // 2000 − 1000 − 900 = 100 left: a request is checked as a refund is, when it is asked
        assertProblem(refund(sale, "600.00"), 422, "refund_exceeds_sale");
        assertThat(refund(sale, "100.00").status()).isEqualTo(202);
        assertProblem(refund(sale, "0.01"), 422, "refund_exceeds_sale");
    }

    @Test
    void aPendingRequestIsHeldAgainstTheRestAndCanBeCancelledOnce() {
        String sale = closedSale("2000.00");
        fourEyesAbove("1000.00");

        Response asked = refund(sale, "1500.00");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        JsonNode request = asked.json();
        String id = request.path("id").asString();
        assertThat(id).startsWith("rfq_");
        assertThat(request.path("status").asString()).isEqualTo("PENDING");
        assertThat(request.path("transactionId").asString()).isEqualTo(sale);
        assertThat(request.path("amount").asString()).isEqualTo("1500.00");
        assertThat(request.path("currency").asString()).isEqualTo("TRY");
        assertThat(request.path("requestedBy").asString()).startsWith("api-key:");
        assertThat(request.path("refundTransactionId").isNull()).isTrue();
        assertThat(request.path("expiresAt").asString()).isNotBlank();
        assertThat(api.get(merchant.key(), "/api/v1/transactions/" + sale).json().path("refundedAmount").asString())
                .as("nothing went to the bank").isEqualTo("0.00");

        // 500 left beside the request: neither a second request nor a refund takes more
        assertProblem(refund(sale, "1200.00"), 422, "refund_exceeds_sale");
        Response direct = refund(sale, "500.01");
        assertProblem(direct, 422, "refund_exceeds_sale");
        assertThat(direct.json().path("errors").get(0).path("message").asString()).contains("500");
        assertThat(refund(sale, "500.00").status()).isEqualTo(201);

        assertThat(api.get(merchant.key(), "/api/v1/refund-requests/" + id).json().path("status").asString()).isEqualTo("PENDING");
        JsonNode pending = api.get(merchant.key(), "/api/v1/refund-requests?status=PENDING").json();
        assertThat(pending.path("data").valueStream().map(r -> r.path("id").asString())).containsExactly(id);
        assertThat(pending.has("nextCursor")).isTrue();
        assertProblem(api.get(merchant.key(), "/api/v1/refund-requests?status=NOPE"), 400, "validation_failed");
        assertProblem(api.get(merchant.key(), "/api/v1/refund-requests?limit=0"), 400, "validation_failed");
        assertProblem(api.get(merchant.key(), "/api/v1/refund-requests?cursor=%25%25"), 400, "validation_failed");

        Response byKey = api.post(merchant.key(), "/api/v1/refund-requests/" + id + "/approve", null);
        assertProblem(byKey, 403, "forbidden");
        assertThat(byKey.json().path("detail").asString()).as("says why").isNotBlank();

        Merchant other = api.newMerchant();
        assertProblem(api.get(other.key(), "/api/v1/refund-requests/" + id), 404, "not_found");
        assertProblem(api.post(other.key(), "/api/v1/refund-requests/" + id + "/cancel", null), 404, "not_found");

        Response cancelled = api.post(merchant.key(), "/api/v1/refund-requests/" + id + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("decidedBy").asString()).startsWith("api-key:");
        assertProblem(api.post(merchant.key(), "/api/v1/refund-requests/" + id + "/cancel", null), 409, "refund_request_not_pending");
        assertThat(refund(sale, "1500.00").status()).as("the rest is free again, and waits again").isEqualTo(202);

        assertThat(auditActions(sale)).containsSubsequence("refund.requested", "refund.cancelled", "refund.requested");
    }

    @Test
    void aRequestMadeWithAnAdminsOwnKeyIsHisOwn() {
        String sale = closedSale("3000.00");
        fourEyesAbove("1000.00");
        PortalSession first = PortalSession.loggedIn(port, merchant);
        PortalSession second = secondAdmin(first);
        first.get("/api-keys");
        Page made = first.post("/api-keys", Map.of("name", "kasa programı"));
        String ownKey = first.get(first.relative(made.location())).document().selectFirst("#new-key-value").attr("value");

        Response asked = api.post(ownKey, "/api/v1/transactions/" + sale + "/refunds", "{\"amount\": \"1500.00\"}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        String id = asked.json().path("id").asString();
        assertThat(first.get("/reversals/" + sale).document().select(".approve-request")).as("his key, his request").isEmpty();
        approveInPortal(first, sale, id);
        assertThat(api.get(merchant.key(), "/api/v1/refund-requests/" + id).json().path("status").asString()).isEqualTo("PENDING");

        approveInPortal(second, sale, id);
        assertThat(api.get(merchant.key(), "/api/v1/refund-requests/" + id).json().path("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aSecondAdminApprovesInThePortalNeverTheRequester() {
        String sale = closedSale("3000.00");
        PortalSession first = PortalSession.loggedIn(port, merchant);
        PortalSession second = secondAdmin(first);
        first.get("/reversals");
        first.post("/reversals/approval", Map.of("above", "1.000,00"));

        // the first admin asks for 1.500,00 in the portal: warned before «Evet», told after that it waits
        Page confirm = first.get("/reversals/" + sale + "/refund?amount=1.500,00");
        assertThat(confirm.document().selectFirst("#needs-approval")).isNotNull();
        Page posted = first.post("/reversals/" + sale + "/refund", Map.of("amount", "1500.00"));
        assertThat(posted.status()).isEqualTo(302);
        Page waiting = first.get("/reversals/" + sale);
        String id = waiting.document().selectFirst("#refund-requested").attr("data-request-id");
        assertThat(id).startsWith("rfq_");
        assertThat(waiting.document().select(".approve-request")).as("not offered to the requester").isEmpty();
        assertThat(waiting.document().select(".own-request")).isNotEmpty();
        assertThat(api.get(merchant.key(), "/api/v1/refund-requests/" + id).json().path("requestedBy").asString())
                .isEqualTo(merchant.username());
        assertThat(first.get("/reversals").document().select("#refund-requests-table tr[data-request-id=" + id + "]")).hasSize(1);

        // the requester's own approval is refused, and changes nothing
        approveInPortal(first, sale, id);
        Page refused = first.get("/reversals/" + sale);
        assertThat(refused.document().selectFirst("#reversal-refusal")).isNotNull();
        assertThat(refused.document().selectFirst("#reversal-refusal").text()).contains("başka bir yönetici");
        assertThat(api.get(merchant.key(), "/api/v1/refund-requests/" + id).json().path("status").asString()).isEqualTo("PENDING");

        // a second admin approves: the refund is made at the bank
        Page approving = second.get("/reversals/" + sale);
        assertThat(approving.document().select(".approve-request")).hasSize(1);
        assertThat(second.post("/reversals/requests/" + id + "/approve", Map.of()).status()).isEqualTo(302);
        Page approved = second.get("/reversals/" + sale);
        assertThat(approved.document().selectFirst("#refund-request-decided").attr("data-status")).isEqualTo("APPROVED");
        assertThat(approved.document().selectFirst("#reversal-outcome").attr("data-type")).isEqualTo("REFUND");

        JsonNode request = api.get(merchant.key(), "/api/v1/refund-requests/" + id).json();
        assertThat(request.path("status").asString()).isEqualTo("APPROVED");
        String refundId = request.path("refundTransactionId").asString();
        assertThat(refundId).startsWith("txn_");
        assertThat(request.path("decidedBy").asString()).isNotEqualTo(merchant.username());
        JsonNode refund = api.get(merchant.key(), "/api/v1/transactions/" + refundId).json();
        assertThat(refund.path("type").asString()).isEqualTo("REFUND");
        assertThat(refund.path("status").asString()).isEqualTo("APPROVED");
        assertThat(refund.path("amount").asString()).isEqualTo("1500.00");
        assertThat(api.get(merchant.key(), "/api/v1/transactions/" + sale).json().path("refundedAmount").asString()).isEqualTo("1500.00");

        // decided: no second approval, no cancel
        approveInPortal(second, sale, id);
        assertThat(second.get("/reversals/" + sale).document().selectFirst("#reversal-refusal")).isNotNull();
        assertProblem(api.post(merchant.key(), "/api/v1/refund-requests/" + id + "/cancel", null), 409, "refund_request_not_pending");
        assertThat(auditActions(sale)).containsSubsequence("refund.requested", "refund.approved");
        String approvedBy = jdbc.sql("SELECT actor_type || ':' || actor_name FROM audit_events WHERE object_id = ? AND action = 'refund.approved'")
                .param(sale).query(String.class).single();
        assertThat(approvedBy).isEqualTo("USER:" + request.path("decidedBy").asString());
    }

    @Test
    void twoAdminsApprovingAtOnceMakeOneRefund() throws Exception {
        String sale = closedSale("5000.00");
        fourEyesAbove("100.00");
        String id = refund(sale, "4000.00").json().path("id").asString();
        PortalSession first = PortalSession.loggedIn(port, merchant);
        List<PortalSession> approvers = List.of(secondAdmin(first), secondAdmin(first), secondAdmin(first));
        for (PortalSession approver : approvers) {
            approver.get("/reversals/" + sale);
        }
        ExecutorService pool = Executors.newFixedThreadPool(approvers.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Page>> answers = new ArrayList<>();
        for (PortalSession approver : approvers) {
            answers.add(pool.submit(() -> {
                go.await();
                return approver.post("/reversals/requests/" + id + "/approve", Map.of());
            }));
        }
        go.countDown();
        for (Future<Page> answer : answers) {
            assertThat(answer.get(60, TimeUnit.SECONDS).status()).isEqualTo(302);
        }
        pool.shutdown();

        long refunds = jdbc.sql("SELECT count(*) FROM transactions WHERE original_transaction_id = ? AND type = 'REFUND'")
                .param(sale).query(Long.class).single();
        assertThat(refunds).isEqualTo(1);
        assertThat(api.get(merchant.key(), "/api/v1/refund-requests/" + id).json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(auditActions(sale).stream().filter("refund.approved"::equals)).hasSize(1);
    }

    @Test
    void anUnapprovedRequestExpiresAndFreesTheSale() {
        String sale = closedSale("2000.00");
        fourEyesAbove("1000.00");
        String id = refund(sale, "1500.00").json().path("id").asString();
        jdbc.sql("UPDATE refund_requests SET expires_at = now() - interval '1 minute' WHERE id = ?").param(id).update();

        assertThat(api.get(merchant.key(), "/api/v1/refund-requests/" + id).json().path("status").asString())
                .as("expired on read, before the job").isEqualTo("EXPIRED");
        assertThat(api.get(merchant.key(), "/api/v1/refund-requests?status=EXPIRED").json().path("data").size()).isEqualTo(1);
        assertProblem(api.post(merchant.key(), "/api/v1/refund-requests/" + id + "/cancel", null), 409, "refund_request_not_pending");
        assertThat(refund(sale, "1000.00").status()).as("its amount no longer holds the sale").isEqualTo(201);

        assertThat(requests.expireDue(100)).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM refund_requests WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("EXPIRED");
        assertThat(jdbc.sql("SELECT actor_type || ':' || actor_name FROM audit_events WHERE object_id = ? AND action = 'refund.expired'")
                .param(sale).query(String.class).single()).isEqualTo("SYSTEM:refund-request-expiry");
        assertThat(requests.expireDue(100)).as("written down once").isZero();
    }

    @Test
    void anApprovalTheRestNoLongerAllowsFails() {
        String sale = closedSale("2000.00");
        fourEyesAbove("1000.00");
        String id = refund(sale, "1500.00").json().path("id").asString();
        // the rest refunded meanwhile at the bank's side of LinkPOS (as a lost refund learnt would)
        jdbc.sql("UPDATE transactions SET refunded_minor = 100000 WHERE id = ?").param(sale).update();
        PortalSession first = PortalSession.loggedIn(port, merchant);
        PortalSession second = secondAdmin(first);
        approveInPortal(second, sale, id);
        Page page = second.get("/reversals/" + sale);
        assertThat(page.document().selectFirst("#reversal-refusal")).isNotNull();
        JsonNode request = api.get(merchant.key(), "/api/v1/refund-requests/" + id).json();
        assertThat(request.path("status").asString()).isEqualTo("FAILED");
        assertThat(request.path("failureCode").asString()).isEqualTo("refund_exceeds_sale");
        assertThat(auditActions(sale)).contains("refund.failed");
    }
}
