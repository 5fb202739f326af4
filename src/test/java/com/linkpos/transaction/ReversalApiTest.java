package com.linkpos.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Api.Merchant;
import com.linkpos.support.Api.Response;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.TestData;
import java.util.ArrayList;
import java.util.List;
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

/** [R3][R4] Void and refund through the API, their error codes, end of day, and refund races. */
@LinkPosTest
class ReversalApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    Merchant merchant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant();
    }

    /** An approved sale of {@code amount}; returns its transaction id. */
    private String sale(String amount) {
        Response link = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"" + amount + "\"}");
        String url = link.json().path("url").asString();
        Payer.Result paid = new Payer(port).pay(Api.tokenOf(url), Payer.Card.of("4155650100416111"));
        assertThat(paid.approved()).isTrue();
        return paid.transactionId();
    }

    private JsonNode transaction(String id) {
        return api.get(merchant.key(), "/api/v1/transactions/" + id).json();
    }

    private void endOfDay() {
        assertThat(api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null).status()).isEqualTo(200);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }

    @Test
    void aSaleOfTheOpenBatchIsVoidedOnceAndNotRefunded() {
        String id = sale("250.00");
        JsonNode before = transaction(id);
        assertThat(before.path("batchNumber").asInt()).isPositive();
        assertThat(before.path("batchClosed").asBoolean()).isFalse();

        assertProblem(api.post(merchant.key(), "/api/v1/transactions/" + id + "/refunds", "{}"), 409, "batch_open_use_void");
        Response voided = api.post(merchant.key(), "/api/v1/transactions/" + id + "/void", null);
        assertThat(voided.status()).as(voided.toString()).isEqualTo(201);
        assertThat(voided.json().path("type").asString()).isEqualTo("VOID");
        assertThat(voided.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(voided.json().path("originalTransactionId").asString()).isEqualTo(id);
        assertThat(voided.json().path("amount").asString()).isEqualTo("250.00");
        assertThat(transaction(id).path("voided").asBoolean()).isTrue();

        assertProblem(api.post(merchant.key(), "/api/v1/transactions/" + id + "/void", null), 409, "already_voided");
        endOfDay();
        assertProblem(api.post(merchant.key(), "/api/v1/transactions/" + id + "/refunds", "{}"), 409, "already_voided");
    }

    @Test
    void afterEndOfDayASaleIsRefundedInPartsNeverBeyondTheSale() {
        String id = sale("1000.00");
        endOfDay();
        assertThat(transaction(id).path("batchClosed").asBoolean()).isTrue();
        assertProblem(api.post(merchant.key(), "/api/v1/transactions/" + id + "/void", null), 409, "batch_closed_use_refund");

        Response first = api.post(merchant.key(), "/api/v1/transactions/" + id + "/refunds", "{\"amount\": \"300.00\"}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("type").asString()).isEqualTo("REFUND");
        assertThat(first.json().path("amount").asString()).isEqualTo("300.00");
        assertThat(transaction(id).path("refundedAmount").asString()).isEqualTo("300.00");

        Response tooMuch = api.post(merchant.key(), "/api/v1/transactions/" + id + "/refunds", "{\"amount\": \"700.01\"}");
        assertProblem(tooMuch, 422, "refund_exceeds_sale");
        assertThat(tooMuch.fieldErrors()).contains("amount:refund_exceeds_sale");
        assertProblem(api.post(merchant.key(), "/api/v1/transactions/" + id + "/refunds", "{\"amount\": \"-5\"}"), 422,
                "validation_failed");
        assertProblem(api.post(merchant.key(), "/api/v1/transactions/" + id + "/refunds", "{\"amount\": 5}"), 400,
                "validation_failed");

        Response rest = api.post(merchant.key(), "/api/v1/transactions/" + id + "/refunds", null);
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.json().path("amount").asString()).as("omitted amount refunds the rest").isEqualTo("700.00");
        assertThat(transaction(id).path("refundedAmount").asString()).isEqualTo("1000.00");
        assertProblem(api.post(merchant.key(), "/api/v1/transactions/" + id + "/refunds", "{\"amount\": \"0.01\"}"), 422,
                "refund_exceeds_sale");
    }

    @Test
    void onlyApprovedSalesOfTheMerchantCanBeReversed() {
        Response link = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\"}");
        String url = link.json().path("url").asString();
        Payer.Result declined = new Payer(port).pay(Api.tokenOf(url), Payer.Card.of("4000000000000002"));
        assertProblem(api.post(merchant.key(), "/api/v1/transactions/" + declined.transactionId() + "/void", null), 409,
                "transaction_not_refundable");

        String id = sale("50.00");
        String voidId = api.post(merchant.key(), "/api/v1/transactions/" + id + "/void", null).json().path("id").asString();
        assertProblem(api.post(merchant.key(), "/api/v1/transactions/" + voidId + "/void", null), 409, "transaction_not_refundable");

        Merchant other = api.newMerchant();
        String mine = sale("60.00");
        assertProblem(api.post(other.key(), "/api/v1/transactions/" + mine + "/void", null), 404, "not_found");
        assertProblem(api.get(other.key(), "/api/v1/transactions/" + mine), 404, "not_found");
        assertThat(transaction(mine).path("voided").asBoolean()).isFalse();
        assertProblem(api.post(merchant.key(), "/api/v1/transactions/txn_00000000000000000000000000/void", null), 404,
                "not_found");
    }

    @Test
    void endOfDayClosesEveryOpenBatchOnceAndANewDayOpensANewOne() {
        String first = sale("10.00");
        int batch = transaction(first).path("batchNumber").asInt();
        assertThat(api.post(merchant.key(), "/api/v1/admin/batches/close", null).status()).as("bank key only").isEqualTo(403);
        endOfDay();
        Response again = api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null);
        assertThat(again.json().path("closed").asInt()).as("nothing left open").isZero();

        String second = sale("20.00");
        assertThat(transaction(second).path("batchNumber").asInt()).isEqualTo(batch + 1);
        assertThat(transaction(second).path("batchClosed").asBoolean()).isFalse();

        // a batch left open from an earlier day closes by itself when the next transaction comes
        jdbc.sql("UPDATE batches SET business_day = business_day - 1 WHERE merchant_id = ? AND closed_at IS NULL")
                .param(merchant.id()).update();
        String third = sale("30.00");
        assertThat(transaction(second).path("batchClosed").asBoolean()).isTrue();
        assertThat(transaction(third).path("batchNumber").asInt()).isEqualTo(batch + 2);
        assertThat(api.post(merchant.key(), "/api/v1/transactions/" + third + "/void", null).status())
                .as("the new sale is in the bank's open batch too").isEqualTo(201);
        assertThat(api.post(merchant.key(), "/api/v1/transactions/" + second + "/refunds", "{}").status())
                .as("the bank agrees the old batch is closed").isEqualTo(201);
    }

    @Test
    void parallelRefundsNeverTogetherExceedTheSale() throws Exception {
        String id = sale("1000.00");
        endOfDay();
        int refunds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(refunds);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < refunds; i++) {
            statuses.add(pool.submit(() -> {
                go.await();
                return api.post(merchant.key(), "/api/v1/transactions/" + id + "/refunds", "{\"amount\": \"150.00\"}").status();
            }));
        }
        go.countDown();
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answers.add(status.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(answers.stream().filter(s -> s == 201)).hasSize(6);
        assertThat(answers.stream().filter(s -> s == 422)).hasSize(refunds - 6);
        assertThat(transaction(id).path("refundedAmount").asString()).isEqualTo("900.00");
        long refunded = jdbc.sql("SELECT coalesce(sum(amount_minor), 0) FROM transactions WHERE original_transaction_id = ? "
                + "AND type = 'REFUND' AND status = 'APPROVED'").param(id).query(Long.class).single();
        assertThat(refunded).isEqualTo(90_000);
        long atTheBank = jdbc.sql("SELECT (refunded_amount * 100)::bigint FROM simulator_transactions WHERE txn_type = 'Auth' AND host_ref_num = ?")
                .param(transaction(id).path("hostReference").asString()).query(Long.class).single();
        assertThat(atTheBank).isEqualTo(90_000);
    }

    @Test
    void aVoidRacingARefundLeavesOneConsistentStory() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = sale("100.00");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            Future<Response> voiding = pool.submit(() -> {
                go.await();
                return api.post(merchant.key(), "/api/v1/transactions/" + id + "/void", null);
            });
            Future<Response> refunding = pool.submit(() -> {
                go.await();
                return api.post(merchant.key(), "/api/v1/transactions/" + id + "/refunds", "{}");
            });
            go.countDown();
            Response voidAnswer = voiding.get(30, TimeUnit.SECONDS);
            Response refundAnswer = refunding.get(30, TimeUnit.SECONDS);
            pool.shutdown();
            // the batch is open: the void wins, the refund is told to void instead
            assertThat(voidAnswer.status()).isEqualTo(201);
            assertThat(refundAnswer.code()).isIn("batch_open_use_void", "already_voided");
            JsonNode sale = transaction(id);
            assertThat(sale.path("voided").asBoolean()).isTrue();
            assertThat(sale.path("refundedAmount").asString()).isEqualTo("0.00");
        }
    }
}
