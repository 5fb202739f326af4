package com.linkpos.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.LinkPosApplication;
import com.linkpos.support.Api;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile input, generated (jqwik): random strings, unicode, control characters, huge numbers, SQL
 * and HTML injection, in every field of the API and the payment form. Never a 500, never a stack
 * trace, and a refused request changes no row.
 */
class HostileInputProperties {

    static ConfigurableApplicationContext app;
    static Api api;
    static Api.Merchant merchant;
    static String token;
    static JdbcClient jdbc;
    static int port;

    @BeforeContainer
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("linkpos-fuzz");
        app = new SpringApplicationBuilder(LinkPosApplication.class).run("--server.port=0",
                "--linkpos.embedded-postgres.data-dir=" + dir, "--linkpos.embedded-postgres.clean=true",
                "--linkpos.bootstrap.bank-api-key=" + TestData.BANK_KEY, "--linkpos.bootstrap.demo-data=false",
                "--linkpos.rate-limit.api.requests=100000000", "--linkpos.rate-limit.payment-per-address.requests=100000000",
                "--linkpos.rate-limit.payment-per-link.requests=100000000", "--logging.level.root=WARN");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        api = new Api(port);
        merchant = api.newMerchant(java.util.List.of("USD"), 12);
        String url = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\", \"usage\": \"MULTI\", \"payerNoteEnabled\": true}")
                .json().path("url").asString();
        token = Api.tokenOf(url);
        jdbc = app.getBean(JdbcClient.class);
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    @Provide
    Arbitrary<String> nasty() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(10),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("' OR 1=1 --", "'; DROP TABLE links; --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                        "1e309", "-0", "NaN", "99999999999999999999999999999999.99", "0.000000001", "١٢٣", "１２３", "İıŞşĞğ",
                        "\uD83D\uDE00", "%00", "\\u0000", "${jndi:ldap://x}", "../../etc/passwd", "null", "true", "[]", "{}"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40));
    }

    @Provide
    Arbitrary<Object> anyJsonValue() {
        return Arbitraries.oneOf(nasty().map(s -> (Object) s), Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(Map.of("x", 1)), Arbitraries.just(java.util.List.of(1, "a")));
    }

    @Provide
    Arbitrary<Map<String, Object>> linkBodies() {
        Arbitrary<Object> value = anyJsonValue();
        return Combinators.combine(value, value, value, value, value, value, value, value).as((amount, currency, installments,
                usage, description, orderNumber, validUntil, notify) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("amount", amount);
            body.put("currency", currency);
            body.put("installments", installments);
            body.put("usage", usage);
            body.put("description", description);
            body.put("orderNumber", orderNumber);
            body.put("validUntil", validUntil);
            body.put("notify", notify instanceof String text ? Map.of("sms", text, "email", text) : notify);
            return body;
        });
    }

    private static long links() {
        return jdbc.sql("SELECT count(*) FROM links").query(Long.class).single();
    }

    private static void assertNoLeak(int status, String body) {
        assertThat(status).as(body).isLessThan(500);
        assertThat(body).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("at org.")
                .doesNotContain("SQLState");
    }

    @Property(tries = 150)
    void linkCreationNeverFailsBadly(@ForAll("linkBodies") Map<String, Object> body) {
        long before = links();
        Api.Response response = api.post(merchant.key(), "/api/v1/links", Api.json(body));
        assertNoLeak(response.status(), response.body());
        if (response.status() != 201) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(links()).as("a refused request changes nothing").isEqualTo(before);
        }
    }

    @Property(tries = 100)
    void rawBodiesAreRefusedCleanly(@ForAll("nasty") String raw) {
        long before = links();
        Api.Response response = api.post(merchant.key(), "/api/v1/links", raw);
        assertNoLeak(response.status(), response.body());
        if (response.status() != 201) {
            assertThat(links()).isEqualTo(before);
        }
    }

    @Property(tries = 100)
    void searchCriteriaNeverFailBadly(@ForAll("nasty") String value, @ForAll("nasty") String other) {
        String query = "?status=" + enc(value) + "&minAmount=" + enc(other) + "&from=" + enc(value) + "&cardLast4=" + enc(other)
                + "&cursor=" + enc(value) + "&orderNumber=" + enc(other);
        Api.Response response = api.get(merchant.key(), "/api/v1/transactions" + query);
        assertNoLeak(response.status(), response.body());
    }

    @Property(tries = 80)
    void thePaymentFormNeverFailsBadly(@ForAll("nasty") String holder, @ForAll("nasty") String number,
                                       @ForAll("nasty") String expiry, @ForAll("nasty") String cvv, @ForAll("nasty") String note) {
        long attempts = jdbc.sql("SELECT count(*) FROM payment_attempts").query(Long.class).single();
        Payer payer = new Payer(port);
        Page page = payer.submit(payer.open(token), new Payer.Card(number, expiry, cvv, holder), note);
        assertNoLeak(page.status(), page.body());
        if (page.status() == 422) {
            assertThat(jdbc.sql("SELECT count(*) FROM payment_attempts").query(Long.class).single()).isEqualTo(attempts);
            assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
