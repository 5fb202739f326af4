package com.linkpos.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * [O2] What a monitoring system reads, through HTTP and without a login: /actuator/prometheus counts a payment by
 * its outcome and times the bank's calls by operation, and shows the backlogs, exports, Hikari's pool and the JVM;
 * the probes answer {"status": "UP"}. The dashboard and the alert rules of docs/monitoring name only what is there.
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

    /** Series that Prometheus or the blackbox exporter make, not the application. */
    private static final Set<String> NOT_THE_APPLICATIONS = Set.of("up", "probe_success");
    /** A metric's name in a PromQL expression: LinkPOS's, Hikari's, the JVM's and Prometheus's own ones. */
    private static final Pattern METRIC = Pattern.compile("\\b(?:(?:linkpos|hikaricp|jvm|process|probe)_[a-z0-9_]+|up)\\b");

    private static Set<String> metricsIn(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            // label values ("…") and label matchers' names are no metric
            Matcher matcher = METRIC.matcher(expression.replaceAll("\"[^\"]*\"", "\"\""));
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMonitoringDocsNameOnlyWhatIsExposed() throws Exception {
        // a payment first: the gateway's timer has its first series then
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        new Payer(port).pay(Api.tokenOf(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"9.00\"}").json()
                .path("url").asString()), Payer.Card.of("4155650100416111"));
        Scrape scrape = scrape();

        Map<String, Object> alerts = new Yaml().load(Files.readString(Path.of("docs/monitoring/alerts.yml")));
        List<String> alertExpressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) alerts.get("groups")) {
            assertThat(group.get("name")).isNotNull();
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                assertThat(rule).as("an alert rule").containsKeys("alert", "expr", "labels", "annotations");
                assertThat((Map<String, Object>) rule.get("labels")).containsKey("severity");
                assertThat((Map<String, Object>) rule.get("annotations")).containsKey("summary");
                alertExpressions.add((String) rule.get("expr"));
            }
        }
        assertThat(alertExpressions).hasSizeGreaterThanOrEqualTo(5);

        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(Path.of("docs/monitoring/grafana-dashboard.json")));
        assertThat(dashboard.path("title").asString()).isEqualTo("LinkPOS");
        List<String> panelExpressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                panelExpressions.add(target.path("expr").asString());
            }
        }
        assertThat(panelExpressions).hasSizeGreaterThanOrEqualTo(8);

        for (List<String> expressions : List.of(alertExpressions, panelExpressions)) {
            Set<String> names = metricsIn(expressions);
            assertThat(names).contains("linkpos_payments_total", "linkpos_gateway_seconds_bucket");
            assertThat(names).allSatisfy(name -> assertThat(NOT_THE_APPLICATIONS.contains(name) || scrape.has(name))
                    .as(name + " is exposed at /actuator/prometheus").isTrue());
        }
    }
}
