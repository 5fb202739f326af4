package com.linkpos.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the REST API over real HTTP, as an integrator's program would be. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public record Response(int status, String body, String contentType, Map<String, List<String>> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }

        /** The codes of the field errors, "field:code". */
        public List<String> fieldErrors() {
            return json().path("errors").valueStream()
                    .map(e -> e.path("field").asString() + ":" + e.path("code").asString()).toList();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String key, String path, String... headers) {
        return send(key, "GET", path, null, headers);
    }

    public Response post(String key, String path, String json, String... headers) {
        return send(key, "POST", path, json, headers);
    }

    public Response patch(String key, String path, String json, String... headers) {
        return send(key, "PATCH", path, json, headers);
    }

    public Response delete(String key, String path, String... headers) {
        return send(key, "DELETE", path, null, headers);
    }

    public Response send(String key, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request, key, method + " " + path, headers);
    }

    /** Sends the request with the key and the extra headers (name, value, …); what is asked names a failure. */
    private static Response exchange(HttpRequest.Builder request, String key, String what, String... headers) {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers().map());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(what, e);
        }
    }

    /** A file posted as multipart/form-data in the part {@code file}, as a browser or curl -F sends it. */
    public Response upload(String key, String path, String fileName, byte[] content, String... headers) {
        String boundary = "----linkpos" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return exchange(request, key, "POST " + path, headers);
    }

    /** A file as downloaded: its bytes. */
    public byte[] download(String key, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + ": " + response.statusCode() + " " + new String(response.body(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("GET " + path, e);
        }
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** A new merchant through the bank API, with its admin user and a merchant API key. */
    public Merchant newMerchant(List<String> foreignCurrencies, int maxInstallments) {
        return newMerchant(null, foreignCurrencies, maxInstallments);
    }

    /** A merchant with a name people would give it (for screenshots); null for a test name. */
    public Merchant newMerchant(String name, List<String> foreignCurrencies, int maxInstallments) {
        String username = TestData.unique("admin");
        Response created = post(TestData.BANK_KEY, "/api/v1/admin/merchants", json(Map.of(
                "name", name != null ? name : "Test Merchant " + username, "email", "shop@example.com",
                "foreignCurrencies", foreignCurrencies, "maxInstallments", maxInstallments,
                "admin", Map.of("username", username, "password", "a-good-password-1"))));
        if (created.status() != 201) {
            throw new IllegalStateException("merchant not created: " + created);
        }
        String id = created.json().path("id").asString();
        Response key = post(TestData.BANK_KEY, "/api/v1/admin/merchants/" + id + "/api-keys", null);
        if (key.status() != 201) {
            throw new IllegalStateException("key not issued: " + key);
        }
        return new Merchant(id, key.json().path("key").asString(), username, "a-good-password-1");
    }

    /**
     * Moves the merchant to the simulated İşbank EST v3 terminal (the public test terminal's credentials); the bank's
     * answer, which the caller may check further.
     */
    public Response putOnEst(Merchant merchant) {
        Response set = patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(), json(Map.of("acquirer",
                Map.of("type", "EST", "preset", "SIMULATOR", "clientId", "700655000200", "username", "ISBANKAPI",
                        "password", "ISBANK07", "storeKey", "TRPS0200"))));
        if (set.status() != 200) {
            throw new IllegalStateException("not moved to EST: " + set);
        }
        return set;
    }

    /** A link as the API made it: its id, the token and URL of its payment page, its order number. */
    public record CreatedLink(String id, String token, String url, String orderNumber) {
    }

    /** A new link of the merchant from a create request's JSON; the test fails unless it is made. */
    public CreatedLink newLink(Merchant merchant, String json) {
        Response created = post(merchant.key(), "/api/v1/links", json);
        if (created.status() != 201) {
            throw new AssertionError("link not created: " + created);
        }
        String url = created.json().path("url").asString();
        return new CreatedLink(created.json().path("id").asString(), tokenOf(url), url,
                created.json().path("orderNumber").asString());
    }

    public CreatedLink newLink(Merchant merchant, Map<String, Object> fields) {
        return newLink(merchant, json(fields));
    }

    /** The token of a payment link: the last segment of its URL. */
    public static String tokenOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    public Merchant newMerchant() {
        return newMerchant(List.of("USD", "EUR"), 12);
    }

    public record Merchant(String id, String key, String username, String password) {
    }
}
