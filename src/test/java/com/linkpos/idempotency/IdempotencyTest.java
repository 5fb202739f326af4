package com.linkpos.idempotency;

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

/** API.md: Idempotency-Key on every POST — replay, a reused key, concurrent requests with one key. */
@LinkPosTest
class IdempotencyTest {

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

    private long links() {
        return jdbc.sql("SELECT count(*) FROM links WHERE merchant_id = ?").param(merchant.id()).query(Long.class).single();
    }

    @Test
    void theSameKeyAndRequestReplaysTheFirstAnswer() {
        String key = TestData.unique("key");
        Response first = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\"}", "Idempotency-Key", key);
        Response again = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\"}", "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(links()).isEqualTo(1);

        // an error is replayed too: the same answer for the same question
        String badKey = TestData.unique("bad");
        Response refused = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"0\"}", "Idempotency-Key", badKey);
        Response refusedAgain = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"0\"}", "Idempotency-Key", badKey);
        assertThat(refusedAgain.status()).isEqualTo(refused.status()).isEqualTo(422);
        assertThat(refusedAgain.body()).isEqualTo(refused.body());
    }

    @Test
    void aKeyLeftInProgressByADeadInstanceIsTakenOverAfterFiveMinutes() {
        String recent = TestData.unique("key");
        String abandoned = TestData.unique("key");
        for (String key : new String[] {recent, abandoned}) {
            jdbc.sql("""
                            INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at)
                            VALUES (?, ?, 'another request', 'IN_PROGRESS', now() - CAST(? AS interval))""")
                    .params(merchant.id(), key, key.equals(recent) ? "1 minute" : "6 minutes").update();
        }

        Response waiting = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\"}", "Idempotency-Key", recent);
        Response taken = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\"}", "Idempotency-Key", abandoned);

        assertThat(waiting.status()).as("a claim in progress elsewhere is not taken over: %s", waiting.body()).isNotEqualTo(201);
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(links()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM idempotency_keys WHERE scope = ? AND key = ?").params(merchant.id(), abandoned)
                .query(String.class).single()).isEqualTo("DONE");
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefused() {
        String key = TestData.unique("key");
        api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\"}", "Idempotency-Key", key);
        Response other = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"11.00\"}", "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency_key_reused");
        assertThat(links()).isEqualTo(1);
        // keys belong to their merchant
        Merchant another = api.newMerchant();
        assertThat(api.post(another.key(), "/api/v1/links", "{\"amount\": \"11.00\"}", "Idempotency-Key", key).status())
                .isEqualTo(201);
        assertThat(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\"}", "Idempotency-Key", "x".repeat(256))
                .code()).isEqualTo("validation_failed");
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneLink() throws Exception {
        String key = TestData.unique("race");
        int requests = 12;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\", \"notify\": {\"email\": \"a@example.com\"}}",
                        "Idempotency-Key", key);
            }));
        }
        go.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            responses.add(answer.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(links()).isEqualTo(1);
        assertThat(responses).allMatch(r -> r.status() == 201 || (r.status() == 409 && r.code().equals("idempotency_key_in_progress")));
        assertThat(responses.stream().filter(r -> r.status() == 201).map(Response::body).distinct()).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE merchant_id = ?").param(merchant.id())
                .query(Long.class).single()).as("one message too").isEqualTo(1);
    }

    @Test
    void aRetriedRefundRefundsOnce() {
        Response link = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"100.00\"}");
        String url = link.json().path("url").asString();
        String sale = new Payer(port).pay(Api.tokenOf(url), Payer.Card.of("4155650100416111")).transactionId();
        api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null);
        String key = TestData.unique("refund");
        Response first = api.post(merchant.key(), "/api/v1/transactions/" + sale + "/refunds", "{\"amount\": \"40.00\"}",
                "Idempotency-Key", key);
        Response retry = api.post(merchant.key(), "/api/v1/transactions/" + sale + "/refunds", "{\"amount\": \"40.00\"}",
                "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(api.get(merchant.key(), "/api/v1/transactions/" + sale).json().path("refundedAmount").asString())
                .isEqualTo("40.00");
    }
}
