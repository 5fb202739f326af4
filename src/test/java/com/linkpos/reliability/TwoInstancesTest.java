package com.linkpos.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.LinkPosApplication;
import com.linkpos.banksimulator.standalone.BankSimulatorApplication;
import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import com.linkpos.support.TestData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on one PostgreSQL, as behind a load balancer, and the bank simulator as a process of its
 * own with its own database, which both reach over HTTP as they would reach a bank: a portal session works
 * on either, a payment's 3-D Secure can start on one and its answer come back to the other, a single-use
 * link paid through both at once is paid once, and background jobs do their work once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    EmbeddedPostgres database;
    ConfigurableApplicationContext bank;
    ConfigurableApplicationContext first;
    ConfigurableApplicationContext second;
    JdbcClient jdbc;
    JdbcClient bankBooks;

    private ConfigurableApplicationContext startBank() throws Exception {
        try (var connection = database.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE bank");
        }
        return new SpringApplicationBuilder(BankSimulatorApplication.class).profiles(BankSimulatorApplication.PROFILE)
                .run("--server.port=0", "--spring.datasource.url=" + database.getJdbcUrl("postgres", "bank"),
                        "--spring.datasource.username=postgres", "--logging.level.root=WARN");
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LinkPosApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
                "--linkpos.acquiring.default-terminal.gatewayUrl=http://localhost:" + port(bank) + "/simulator/payfor",
                "--linkpos.bootstrap.bank-api-key=" + TestData.BANK_KEY,
                "--linkpos.bootstrap.demo-password=" + TestData.DEMO_PASSWORD,
                "--linkpos.notifications.poll=50ms", "--logging.level.root=WARN",
                "--linkpos.rate-limit.payment-per-address.requests=100000", "--linkpos.rate-limit.payment-per-link.requests=100000",
                // [O2] each merchant key API_LIMIT calls an hour, on both instances together (no other test here
                // makes more than 21 calls with one key)
                "--linkpos.rate-limit.api.requests=" + API_LIMIT, "--linkpos.rate-limit.api.per=1h");
    }

    static final int API_LIMIT = 30;

    @BeforeAll
    void startBoth() throws Exception {
        database = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
        bank = startBank();
        first = start();
        second = start();
        jdbc = first.getBean(JdbcClient.class);
        bankBooks = bank.getBean(JdbcClient.class);
    }

    @AfterAll
    void stopBoth() throws Exception {
        second.close();
        first.close();
        bank.close();
        database.close();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void aPortalSessionSurvivesSwitchingInstance() {
        PortalSession onFirst = new PortalSession(port(first));
        onFirst.login("demo", TestData.DEMO_PASSWORD);
        String cookie = onFirst.cookie("SESSION");
        PortalSession onSecond = new PortalSession(port(second));
        onSecond.setCookie("SESSION", cookie);
        PortalSession.Page links = onSecond.get("/links");
        assertThat(links.status()).isEqualTo(200);
        assertThat(links.text()).contains("SIP-1001", "Demo Toptancı A.Ş.");
    }

    @Test
    void aSingleUseLinkPaidThroughBothIsPaidOnce() throws Exception {
        Api api = new Api(port(first));
        Api.Merchant merchant = api.newMerchant();
        var link = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"300.00\"}").json();
        String url = link.path("url").asString();
        String token = Api.tokenOf(url);
        int payers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(payers);
        CountDownLatch ready = new CountDownLatch(payers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Payer.Result>> results = new ArrayList<>();
        for (int i = 0; i < payers; i++) {
            int port = port(i % 2 == 0 ? first : second);
            results.add(pool.submit(() -> {
                Payer payer = new Payer(port);
                var acs = payer.followAll(payer.submit(payer.open(token), Payer.Card.of("4155650100416111"), null));
                var back = payer.answerChallenge(acs, Payer.OTP);
                ready.countDown();
                go.await();
                return Payer.result(payer.followAll(back));
            }));
        }
        assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        int approved = 0;
        for (Future<Payer.Result> result : results) {
            approved += result.get(60, TimeUnit.SECONDS).approved() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(approved).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM transactions WHERE link_id = ? AND status = 'APPROVED'")
                .param(link.path("id").asString()).query(Long.class).single()).isEqualTo(1);
        List<String> orders = jdbc.sql("SELECT gateway_order_id FROM payment_attempts WHERE link_id = ?")
                .param(link.path("id").asString()).query(String.class).list();
        assertThat(bankBooks.sql("SELECT count(*) FROM simulator_transactions WHERE txn_type = 'Auth' AND order_id IN (:orders)")
                .param("orders", orders).query(Long.class).single()).as("provisions the bank saw").isEqualTo(1);
    }

    @Test
    void threeDSecureStartsOnOneInstanceAndTheBanksAnswerReturnsToTheOther() {
        Api api = new Api(port(first));
        Api.Merchant merchant = api.newMerchant();
        String token = Api.tokenOf(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"42.00\"}").json().path("url").asString());
        Payer onFirst = new Payer(port(first));
        var acs = onFirst.followAll(onFirst.submit(onFirst.open(token), Payer.Card.of("5456160000000000"), null));
        Payer.AutoPost answer = Payer.autoPost(onFirst.answerChallenge(acs, Payer.OTP));
        assertThat(answer.action()).startsWith("http://localhost:" + port(first) + "/pay/" + token + "/3ds/");

        // the load balancer sends the bank's answer to the other instance: nothing of the payment lived in the first's memory
        Payer onSecond = new Payer(port(second));
        Payer.Result result = Payer.result(onSecond.followAll(onSecond.post(
                new Payer.AutoPost(answer.action().replace(":" + port(first) + "/", ":" + port(second) + "/"), answer.fields()))));
        assertThat(result.approved()).as(result.page().text()).isTrue();
        String hostReference = jdbc.sql("SELECT host_reference FROM transactions WHERE id = ?").param(result.transactionId())
                .query(String.class).single();
        assertThat(bankBooks.sql("SELECT count(*) FROM simulator_transactions WHERE txn_type = 'Auth' AND approved AND host_ref_num = ?")
                .param(hostReference).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * [O2] A limit holds across instances: calls with one key, alternated between the two instances and sent 10 at a
     * time, get exactly the limit through, not twice it; the rest are 429 with a Retry-After.
     */
    @Test
    void aRateLimitHoldsAcrossBothInstances() throws Exception {
        Api.Merchant merchant = new Api(port(first)).newMerchant();
        int extra = 12;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < API_LIMIT + extra; i++) {
            Api api = new Api(port(i % 2 == 0 ? first : second));
            calls.add(pool.submit(() -> api.get(merchant.key(), "/api/v1/links")));
        }
        int through = 0;
        int limited = 0;
        for (Future<Api.Response> call : calls) {
            Api.Response response = call.get(60, TimeUnit.SECONDS);
            if (response.status() == 200) {
                through++;
            } else {
                assertThat(response.status()).as(response.body()).isEqualTo(429);
                assertThat(Long.parseLong(response.headers().get("retry-after").get(0))).isPositive();
                limited++;
            }
        }
        pool.shutdown();
        assertThat(through).as("calls let through by both instances together").isEqualTo(API_LIMIT);
        assertThat(limited).isEqualTo(extra);
        assertThat(new Api(port(second)).get(new Api(port(first)).newMerchant().key(), "/api/v1/links").status())
                .as("each key has its own allowance").isEqualTo(200);
    }

    @Test
    void backgroundWorkIsDoneOnce() throws Exception {
        Api api = new Api(port(first));
        Api.Merchant merchant = api.newMerchant();
        for (int i = 0; i < 20; i++) {
            api.post(merchant.key(), "/api/v1/links", Api.json(Map.of("amount", "5.00", "notify",
                    Map.of("email", "musteri" + i + "@example.com"))));
        }
        Eventually.within(Duration.ofSeconds(20), () -> jdbc.sql(
                "SELECT count(*) FROM notifications WHERE merchant_id = ? AND status = 'SENT'").param(merchant.id())
                .query(Long.class).single() == 20, "all messages sent");
        assertThat(jdbc.sql("SELECT max(attempts) FROM notifications WHERE merchant_id = ?").param(merchant.id())
                .query(Integer.class).single()).as("no message sent twice").isEqualTo(1);

        // both instances' end-of-day jobs fire at the same minute: each batch is closed once
        String url = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"7.00\"}").json().path("url").asString();
        new Payer(port(second)).pay(Api.tokenOf(url), Payer.Card.of("4155650100416111"));
        var firstBatches = first.getBean(com.linkpos.transaction.Batches.class);
        var secondBatches = second.getBean(com.linkpos.transaction.Batches.class);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> a = pool.submit(() -> firstBatches.closeAll("schedule"));
        Future<Integer> b = pool.submit(() -> secondBatches.closeAll("schedule"));
        int closed = a.get(30, TimeUnit.SECONDS) + b.get(30, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(closed).isEqualTo(jdbc.sql("SELECT count(*) FROM batches WHERE closed_by = 'schedule'").query(Integer.class).single());
        assertThat(jdbc.sql("SELECT count(*) FROM batches WHERE closed_at IS NULL").query(Integer.class).single()).isZero();
        assertThat(bankBooks.sql("""
                        SELECT count(*) FROM simulator_transactions t JOIN simulator_batches b
                          ON b.gateway = t.gateway AND b.merchant_no = t.merchant_no AND b.batch_no = t.batch_no
                        WHERE b.closed_at IS NULL""").query(Integer.class).single()).as("the bank's batch closed with ours").isZero();
    }
}
