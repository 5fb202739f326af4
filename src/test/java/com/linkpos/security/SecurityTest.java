package com.linkpos.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** What a browser is told to protect, and what the server protects: headers, cookies, sessions, CSRF, passwords. */
@LinkPosTest
class SecurityTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        Api.Merchant merchant = new Api(port).newMerchant();
        String pay = newPaymentPage(merchant);
        for (String path : List.of("/login", "/links", pay, "/pay/unknown-token", "/acs/unknown", "/nothing-here")) {
            HttpResponse<String> response = send(get(path));
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(headers.firstValue("Permissions-Policy")).as(path).isPresent();
        }
        HttpResponse<String> apiResponse = send(get("/api/v1/links").header("Authorization", "Bearer " + merchant.key()));
        assertThat(apiResponse.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(apiResponse.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void theSessionIsNewAtLoginKeptInTheDatabaseAndItsCookieIsGuarded() throws Exception {
        HttpResponse<String> loginPage = send(get("/login"));
        String before = cookie(loginPage, "SESSION");
        String csrf = loginPage.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + before)
                .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=" + TestData.DEMO_PASSWORD + "&_csrf=" + csrf)));
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        String after = cookie(loggedIn, "SESSION");
        assertThat(after).as("a new session id at login (no fixation)").isNotEqualTo(before);
        String setCookie = loggedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'demo'").query(Long.class).single())
                .as("sessions live in the database").isPositive();
        // Secure behind a trusted TLS proxy, and only there: HardeningTest (a client's own X-Forwarded-Proto counts for nothing)
    }

    @Test
    void everyStateChangeOfThePortalNeedsTheCsrfToken() throws Exception {
        HttpResponse<String> loginPage = send(get("/login"));
        String session = cookie(loginPage, "SESSION");
        String csrf = loginPage.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=" + TestData.DEMO_PASSWORD + "&_csrf=" + csrf)));
        String loggedInSession = cookie(loggedIn, "SESSION");

        TreeSet<String> posts = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                info.getPatternValues().stream().filter(p -> !p.startsWith("/api/")).forEach(posts::add);
            }
        });
        posts.add("/login");
        posts.add("/logout");
        // The bank's 3-D Secure answer is a cross-site POST from the bank's page: no CSRF token can come with
        // it, and it is trusted by the gateway's signature instead (PaymentFlowTest tampers with it).
        assertThat(posts.remove("/pay/{token}/3ds/{attemptId}")).isTrue();
        // The simulated bank is another site: merchants' pages and servers post to it, as to a real bank.
        posts.removeIf(path -> path.startsWith("/simulator/"));
        HttpResponse<String> bankAnswer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/pay/x/3ds/x"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("mdStatus=1")));
        assertThat(bankAnswer.statusCode()).as("not refused for a missing token, unknown instead").isEqualTo(404);
        assertThat(posts).contains("/links", "/reversals/{id}/refund", "/webhooks", "/users", "/api-keys");
        for (String pattern : posts) {
            String path = pattern.replaceAll("\\{[^}]+}", "x");
            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + loggedInSession)
                    .POST(HttpRequest.BodyPublishers.ofString("amount=1")));
            assertThat(refused.statusCode()).as("POST %s without a CSRF token", path).isEqualTo(403);
        }
    }

    @Test
    void thePayersPagesKeepNoSessionAndCarryTheirCsrfTokenInACookie() throws Exception {
        String pay = newPaymentPage(new Api(port).newMerchant());
        long sessionsBefore = jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();

        HttpResponse<String> page = send(get(pay));

        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
        String setCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("LINKPOS-CSRF="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax");
        String cookieToken = cookie(page, "LINKPOS-CSRF");
        String formToken = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String nonce = page.body().replaceAll("(?s).*name=\"nonce\" value=\"([^\"]+)\".*", "$1");
        String card = "cardHolder=Ayse+Yilmaz&cardNumber=4155650100416111&expiry=12%2F30&cvv=123&nonce=" + nonce;

        // the form's token without its cookie (a forged cross-site post) is refused, and nothing is started
        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pay))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(card + "&_csrf=" + formToken)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM payment_attempts WHERE nonce = :nonce").param("nonce", nonce)
                .query(Long.class).single()).isZero();

        HttpResponse<String> submitted = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pay))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "LINKPOS-CSRF=" + cookieToken)
                .POST(HttpRequest.BodyPublishers.ofString(card + "&_csrf=" + formToken)));
        // on to the bank: a self-posting form to the gateway's 3-D page, never kept by the browser's cache
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).contains("/simulator/payfor/Gateway/Default.aspx");
        assertThat(submitted.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(submitted.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single()).isEqualTo(sessionsBefore);
    }

    @Test
    void guessablePasswordsAreRefused() {
        Api api = new Api(port);
        for (String password : List.of("short", "password123456", "aaaaaaaaaaaa", "1234567890ab")) {
            Api.Response refused = api.post(TestData.BANK_KEY, "/api/v1/admin/merchants", Api.json(Map.of("name", "Weak",
                    "admin", Map.of("username", TestData.unique("weak"), "password", password))));
            assertThat(refused.fieldErrors()).as(password).contains("admin.password:weak_password");
        }
        String username = TestData.unique("sahip");
        Api.Response withName = api.post(TestData.BANK_KEY, "/api/v1/admin/merchants", Api.json(Map.of("name", "Weak",
                "admin", Map.of("username", username, "password", "x" + username + "!9"))));
        assertThat(withName.fieldErrors()).contains("admin.password:weak_password");
    }

    /** The path of a new link's payment page. */
    private String newPaymentPage(Api.Merchant merchant) {
        String url = new Api(port).post(merchant.key(), "/api/v1/links", "{\"amount\": \"1.00\"}").json().path("url").asString();
        return URI.create(url).getPath();
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
    }
}
