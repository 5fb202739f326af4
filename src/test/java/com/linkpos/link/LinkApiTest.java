package com.linkpos.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Api.Merchant;
import com.linkpos.support.Api.Response;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The links API of API.md through real HTTP: every rule [L1]-[L11], [M1], [M3]-[M5]. */
@LinkPosTest
class LinkApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Merchant merchant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant(List.of("USD", "JPY"), 6);
    }

    private Response create(Map<String, ?> body) {
        return api.post(merchant.key(), "/api/v1/links", Api.json(body));
    }

    private JsonNode created(Map<String, ?> body) {
        Response response = create(body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private long linkCount() {
        return jdbc.sql("SELECT count(*) FROM links WHERE merchant_id = ?").param(merchant.id()).query(Long.class).single();
    }

    private void assertRefused(Response response, int status, String code, String fieldError) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
        if (fieldError != null) {
            assertThat(response.fieldErrors()).as(response.toString()).contains(fieldError);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void onlyTheAmountIsRequiredAndTheRestHasTheGuidesDefaults() {
        Instant before = Instant.now();
        JsonNode link = created(body("amount", "1250.50"));

        assertThat(link.path("id").asString()).matches("lnk_[0-9A-Z]{26}");
        assertThat(link.path("amount").asString()).isEqualTo("1250.50");
        assertThat(link.path("currency").asString()).isEqualTo("TRY");
        assertThat(link.path("installments").asInt()).isEqualTo(1);
        assertThat(link.path("usage").asString()).isEqualTo("SINGLE");
        assertThat(link.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(link.path("paymentCount").asInt()).isZero();
        assertThat(link.path("collectedAmount").asString()).isEqualTo("0.00");
        assertThat(link.path("payerNoteEnabled").asBoolean()).isFalse();
        // [L1] a blank order number gets a generated one
        assertThat(link.path("orderNumber").asString()).matches("LP-[0-9A-Z]{10}");
        // [L5][L6] both blank: valid from now for 24 hours
        Instant from = Instant.parse(link.path("validFrom").asString());
        Instant until = Instant.parse(link.path("validUntil").asString());
        assertThat(from).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(Duration.between(from, until)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theUrlCarriesAnUnguessableTokenNotAnId() {
        JsonNode first = created(body("amount", "10"));
        JsonNode second = created(body("amount", "10"));
        String url = first.path("url").asString();
        assertThat(url).startsWith(api.baseUrl() + "/pay/");
        String token = Api.tokenOf(url);
        // [L11] at least 128 random bits: 32 bytes, base64url
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(token).doesNotContain(first.path("id").asString());
        assertThat(second.path("url").asString()).isNotEqualTo(url);
    }

    @Test
    void everyFieldOfTheGuideIsKept() {
        Instant from = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant until = from.plus(Duration.ofDays(3));
        String order = TestData.unique("SIP");
        JsonNode link = created(body("orderNumber", order, "amount", "18900.00", "currency", "TRY",
                "installments", 6, "validFrom", from.toString(), "validUntil", until.atOffset(java.time.ZoneOffset.ofHours(3)).toString(),
                "usage", "MULTI", "description", "Kasım faturası — İşçi ğüşöç", "payerNoteEnabled", true,
                "notify", Map.of("sms", "+90 532 123 45 67", "email", "musteri@example.com")));

        assertThat(link.path("orderNumber").asString()).isEqualTo(order);
        assertThat(link.path("installments").asInt()).isEqualTo(6);
        assertThat(Instant.parse(link.path("validFrom").asString())).isEqualTo(from);
        assertThat(Instant.parse(link.path("validUntil").asString())).isEqualTo(until);
        assertThat(link.path("usage").asString()).isEqualTo("MULTI");
        assertThat(link.path("description").asString()).isEqualTo("Kasım faturası — İşçi ğüşöç");
        assertThat(link.path("payerNoteEnabled").asBoolean()).isTrue();
        assertThat(link.path("status").asString()).isEqualTo("SCHEDULED");
        // [L7] stored for the bank to send: the number in E.164, the address as given
        Map<String, Object> row = jdbc.sql("SELECT notify_sms, notify_email FROM links WHERE id = ?")
                .param(link.path("id").asString()).query().singleRow();
        assertThat(row).containsEntry("notify_sms", "+905321234567").containsEntry("notify_email", "musteri@example.com");
        // and the GET gives back the same object
        Response fetched = api.get(merchant.key(), "/api/v1/links/" + link.path("id").asString());
        assertThat(fetched.json()).isEqualTo(link);
    }

    @Test
    void anOrderNumberIsTheMerchantsForeverEvenAfterDeletion() {
        String order = TestData.unique("ORD");
        JsonNode link = created(body("orderNumber", order, "amount", "5"));
        assertRefused(create(body("orderNumber", order, "amount", "6")), 422, "order_number_taken", "orderNumber:order_number_taken");

        api.delete(merchant.key(), "/api/v1/links/" + link.path("id").asString());
        assertRefused(create(body("orderNumber", order, "amount", "6")), 422, "order_number_taken", "orderNumber:order_number_taken");

        // another merchant has its own numbers
        Merchant other = api.newMerchant();
        assertThat(api.post(other.key(), "/api/v1/links", Api.json(body("orderNumber", order, "amount", "6"))).status()).isEqualTo(201);
    }

    @Test
    void orderNumbersAreOneToSixtyFourSafeCharacters() {
        long before = linkCount();
        assertRefused(create(body("orderNumber", "SİP 1", "amount", "5")), 422, "validation_failed", "orderNumber:invalid_order_number");
        assertRefused(create(body("orderNumber", "x".repeat(65), "amount", "5")), 422, "validation_failed", "orderNumber:invalid_order_number");
        assertRefused(create(body("orderNumber", "a%b", "amount", "5")), 422, "validation_failed", "orderNumber:invalid_order_number");
        assertThat(create(body("orderNumber", TestData.unique("A_b-9").substring(0, 20), "amount", "5")).status()).isEqualTo(201);
        assertThat(linkCount()).isEqualTo(before + 1);
    }

    @Test
    void foreignCurrenciesNeedTheBanksPermission() {
        assertRefused(create(body("amount", "5", "currency", "EUR")), 422, "currency_not_permitted", "currency:currency_not_permitted");
        Response english = api.post(merchant.key(), "/api/v1/links", Api.json(body("amount", "5", "currency", "GBP")),
                "Accept-Language", "en");
        assertThat(english.json().path("detail").asString()).contains("contact your branch");
        Response turkish = create(body("amount", "5", "currency", "GBP"));
        assertThat(turkish.json().path("detail").asString()).contains("şubenizle iletişime geçiniz");

        assertThat(created(body("amount", "480.00", "currency", "USD")).path("currency").asString()).isEqualTo("USD");
        assertRefused(create(body("amount", "5", "currency", "XYZ")), 422, "validation_failed", "currency:unknown_currency");
    }

    @Test
    void amountsArePositiveWithTheCurrencysDigitsAndAsLargeAsStorageHolds() {
        long before = linkCount();
        assertRefused(create(body("amount", "0")), 422, "validation_failed", "amount:amount_not_positive");
        assertRefused(create(body("amount", "-10.00")), 422, "validation_failed", "amount:amount_not_positive");
        assertRefused(create(body("amount", "10.001")), 422, "validation_failed", "amount:amount_too_precise");
        assertRefused(create(body("amount", "10.5", "currency", "JPY")), 422, "validation_failed", "amount:amount_too_precise");
        assertRefused(create(body("amount", "ten")), 422, "validation_failed", "amount:invalid_amount");
        assertRefused(create(body("currency", "TRY")), 422, "validation_failed", "amount:required");
        assertRefused(create(body("amount", "92233720368547758.08")), 422, "amount_too_large", "amount:amount_too_large");
        assertRefused(create(body("amount", "1" + "0".repeat(30))), 422, "amount_too_large", "amount:amount_too_large");
        assertThat(linkCount()).isEqualTo(before);

        // [L3] no business limit: the largest stored value works end to end
        JsonNode largest = created(body("amount", "92233720368547758.07"));
        assertThat(api.get(merchant.key(), "/api/v1/links/" + largest.path("id").asString()).json().path("amount").asString())
                .isEqualTo("92233720368547758.07");
        assertThat(created(body("amount", "1500", "currency", "JPY")).path("amount").asString()).isEqualTo("1500");
    }

    @Test
    void installmentsOnlyInLiraAndUpToTheMerchantsMaximum() {
        long before = linkCount();
        assertRefused(create(body("amount", "100", "installments", 7)), 422, "installments_not_permitted",
                "installments:installments_not_permitted");
        assertRefused(create(body("amount", "100", "installments", 13)), 422, "validation_failed",
                "installments:installments_out_of_range");
        assertRefused(create(body("amount", "100", "installments", 0)), 422, "validation_failed",
                "installments:installments_out_of_range");
        assertRefused(create(body("amount", "100", "currency", "USD", "installments", 2)), 422, "installments_only_try",
                "installments:installments_only_try");
        assertThat(linkCount()).isEqualTo(before);
        assertThat(created(body("amount", "100", "installments", 6)).path("installments").asInt()).isEqualTo(6);
    }

    @Test
    void validityPeriodRules() {
        Instant now = Instant.now();
        // only start: start + 24 h
        Instant start = now.plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonNode startOnly = created(body("amount", "1", "validFrom", start.toString()));
        assertThat(Instant.parse(startOnly.path("validUntil").asString())).isEqualTo(start.plus(Duration.ofHours(24)));
        // only end: from now
        Instant end = now.plus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonNode endOnly = created(body("amount", "1", "validUntil", end.toString()));
        assertThat(Instant.parse(endOnly.path("validFrom").asString())).isBetween(now.minusSeconds(1), Instant.now());
        assertThat(endOnly.path("status").asString()).isEqualTo("ACTIVE");

        long before = linkCount();
        assertRefused(create(body("amount", "1", "validFrom", start.toString(), "validUntil", start.minusSeconds(60).toString())),
                422, "invalid_validity_period", "validUntil:invalid_validity_period");
        assertRefused(create(body("amount", "1", "validFrom", now.minus(Duration.ofDays(2)).toString(),
                "validUntil", now.minus(Duration.ofDays(1)).toString())), 422, "invalid_validity_period", null);
        assertRefused(create(body("amount", "1", "validUntil", now.plus(Duration.ofDays(181)).toString())),
                422, "invalid_validity_period", null);
        assertRefused(create(body("amount", "1", "validUntil", "tomorrow")), 400, "validation_failed", "validUntil:invalid_type");
        assertThat(linkCount()).isEqualTo(before);
    }

    @Test
    void smsOnlyToTurkishMobilesAndValidEmailAddresses() {
        long before = linkCount();
        Response foreign = create(body("amount", "1", "notify", Map.of("sms", "+49 151 12345678")));
        assertRefused(foreign, 422, "sms_number_not_turkish_mobile", "notify.sms:sms_number_not_turkish_mobile");
        assertThat(foreign.json().path("detail").asString()).contains("kopyalayıp");
        assertRefused(create(body("amount", "1", "notify", Map.of("sms", "0212 123 45 67"))), 422,
                "sms_number_not_turkish_mobile", null);
        assertRefused(create(body("amount", "1", "notify", Map.of("email", "not-an-address"))), 422,
                "validation_failed", "notify.email:invalid_email");
        assertRefused(create(body("amount", "1", "notify", Map.of("email", "a@example.com\r\nBcc: victim@example.com"))),
                422, "validation_failed", "notify.email:invalid_email");
        assertThat(linkCount()).isEqualTo(before);
        for (String written : List.of("05321234567", "5321234567", "+90 532 123 45 67")) {
            String id = created(body("amount", "1", "notify", Map.of("sms", written))).path("id").asString();
            assertThat(jdbc.sql("SELECT notify_sms FROM links WHERE id = ?").param(id).query(String.class).single())
                    .isEqualTo("+905321234567");
        }
    }

    @Test
    void descriptionIsAtMostFiveHundredCharacters() {
        assertThat(created(body("amount", "1", "description", "ş".repeat(500))).path("description").asString()).hasSize(500);
        long before = linkCount();
        assertRefused(create(body("amount", "1", "description", "ş".repeat(501))), 422, "validation_failed",
                "description:too_long");
        assertRefused(create(body("amount", "1", "description", "x".repeat(10 * 1024))), 422, "validation_failed",
                "description:too_long");
        assertRefused(create(body("amount", "1", "description", "nul\u0000byte")), 422, "validation_failed",
                "description:invalid_characters");
        assertRefused(create(body("amount", "1", "usage", "TWICE")), 422, "validation_failed", "usage:invalid_usage");
        assertThat(linkCount()).isEqualTo(before);
    }

    @Test
    void malformedRequestsGetAProblemAndChangeNothing() {
        long before = linkCount();
        assertRefused(api.post(merchant.key(), "/api/v1/links", "{\"amount\": "), 400, "validation_failed", "body:malformed_json");
        assertRefused(api.post(merchant.key(), "/api/v1/links", "[1,2]"), 400, "validation_failed", null);
        assertRefused(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"5\", \"installments\": \"three\"}"),
                400, "validation_failed", "installments:invalid_type");
        assertRefused(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"5\", \"notify\": \"0532\"}"),
                400, "validation_failed", "notify:invalid_type");
        assertRefused(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"5\", \"payerNoteEnabled\": {}}"),
                400, "validation_failed", "payerNoteEnabled:invalid_type");
        Response huge = create(body("amount", "1", "description", "x".repeat(100 * 1024)));
        assertRefused(huge, 413, "payload_too_large", null);
        Response text = api.send(merchant.key(), "POST", "/api/v1/links", null, "Content-Type", "text/plain");
        assertThat(text.status()).isIn(400, 415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(linkCount()).isEqualTo(before);
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedNotGuessed() {
        long before = linkCount();
        assertRefused(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"5\", \"installments\": 2.7}"),
                400, "validation_failed", "installments:invalid_type");
        assertRefused(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"5\", \"installments\": \"3\"}"),
                400, "validation_failed", "installments:invalid_type");
        assertRefused(api.post(merchant.key(), "/api/v1/links", "{\"amount\": 5}"), 400, "validation_failed", "amount:invalid_type");
        assertRefused(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"5\", \"instalments\": 6}"),
                400, "validation_failed", "instalments:unknown_field");
        assertRefused(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"5\"} {}"), 400, "validation_failed", null);
        assertRefused(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"5\", \"orderNumber\": \"a\\u0000b\"}"),
                422, "validation_failed", "orderNumber:invalid_order_number");
        assertRefused(api.get(merchant.key(), "/api/v1/links?orderNumber=a%00b"), 400, "validation_failed",
                "orderNumber:invalid_order_number");
        assertThat(linkCount()).isEqualTo(before);
    }

    @Test
    void aBodyWithoutALengthIsCutOffAtTheLimit() throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.baseUrl() + "/api/v1/links"))
                .header("Authorization", "Bearer " + merchant.key()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("{\"amount\": \"1\", \"description\": \"" + "x".repeat(200_000) + "\"}").getBytes())))
                .build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload_too_large");
    }

    @Test
    void listFiltersAndWalksPagesWithACursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(created(body("orderNumber", "PAGE-" + i + "-" + merchant.id().substring(4, 12), "amount", "1")).path("id").asString());
        }
        String deleted = ids.get(1);
        api.delete(merchant.key(), "/api/v1/links/" + deleted);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = api.get(merchant.key(), "/api/v1/links?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json().path("data").valueStream().forEach(link -> seen.add(link.path("id").asString()));
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        Response onlyDeleted = api.get(merchant.key(), "/api/v1/links?status=DELETED");
        assertThat(onlyDeleted.json().path("data").valueStream().map(l -> l.path("id").asString())).containsExactly(deleted);
        Response active = api.get(merchant.key(), "/api/v1/links?status=ACTIVE");
        assertThat(active.json().path("data").size()).isEqualTo(4);
        Response byOrder = api.get(merchant.key(), "/api/v1/links?orderNumber=PAGE-3");
        assertThat(byOrder.json().path("data").valueStream().map(l -> l.path("id").asString())).containsExactly(ids.get(3));
        Response future = api.get(merchant.key(), "/api/v1/links?createdFrom=" + Instant.now().plusSeconds(60));
        assertThat(future.json().path("data").size()).isZero();
        Response past = api.get(merchant.key(), "/api/v1/links?createdTo=2020-01-01T00:00:00Z");
        assertThat(past.json().path("data").size()).isZero();

        assertRefused(api.get(merchant.key(), "/api/v1/links?status=PAID"), 400, "validation_failed", "status:invalid_status");
        assertRefused(api.get(merchant.key(), "/api/v1/links?limit=501"), 400, "validation_failed", "limit:invalid_limit");
        assertRefused(api.get(merchant.key(), "/api/v1/links?cursor=***"), 400, "validation_failed", null);
        assertRefused(api.get(merchant.key(), "/api/v1/links?cursor=bm90LWFuLWlk"), 400, "validation_failed", "cursor:invalid_cursor");
        assertRefused(api.get(merchant.key(), "/api/v1/links?createdFrom=yesterday"), 400, "validation_failed", "createdFrom:invalid_type");
    }

    @Test
    void statusFilterAgreesWithTheStatusOfEachLink() {
        String scheduled = created(body("amount", "1", "validFrom", Instant.now().plus(Duration.ofDays(1)).toString())).path("id").asString();
        String expired = created(body("amount", "1")).path("id").asString();
        jdbc.sql("UPDATE links SET valid_from = now() - interval '2 days', valid_until = now() - interval '1 day' WHERE id = ?")
                .param(expired).update();
        String used = created(body("amount", "1")).path("id").asString();
        jdbc.sql("UPDATE links SET used_at = now(), payment_count = 1, collected_minor = amount_minor WHERE id = ?").param(used).update();
        for (String status : List.of("SCHEDULED", "ACTIVE", "USED", "EXPIRED", "DELETED")) {
            api.get(merchant.key(), "/api/v1/links?status=" + status).json().path("data").valueStream()
                    .forEach(link -> assertThat(link.path("status").asString()).isEqualTo(status));
        }
        assertThat(api.get(merchant.key(), "/api/v1/links/" + scheduled).json().path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(api.get(merchant.key(), "/api/v1/links/" + expired).json().path("status").asString()).isEqualTo("EXPIRED");
        assertThat(api.get(merchant.key(), "/api/v1/links/" + used).json().path("status").asString()).isEqualTo("USED");
        assertThat(api.get(merchant.key(), "/api/v1/links?status=USED").json().path("data").size()).isEqualTo(1);
    }

    @Test
    void patchEditsInPlaceAndKeepsTheUrl() {
        JsonNode link = created(body("amount", "100.00", "description", "ilk"));
        String id = link.path("id").asString();
        Response patched = api.patch(merchant.key(), "/api/v1/links/" + id,
                Api.json(Map.of("amount", "150.25", "description", "ikinci", "usage", "MULTI")));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("url").asString()).isEqualTo(link.path("url").asString());
        assertThat(patched.json().path("amount").asString()).isEqualTo("150.25");
        assertThat(patched.json().path("description").asString()).isEqualTo("ikinci");
        assertThat(patched.json().path("usage").asString()).isEqualTo("MULTI");
        assertThat(patched.json().path("orderNumber").asString()).isEqualTo(link.path("orderNumber").asString());
        assertThat(patched.json().path("validUntil").asString()).isEqualTo(link.path("validUntil").asString());

        // merge patch: a nested object merges member by member
        String sms = "05321234567";
        assertThat(api.patch(merchant.key(), "/api/v1/links/" + id, Api.json(Map.of("notify", Map.of("sms", sms)))).status())
                .isEqualTo(200);
        assertThat(api.patch(merchant.key(), "/api/v1/links/" + id,
                Api.json(Map.of("notify", Map.of("email", "b@example.com")))).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT notify_sms || ' ' || notify_email FROM links WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo("+905321234567 b@example.com");
        // merge patch: null removes the description
        assertThat(api.patch(merchant.key(), "/api/v1/links/" + id, "{\"description\": null}").json().path("description").isNull()).isTrue();
        // [M3] the order number never changes; the same value is harmless
        assertRefused(api.patch(merchant.key(), "/api/v1/links/" + id, Api.json(Map.of("orderNumber", "OTHER-1"))),
                422, "order_number_immutable", "orderNumber:order_number_immutable");
        assertThat(api.patch(merchant.key(), "/api/v1/links/" + id,
                Api.json(Map.of("orderNumber", link.path("orderNumber").asString()))).status()).isEqualTo(200);
        // the rules of creation hold for edits
        assertRefused(api.patch(merchant.key(), "/api/v1/links/" + id, Api.json(Map.of("currency", "EUR"))),
                422, "currency_not_permitted", null);
        assertRefused(api.patch(merchant.key(), "/api/v1/links/" + id, "{\"amount\": []}"), 400, "validation_failed", "amount:invalid_type");
        assertRefused(api.patch(merchant.key(), "/api/v1/links/" + id, "\"x\""), 400, "validation_failed", null);
        assertThat(api.get(merchant.key(), "/api/v1/links/" + id).json().path("amount").asString()).isEqualTo("150.25");
    }

    @Test
    void anExpiredLinkCanBeGivenANewEndDateButNotAPastOne() {
        String id = created(body("amount", "1")).path("id").asString();
        jdbc.sql("UPDATE links SET valid_from = now() - interval '2 days', valid_until = now() - interval '1 day' WHERE id = ?")
                .param(id).update();
        // editing something else leaves the (past) validity alone
        assertThat(api.patch(merchant.key(), "/api/v1/links/" + id, "{\"description\": \"x\"}").status()).isEqualTo(200);
        assertRefused(api.patch(merchant.key(), "/api/v1/links/" + id,
                Api.json(Map.of("validUntil", Instant.now().minusSeconds(5).toString()))), 422, "invalid_validity_period", null);
        Response renewed = api.patch(merchant.key(), "/api/v1/links/" + id,
                Api.json(Map.of("validUntil", Instant.now().plus(Duration.ofDays(2)).toString())));
        assertThat(renewed.json().path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void paidTermsAreFrozenAfterTheFirstPayment() {
        String id = created(body("amount", "100.00", "installments", 3, "usage", "MULTI")).path("id").asString();
        jdbc.sql("UPDATE links SET payment_count = 1, collected_minor = amount_minor WHERE id = ?").param(id).update();

        assertRefused(api.patch(merchant.key(), "/api/v1/links/" + id, "{\"amount\": \"90.00\"}"), 409,
                "link_frozen_after_payment", "amount:link_frozen_after_payment");
        assertRefused(api.patch(merchant.key(), "/api/v1/links/" + id, "{\"installments\": 2}"), 409,
                "link_frozen_after_payment", null);
        assertRefused(api.patch(merchant.key(), "/api/v1/links/" + id, "{\"currency\": \"USD\", \"installments\": 1}"), 409,
                "link_frozen_after_payment", null);
        assertRefused(api.patch(merchant.key(), "/api/v1/links/" + id, "{\"usage\": \"SINGLE\"}"), 409,
                "link_frozen_after_payment", "usage:link_frozen_after_payment");
        Response described = api.patch(merchant.key(), "/api/v1/links/" + id, "{\"description\": \"yeni açıklama\"}");
        assertThat(described.status()).isEqualTo(200);
        assertThat(described.json().path("amount").asString()).isEqualTo("100.00");
        assertThat(described.json().path("paymentCount").asInt()).isEqualTo(1);
        assertThat(described.json().path("collectedAmount").asString()).isEqualTo("100.00");
    }

    @Test
    void deleteIsImmediateFinalAndRepeatable() {
        JsonNode link = created(body("amount", "100.00"));
        String id = link.path("id").asString();
        Response deleted = api.delete(merchant.key(), "/api/v1/links/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("status").asString()).isEqualTo("DELETED");
        Response again = api.delete(merchant.key(), "/api/v1/links/" + id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("updatedAt")).isEqualTo(deleted.json().path("updatedAt"));
        assertRefused(api.patch(merchant.key(), "/api/v1/links/" + id, "{\"amount\": \"5\"}"), 409, "link_not_editable", null);
        // it stays visible (reports) with its status
        assertThat(api.get(merchant.key(), "/api/v1/links/" + id).json().path("status").asString()).isEqualTo("DELETED");
    }

    @Test
    void aUsedSingleUseLinkCannotBeEdited() {
        String id = created(body("amount", "100.00")).path("id").asString();
        jdbc.sql("UPDATE links SET used_at = now(), payment_count = 1, collected_minor = amount_minor WHERE id = ?").param(id).update();
        assertRefused(api.patch(merchant.key(), "/api/v1/links/" + id, "{\"description\": \"x\"}"), 409, "link_not_editable", null);
    }

    @Test
    void aMerchantSeesAndTouchesOnlyItsOwnLinks() {
        JsonNode mine = created(body("amount", "100.00", "orderNumber", TestData.unique("MINE")));
        String id = mine.path("id").asString();
        Merchant other = api.newMerchant();

        assertRefused(api.get(other.key(), "/api/v1/links/" + id), 404, "not_found", null);
        assertRefused(api.patch(other.key(), "/api/v1/links/" + id, "{\"amount\": \"1\"}"), 404, "not_found", null);
        assertRefused(api.delete(other.key(), "/api/v1/links/" + id), 404, "not_found", null);
        assertThat(api.get(other.key(), "/api/v1/links").json().path("data").valueStream()
                .map(l -> l.path("id").asString())).doesNotContain(id);
        assertThat(api.get(other.key(), "/api/v1/links?orderNumber=" + mine.path("orderNumber").asString())
                .json().path("data").size()).isZero();
        Response mineNow = api.get(merchant.key(), "/api/v1/links/" + id);
        assertThat(mineNow.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(mineNow.json().path("amount").asString()).isEqualTo("100.00");
        assertRefused(api.get(merchant.key(), "/api/v1/links/lnk_00000000000000000000000000"), 404, "not_found", null);
    }

    @Test
    void keysAreCheckedOnEveryCall() {
        assertRefused(api.get(null, "/api/v1/links"), 401, "unauthorized", null);
        assertRefused(api.get("lp_wrong", "/api/v1/links"), 401, "unauthorized", null);
        assertRefused(api.send(null, "GET", "/api/v1/links", null, "Authorization", "Basic Zm9vOmJhcg=="), 401, "unauthorized", null);
        assertRefused(api.post(null, "/api/v1/links", "{\"amount\": \"1\"}"), 401, "unauthorized", null);
        // the bank key is for the bank API only
        assertRefused(api.get(TestData.BANK_KEY, "/api/v1/links"), 403, "forbidden", null);
        Response english = api.get(null, "/api/v1/links", "Accept-Language", "en-US,en;q=0.9");
        assertThat(english.json().path("title").asString()).isEqualTo("Not authenticated");
    }
}
