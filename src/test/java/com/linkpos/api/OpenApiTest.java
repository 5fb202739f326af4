package com.linkpos.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The served OpenAPI description names exactly the API's endpoints, and no portal page. */
@LinkPosTest
class OpenApiTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theDescriptionMatchesTheEndpoints() {
        Set<String> served = new TreeSet<>();
        Api.Response docs = new Api(port).get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        paths.properties().forEach(path -> path.getValue().properties()
                .forEach(method -> served.add(method.getKey().toUpperCase() + " " + path.getKey())));

        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> endpoints.add(method.name() + " " + pattern))));

        assertThat(endpoints).contains("POST /api/v1/links", "GET /api/v1/transactions", "POST /api/v1/webhook-endpoints",
                "POST /api/v1/admin/merchants");
        assertThat(served).isEqualTo(endpoints);
        assertThat(docs.body()).as("the caller comes from the key, not from parameters").doesNotContain("\"caller\"");
        // the scheme is named for what it is: a bearer token (it was "apiKey"), required by every operation
        JsonNode schemes = docs.json().path("components").path("securitySchemes");
        assertThat(schemes.propertyNames()).containsExactly("bearerAuth");
        assertThat(schemes.path("bearerAuth").path("type").asString()).isEqualTo("http");
        assertThat(schemes.path("bearerAuth").path("scheme").asString()).isEqualTo("bearer");
        assertThat(docs.json().path("security").get(0).has("bearerAuth")).isTrue();
        assertThat(new Api(port).get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
    }

    /** What generated clients name and send: one meaningful name per operation, Idempotency-Key on each POST. */
    @Test
    void operationsAreNamedAndPostsTakeAnIdempotencyKey() {
        JsonNode docs = new Api(port).get(null, "/v3/api-docs").json();
        List<String> operationIds = new ArrayList<>();
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode operation = method.getValue();
            String name = method.getKey().toUpperCase() + " " + path.getKey();
            operationIds.add(operation.path("operationId").asString());
            assertThat(operation.path("description").asString()).as("description of %s", name).isNotBlank();
            assertThat(operation.path("tags").size()).as("tags of %s", name).isEqualTo(1);
            boolean idempotencyKey = operation.path("parameters").valueStream()
                    .anyMatch(parameter -> parameter.path("$ref").asString().equals("#/components/parameters/IdempotencyKey"));
            assertThat(idempotencyKey).as("Idempotency-Key on %s", name).isEqualTo(method.getKey().equals("post"));
            assertThat(operation.path("responses").properties().stream().filter(response -> response.getKey().startsWith("4"))
                    .map(response -> response.getValue().path("content").propertyNames()))
                    .as("problem answers of %s", name).isNotEmpty()
                    .allSatisfy(types -> assertThat(types).containsExactly("application/problem+json"));
        }));
        assertThat(operationIds).doesNotHaveDuplicates().contains("createLink", "listLinks", "getLink", "updateLink",
                "deleteLink", "listTransactions", "exportTransactions", "refundTransaction");
        assertThat(operationIds).noneMatch(id -> id.matches(".*_\\d+"));
        assertThat(docs.path("components").path("parameters").path("IdempotencyKey").path("in").asString()).isEqualTo("header");
    }

    /** Each PATCH takes every media type its description names: application/merge-patch+json and plain JSON. */
    @Test
    void patchesTakeTheMediaTypesTheyDescribe() throws Exception {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        String link = api.post(merchant.key(), "/api/v1/links", Api.json(Map.of("amount", "10.00"))).json().path("id")
                .asString();
        record Target(String key, String path, String property) {
        }
        Map<String, Target> targets = Map.of(
                "/api/v1/links/{id}", new Target(merchant.key(), "/api/v1/links/" + link, "description"),
                "/api/v1/admin/merchants/{id}", new Target(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(), "name"));
        JsonNode paths = api.get(null, "/v3/api-docs").json().path("paths");
        List<String> patched = new ArrayList<>();
        paths.properties().stream().filter(path -> path.getValue().has("patch")).forEach(path -> {
            Target target = targets.get(path.getKey());
            assertThat(target).as("a case for PATCH %s", path.getKey()).isNotNull();
            Collection<String> types = path.getValue().path("patch").path("requestBody").path("content").propertyNames();
            assertThat(types).containsExactlyInAnyOrder("application/merge-patch+json", "application/json");
            for (String type : types) {
                String value = "Patched as " + type;
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + target.path()))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(Api.json(Map.of(target.property(), value))))
                        .header("Authorization", "Bearer " + target.key()).header("Content-Type", type).build());
                assertThat(response.statusCode()).as("PATCH %s as %s: %s", path.getKey(), type, response.body()).isEqualTo(200);
                assertThat(response.body()).contains(value);
                patched.add(path.getKey());
            }
        });
        assertThat(patched).hasSize(4);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** With no public base URL configured, the served description names the address it was asked at. */
    @Test
    void theServerIsTheAddressAskedWhenNoBaseUrlIsConfigured() {
        JsonNode servers = new Api(port).get(null, "/v3/api-docs").json().path("servers");
        assertThat(servers.size()).isEqualTo(1);
        assertThat(servers.get(0).path("url").asString()).isEqualTo("http://localhost:" + port);
    }
}
