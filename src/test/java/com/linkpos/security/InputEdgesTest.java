package com.linkpos.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Input at the edges of what parsers agree on: each is refused plainly and changes nothing, or means what it says. */
@LinkPosTest
class InputEdgesTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    Api api;
    Api.Merchant merchant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant();
    }

    private int linksWithOrderNumber(String orderNumber) {
        return api.get(merchant.key(), "/api/v1/links?orderNumber=" + orderNumber).json().path("data").size();
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        String order = TestData.unique("DUP").replace('-', '_');
        Api.Response twice = api.post(merchant.key(), "/api/v1/links",
                "{\"orderNumber\": \"" + order + "\", \"amount\": \"10\", \"amount\": \"20\"}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.code()).isEqualTo("validation_failed");
        assertThat(twice.fieldErrors()).containsExactly("amount:duplicate_field");
        assertThat(twice.json().path("errors").get(0).path("message").asString()).contains("birden fazla");
        assertThat(linksWithOrderNumber(order)).isZero();

        String id = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\"}").json().path("id").asString();
        Api.Response patch = api.patch(merchant.key(), "/api/v1/links/" + id,
                "{\"notify\": {\"email\": \"a@example.com\", \"email\": \"b@example.com\"}}");
        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.fieldErrors()).hasSize(1).allMatch(error -> error.endsWith("email:duplicate_field"));
    }

    @Test
    void invisibleFormatCharactersAreRefusedInFreeText() {
        for (String hidden : List.of("\u202E", "\u200B", "\u200D", "\u2060", "\uFEFF", "\u2066", "\u2028")) {
            Api.Response answer = api.post(merchant.key(), "/api/v1/links",
                    Api.json(Map.of("amount", "10.00", "description", "Fatura" + hidden + "gpj.exe")));
            assertThat(answer.status()).as("U+%04X", (int) hidden.charAt(0)).isEqualTo(422);
            assertThat(answer.fieldErrors()).containsExactly("description:invalid_characters");
        }
        Api.Response name = api.post(TestData.BANK_KEY, "/api/v1/admin/merchants", Api.json(Map.of("name", "Demo\u200BShop",
                "admin", Map.of("username", TestData.unique("u"), "password", "a-good-password-1"))));
        assertThat(name.fieldErrors()).contains("name:invalid_characters");

        String url = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\", \"payerNoteEnabled\": true}")
                .json().path("url").asString();
        Payer payer = new Payer(port);
        Page refused = payer.submit(payer.open(Api.tokenOf(url)), Payer.Card.of("4155650100416111"), "abc\u202Edef");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#payerNote-error").text()).isNotBlank();
        assertThat(refused.location()).as("nothing sent to the bank").isNull();
    }

    @Test
    void aNumberTooLargeForItsFieldIsNamed() {
        Api.Response created = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10\", \"installments\": 2147483648}");
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.code()).isEqualTo("validation_failed");
        assertThat(created.fieldErrors()).containsExactly("installments:number_out_of_range");

        String id = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\"}").json().path("id").asString();
        Api.Response patched = api.patch(merchant.key(), "/api/v1/links/" + id, "{\"installments\": 99999999999}");
        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.fieldErrors()).containsExactly("installments:number_out_of_range");
    }

    @Test
    void aPaidLinksCurrencyIsNamedWhenItCannotChange() {
        Api.Response created = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\", \"usage\": \"MULTI\"}");
        new Payer(port).pay(Api.tokenOf(created.json().path("url").asString()), "4155650100416111", null, true);
        Api.Response patched = api.patch(merchant.key(), "/api/v1/links/" + created.json().path("id").asString(),
                "{\"currency\": \"USD\"}");
        assertThat(patched.status()).isEqualTo(409);
        assertThat(patched.code()).isEqualTo("link_frozen_after_payment");
        assertThat(patched.fieldErrors()).containsExactly("currency:link_frozen_after_payment");
    }

    @Test
    void aMissingOrWrongKeyIsAnsweredWithTheBearerChallenge() {
        Api.Response none = api.get(null, "/api/v1/links");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers().get("www-authenticate")).containsExactly("Bearer");
        Api.Response wrong = api.get("not-a-key", "/api/v1/links");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.headers().get("www-authenticate")).containsExactly("Bearer error=\"invalid_token\"");
        assertThat(wrong.code()).isEqualTo("unauthorized");
    }

    @Test
    void aNulInThePathGetsAProblemOrAPlainPageNeverTomcats() throws Exception {
        HttpResponse<String> api = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/links/%00"))
                .header("Authorization", "Bearer " + merchant.key()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.parse(api.body()).path("code").asString()).isEqualTo("validation_failed");
        assertThat(api.body()).doesNotContain("Tomcat");

        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/links/%00"))
                .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("The request could not be understood").doesNotContain("Tomcat").doesNotContain("Exception");
    }

    @Test
    void anIdempotentReplayComparesWhatTheRequestMeans() {
        String key = TestData.unique("idem");
        String order = TestData.unique("IDEM").replace('-', '_');
        Api.Response first = api.post(merchant.key(), "/api/v1/links",
                "{\"orderNumber\":\"" + order + "\",\"amount\":\"10.00\",\"notify\":{\"email\":\"a@example.com\"}}",
                "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        Api.Response same = api.post(merchant.key(), "/api/v1/links",
                "{ \"notify\" : { \"email\" : \"a@example.com\" },\n  \"amount\" : \"10.00\", \"orderNumber\" : \"" + order + "\" }",
                "Idempotency-Key", key);
        assertThat(same.status()).isEqualTo(201);
        assertThat(same.headers().get("idempotent-replayed")).containsExactly("true");
        assertThat(same.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        Api.Response other = api.post(merchant.key(), "/api/v1/links",
                "{\"orderNumber\":\"" + order + "\",\"amount\":\"10.01\",\"notify\":{\"email\":\"a@example.com\"}}",
                "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency_key_reused");
        assertThat(linksWithOrderNumber(order)).isEqualTo(1);
    }
}
