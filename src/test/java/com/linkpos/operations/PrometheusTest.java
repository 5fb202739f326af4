package com.linkpos.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * [O2] What a monitoring system reads, through HTTP and without a login: /actuator/prometheus counts a payment by
 * its outcome and times the bank's calls by operation, and shows the backlogs, exports, Hikari's pool and the JVM;
 * the probes answer {"status": "UP"}.
 */
@LinkPosTest
class PrometheusTest {

    @LocalServerPort
    int port;

    private Scrape scrape() {
        Api.Response response = new Api(port).get(null, "/actuator/prometheus");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        return Scrape.of(response.body());
    }

    private static double payments(Scrape scrape, String outcome) {
        return scrape.value("linkpos_payments_total", "outcome", outcome, "gateway", "PAYFOR").orElseThrow();
    }

    @Test
    void aPaymentIsCountedByItsOutcome() {
        Scrape before = scrape();
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        String approved = Api.tokenOf(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"12.50\"}").json()
                .path("url").asString());
        String declined = Api.tokenOf(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"13.50\"}").json()
                .path("url").asString());
        assertThat(new Payer(port).pay(approved, Payer.Card.of("4155650100416111")).approved()).isTrue();
        assertThat(new Payer(port).pay(declined, Payer.Card.of("4000000000000002")).approved()).isFalse();

        Scrape after = scrape();
        assertThat(payments(after, "approved")).isEqualTo(payments(before, "approved") + 1);
        assertThat(payments(after, "declined")).isEqualTo(payments(before, "declined") + 1);
        assertThat(after.value("linkpos_gateway_seconds_count", "gateway", "PAYFOR", "operation", "provision",
                "exception", "none")).as("the provisions timed").hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(2));
        assertThat(after.named("linkpos_gateway_seconds_bucket")).as("buckets for a p95")
                .anySatisfy(bucket -> assertThat(bucket.labels()).containsEntry("operation", "provision").containsKey("le"));
    }

    @Test
    void bothOutcomesAreThereFromTheStart() {
        // a fresh context's counters may have moved already (other tests pay): what matters is that both series exist
        Scrape scrape = scrape();
        assertThat(scrape.value("linkpos_payments_total", "outcome", "approved", "gateway", "EST")).isPresent();
        assertThat(scrape.value("linkpos_payments_total", "outcome", "declined", "gateway", "EST")).isPresent();
    }

    @Test
    void backlogsExportsPoolAndJvmAreShown() {
        Scrape scrape = scrape();
        for (String queue : new String[] {"outbox", "webhooks"}) {
            assertThat(scrape.value("linkpos_" + queue + "_pending")).as(queue).hasValueSatisfying(v -> assertThat(v).isNotNaN().isNotNegative());
            assertThat(scrape.value("linkpos_" + queue + "_oldest_age_seconds")).as(queue)
                    .hasValueSatisfying(v -> assertThat(v).isNotNaN().isNotNegative());
            assertThat(scrape.value("linkpos_" + queue + "_lag_seconds")).as(queue)
                    .hasValueSatisfying(v -> assertThat(v).isNotNaN().isNotNegative());
        }
        assertThat(scrape.value("linkpos_exports_running")).hasValue(0d);
        assertThat(scrape.has("hikaricp_connections_active")).isTrue();
        assertThat(scrape.has("hikaricp_connections_pending")).isTrue();
        assertThat(scrape.has("jvm_memory_used_bytes")).isTrue();
    }

    @Test
    void theProbesAnswerUp() {
        Api api = new Api(port);
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            Api.Response response = api.get(null, probe);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.json().path("status").asString()).as(probe).isEqualTo("UP");
        }
    }
}
