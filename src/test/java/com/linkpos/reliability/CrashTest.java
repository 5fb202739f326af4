package com.linkpos.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.LinkPosApplication;
import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.Payer;
import com.linkpos.support.TestData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Faults: the application is killed (kill -9) while payers pay, and started again. Every payment a
 * payer saw approved is in the ledger exactly once; nothing stays claimed or half-authorized (an
 * approval nobody recorded is voided); queued messages still go out. Then the database restarts
 * under load, and the application recovers without a restart of its own.
 */
class CrashTest {

    @TempDir
    Path dataDir;

    private Process start(EmbeddedPostgres database, int port, boolean sending) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LinkPosApplication.class.getName(), "--server.port=" + port,
                "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
                "--linkpos.bootstrap.bank-api-key=" + TestData.BANK_KEY, "--linkpos.bootstrap.demo-data=false",
                "--linkpos.simulator.delay=100ms", "--linkpos.checkout.claim-ttl=3s", "--linkpos.checkout.stuck-after=2s",
                "--linkpos.checkout.recovery-poll=500ms", "--linkpos.notifications.poll=200ms",
                "--linkpos.notifications.sender-enabled=" + sending, "--logging.level.root=WARN",
                "--linkpos.rate-limit.payment-per-address.requests=100000000",
                "--linkpos.rate-limit.payment-per-link.requests=100000000")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("app-" + port + "-" + System.nanoTime() + ".log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        Eventually.within(Duration.ofSeconds(180), () -> { // a busy 2-core CI machine has taken over 90 s
            try {
                return http.send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("UP");
            } catch (Exception notYet) {
                return false;
            }
        }, "the application to start");
        return process;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aKilledApplicationLosesNoPaymentAndChargesNobodyTwice() throws Exception {
        int dbPort = freePort();
        File pgData = dataDir.resolve("pg").toFile();
        EmbeddedPostgres database = EmbeddedPostgres.builder().setPort(dbPort).setDataDirectory(pgData)
                .setCleanDataDirectory(false).setServerConfig("max_connections", "200").start();
        int port = freePort();
        Process app = start(database, port, false);
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        String multi = token(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"5.00\", \"usage\": \"MULTI\"}").json().path("url").asString());
        String single = token(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"9.00\"}").json().path("url").asString());
        for (int i = 0; i < 3; i++) {
            api.post(merchant.key(), "/api/v1/links", Api.json(Map.of("amount", "1.00", "notify", Map.of("email", "q" + i + "@example.com"))));
        }

        Set<String> seenApproved = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService payers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            String token = i == 0 ? single : multi;
            payers.submit(() -> {
                while (running.get()) {
                    try {
                        Payer.Result result = new Payer(port).pay(token, Payer.Card.of("4155650100416111"));
                        if (result.approved()) {
                            seenApproved.add(result.transactionId());
                        }
                    } catch (Throwable interrupted) {
                        // the application died under this payer: the payer saw no result
                    }
                }
            });
        }
        Thread.sleep(4000);
        app.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL, mid-payment
        running.set(false);
        payers.shutdown();
        payers.awaitTermination(60, TimeUnit.SECONDS);
        assertThat(seenApproved).as("payments went through before the kill").isNotEmpty();

        Process restarted = start(database, port, true);
        try {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(database.getJdbcUrl("postgres", "postgres"), "postgres", "", true));
            Eventually.within(Duration.ofSeconds(30), () -> jdbc.sql("SELECT count(*) FROM payment_attempts WHERE status = 'AUTHORIZING'")
                    .query(Long.class).single() == 0, "half-authorized attempts settled");
            for (String transaction : seenApproved) {
                assertThat(jdbc.sql("SELECT count(*) FROM transactions WHERE id = ? AND status = 'APPROVED' AND type = 'SALE'")
                        .param(transaction).query(Long.class).single()).as(transaction).isEqualTo(1);
            }
            assertThat(jdbc.sql("SELECT count(*) FROM transactions t JOIN payment_attempts p ON p.transaction_id = t.id "
                    + "WHERE p.status = 'APPROVED' GROUP BY p.id HAVING count(*) > 1").query(Long.class).list()).isEmpty();
            // every approval the bank gave is either in the ledger as a sale that counts, or voided
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM simulator_transactions a
                            WHERE a.txn_type = 'Auth' AND a.approved AND a.voided_at IS NULL AND NOT EXISTS (
                                SELECT 1 FROM transactions t WHERE t.host_reference = a.host_ref_num AND t.type = 'SALE'
                                  AND t.status = 'APPROVED' AND NOT t.voided)""").query(Long.class).single())
                    .as("no payer charged without a record").isZero();
            long paid = jdbc.sql("SELECT count(*) FROM transactions t JOIN links l ON l.id = t.link_id WHERE l.token = ? "
                    + "AND t.type = 'SALE' AND t.status = 'APPROVED' AND NOT t.voided").param(multi).query(Long.class).single();
            assertThat(jdbc.sql("SELECT payment_count FROM links WHERE token = ?").param(multi).query(Long.class).single())
                    .as("the link's count matches its ledger").isEqualTo(paid);
            Eventually.within(Duration.ofSeconds(10), () -> jdbc.sql("SELECT count(*) FROM links WHERE claimed_until > now()")
                    .query(Long.class).single() == 0, "no link left claimed");
            Eventually.within(Duration.ofSeconds(20), () -> jdbc.sql("SELECT count(*) FROM notifications WHERE status <> 'SENT'")
                    .query(Long.class).single() == 0, "queued messages sent after the restart");

            // the database restarts under load; the application carries on without a restart of its own
            database.close();
            database = EmbeddedPostgres.builder().setPort(dbPort).setDataDirectory(pgData).setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200").start();
            EmbeddedPostgres restartedDatabase = database;
            Eventually.within(Duration.ofSeconds(30), () -> {
                try {
                    return new Payer(port).pay(multi, Payer.Card.of("5456160000000000")).approved();
                } catch (Throwable stillDown) {
                    return false;
                }
            }, "a payment after the database restart");
            try (Connection connection = restartedDatabase.getPostgresDatabase().getConnection()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        } finally {
            restarted.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            database.close();
        }
    }

    private static String token(String url) {
        return Api.tokenOf(url);
    }
}
