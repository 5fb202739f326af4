package com.linkpos.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Api.Merchant;
import com.linkpos.support.Api.Response;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The bank's admin API [B1]: onboarding merchants, their permissions and API keys. */
@LinkPosTest
class AdminApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private Response createMerchant(Object body) {
        return api.post(TestData.BANK_KEY, "/api/v1/admin/merchants", Api.json(body));
    }

    private long merchantCount() {
        return jdbc.sql("SELECT count(*) FROM merchants").query(Long.class).single();
    }

    @Test
    void theBankOnboardsAMerchantWithItsFirstAdmin() {
        String username = TestData.unique("toptanci");
        Response created = createMerchant(Map.of("name", "Demo Toptancı", "email", "info@toptanci.example",
                "foreignCurrencies", List.of("USD", "EUR"), "maxInstallments", 12,
                "admin", Map.of("username", username, "password", "correct-horse-1")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode merchant = created.json();
        assertThat(merchant.path("id").asString()).matches("mer_[0-9A-Z]{26}");
        assertThat(merchant.path("name").asString()).isEqualTo("Demo Toptancı");
        assertThat(merchant.path("foreignCurrencies").valueStream().map(JsonNode::asString)).containsExactly("USD", "EUR");
        assertThat(merchant.path("maxInstallments").asInt()).isEqualTo(12);

        // the admin's password is kept only as a modern adaptive hash
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE username = ?").param(username).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("correct-horse-1");
        assertThat(jdbc.sql("SELECT role FROM users WHERE username = ?").param(username).query(String.class).single())
                .isEqualTo("MERCHANT_ADMIN");
    }

    @Test
    void badMerchantDataIsRefusedWithEveryReasonAndNothingIsCreated() {
        long before = merchantCount();
        Response refused = createMerchant(Map.of("name", " ", "email", "nope", "foreignCurrencies", List.of("XYZ", "TRY"),
                "maxInstallments", 13, "admin", Map.of("username", "a", "password", "short")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.fieldErrors()).contains("name:required", "email:invalid_email",
                "foreignCurrencies:unknown_currency", "maxInstallments:installments_out_of_range",
                "admin.username:invalid_username", "admin.password:weak_password");
        assertThat(createMerchant(Map.of("name", "No admin")).fieldErrors()).contains("admin:required");
        assertThat(createMerchant(Map.of("name", "Nul\u0000l", "admin", Map.of("username", TestData.unique("n"),
                "password", "long-enough-1"))).fieldErrors()).contains("name:invalid_characters");
        assertThat(api.post(TestData.BANK_KEY, "/api/v1/admin/merchants", "{\"name\": 5, \"maxInstallments\": \"many\"}").status())
                .isEqualTo(400);
        assertThat(merchantCount()).isEqualTo(before);
    }

    @Test
    void aUsernameBelongsToOneUser() {
        Merchant first = api.newMerchant();
        long before = merchantCount();
        Response taken = createMerchant(Map.of("name", "Copycat", "admin",
                Map.of("username", first.username().toUpperCase(), "password", "another-password-1")));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.fieldErrors()).contains("admin.username:username_taken");
        assertThat(merchantCount()).isEqualTo(before);
    }

    @Test
    void permissionsGrantedByTheBankApplyToLinksAtOnce() {
        Merchant merchant = api.newMerchant(List.of(), 1);
        assertThat(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"5\", \"currency\": \"EUR\"}").code())
                .isEqualTo("currency_not_permitted");
        assertThat(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"5\", \"installments\": 3}").code())
                .isEqualTo("installments_not_permitted");

        Response patched = api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(),
                "{\"foreignCurrencies\": [\"EUR\"], \"maxInstallments\": 3}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("name").asString()).startsWith("Test Merchant");
        assertThat(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"5\", \"currency\": \"EUR\"}").status()).isEqualTo(201);
        assertThat(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"5\", \"installments\": 3}").status()).isEqualTo(201);

        assertThat(api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(), "{\"maxInstallments\": 0}").status())
                .isEqualTo(422);
        assertThat(api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/mer_00000000000000000000000000", "{}").status())
                .isEqualTo(404);
    }

    @Test
    void apiKeysAreRandomShownOnceAndStoredHashed() {
        Merchant merchant = api.newMerchant();
        Response second = api.post(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id() + "/api-keys", null);
        assertThat(second.status()).isEqualTo(201);
        String key = second.json().path("key").asString();
        assertThat(key).startsWith("lp_").hasSizeGreaterThanOrEqualTo(3 + 43).isNotEqualTo(merchant.key());
        assertThat(api.get(key, "/api/v1/links").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE key_hash = ? OR key_hint = ?").param(key).param(key)
                .query(Long.class).single()).isZero();
        assertThat(api.post(TestData.BANK_KEY, "/api/v1/admin/merchants/mer_00000000000000000000000000/api-keys", null).status())
                .isEqualTo(404);
    }

    @Test
    void onlyTheBankKeyReachesTheBankApi() {
        Merchant merchant = api.newMerchant();
        long before = merchantCount();
        Response asMerchant = api.post(merchant.key(), "/api/v1/admin/merchants", Api.json(Map.of("name", "x",
                "admin", Map.of("username", TestData.unique("u"), "password", "long-enough-1"))));
        assertThat(asMerchant.status()).isEqualTo(403);
        assertThat(asMerchant.code()).isEqualTo("forbidden");
        assertThat(api.post(merchant.key(), "/api/v1/admin/merchants/" + merchant.id() + "/api-keys", null).status()).isEqualTo(403);
        assertThat(api.patch(merchant.key(), "/api/v1/admin/merchants/" + merchant.id(), "{\"maxInstallments\": 12}").status())
                .isEqualTo(403);
        assertThat(api.get(null, "/api/v1/admin/merchants").status()).isEqualTo(401);
        assertThat(merchantCount()).isEqualTo(before);
    }
}
