package com.linkpos.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A person using the portal over real HTTP: cookies kept, CSRF token taken from each page's form
 * as a browser would post it back, redirects visible to the test.
 */
public final class PortalSession {

    private final String baseUrl;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private String csrf;

    public PortalSession(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The value of a cookie this browser holds. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** Carries a cookie over from another browser (the same person on another instance). */
    public void setCookie(String name, String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    public record Page(int status, String location, Document document, String body) {
        public String text() {
            return document.text();
        }
    }

    public Page get(String path) {
        Page page = send(HttpRequest.newBuilder(uri(path)).GET());
        page.document().select("input[name=_csrf]").stream().findFirst().ifPresent(input -> csrf = input.val());
        return page;
    }

    /** Follows redirects like a browser, up to a few hops. */
    public Page open(String path) {
        Page page = get(path);
        for (int hops = 0; page.location() != null && hops < 5; hops++) {
            page = get(relative(page.location()));
        }
        return page;
    }

    /** A file as the browser downloads it: the raw bytes, not a parsed page (exports). */
    public record Download(int status, String contentType, String contentDisposition, byte[] body) {
    }

    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public Page post(String path, Map<String, String> form) {
        return postWithToken(path, form, csrf);
    }

    public Page postWithToken(String path, Map<String, String> form, String token) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (token != null) {
            fields.put("_csrf", token);
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A file sent by a form of enctype multipart/form-data, in the part {@code file}, with the page's CSRF token. */
    public Page upload(String path, String fileName, byte[] content) {
        String boundary = "----portal" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Page login(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    /** A new browser signed in as the merchant's first admin; the test fails if the login is refused. */
    public static PortalSession loggedIn(int port, Api.Merchant merchant) {
        return loggedIn(port, merchant.username(), merchant.password());
    }

    /** A new browser signed in as this user; the test fails if the login is refused. */
    public static PortalSession loggedIn(int port, String username, String password) {
        PortalSession session = new PortalSession(port);
        Page login = session.login(username, password);
        assertThat(login.status()).as("login of %s", username).isEqualTo(302);
        assertThat(login.location()).as("login of %s", username).doesNotContain("error");
        return session;
    }

    /** A path of this LinkPOS, or the absolute address of another server (a bank's page). */
    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    public String relative(String location) {
        return location.startsWith(baseUrl) ? location.substring(baseUrl.length()) : location;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    Jsoup.parse(response.body(), baseUrl), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
