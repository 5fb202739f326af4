package com.linkpos.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.acquiring.Terminals;
import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * [A1][A2] The bank sets up each merchant's gateway terminal, by the admin API and on its merchant page;
 * secrets are write-only: sealed at rest, never in an answer or a page, kept when a change leaves them out.
 */
@LinkPosTest
class TerminalSettingsTest {

    private static final String USER_PASS = "UcBN0-secret-pw";
    private static final String MERCHANT_PASS = "store-key-98765";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Terminals terminals;
    Api api;
    Api.Merchant merchant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant();
    }

    private static Map<String, Object> payFor() {
        Map<String, Object> acquirer = new LinkedHashMap<>();
        acquirer.put("type", "PAYFOR");
        acquirer.put("gatewayUrl", "https://vpostest.qnbfinansbank.com");
        acquirer.put("mbrId", "5");
        acquirer.put("merchantId", "085300000009704");
        acquirer.put("userCode", "QNB_API_KULLANICI_3DPAY");
        acquirer.put("userPass", USER_PASS);
        acquirer.put("merchantPass", MERCHANT_PASS);
        return acquirer;
    }

    private Api.Response patch(Map<String, Object> acquirer) {
        return api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(), Api.json(Map.of("acquirer", acquirer)));
    }

    @Test
    void theBankSetsUpAPayForTerminalWhoseSecretsAreNeverShown() {
        Api.Response saved = patch(payFor());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("acquirer").path("type").asString()).isEqualTo("PAYFOR");
        assertThat(saved.json().path("acquirer").path("merchantId").asString()).isEqualTo("085300000009704");
        Api.Response read = api.get(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id());
        for (Api.Response answer : new Api.Response[] {saved, read, api.get(TestData.BANK_KEY, "/api/v1/admin/merchants")}) {
            assertThat(answer.body()).doesNotContain(USER_PASS).doesNotContain(MERCHANT_PASS).doesNotContain("userPass")
                    .doesNotContain("merchantPass");
        }
        String row = jdbc.sql("SELECT t::text FROM merchant_terminals t WHERE merchant_id = ?").param(merchant.id())
                .query(String.class).single();
        assertThat(row).as("sealed at rest").doesNotContain(USER_PASS).doesNotContain(MERCHANT_PASS).contains("v1:");
        assertThat(terminals.of(merchant.id()).orElseThrow().settings()).containsEntry("userPass", USER_PASS)
                .containsEntry("merchantPass", MERCHANT_PASS);

        Api.Response moved = patch(Map.of("gatewayUrl", "https://vpos.qnb.com.tr/"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(terminals.of(merchant.id()).orElseThrow().settings()).as("secrets left out are kept")
                .containsEntry("userPass", USER_PASS).containsEntry("gatewayUrl", "https://vpos.qnb.com.tr/");

        Page page = PortalSession.loggedIn(port, "bank", TestData.BANK_PASSWORD).get("/bank/merchants/" + merchant.id());
        assertThat(page.document().selectFirst("#terminal-now").attr("data-type")).isEqualTo("PAYFOR");
        assertThat(page.body()).doesNotContain(USER_PASS).doesNotContain(MERCHANT_PASS);
        assertThat(page.document().select("form.terminal-form[data-type=PAYFOR] input[name=merchantId]").val())
                .isEqualTo("085300000009704");
    }

    @Test
    void whatIsNotATerminalIsRefusedAndChangesNothing() {
        Map<String, Object> unknown = payFor();
        unknown.put("type", "GARANTI");
        assertThat(patch(unknown).fieldErrors()).containsExactly("acquirer.type:unknown_gateway");
        Map<String, Object> missing = payFor();
        missing.remove("userPass");
        missing.remove("mbrId");
        assertThat(patch(missing).fieldErrors()).containsExactlyInAnyOrder("acquirer.mbrId:required", "acquirer.userPass:required");
        Map<String, Object> ftp = payFor();
        ftp.put("gatewayUrl", "ftp://vpostest.qnbfinansbank.com");
        Api.Response refused = patch(ftp);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.fieldErrors()).containsExactly("acquirer.gatewayUrl:invalid_gateway_url");
        Map<String, Object> foreign = payFor();
        foreign.put("storeKey", "an EST setting");
        assertThat(patch(foreign).fieldErrors()).containsExactly("acquirer.storeKey:not_a_setting_of_gateway");
        assertThat(patch(Map.of("type", "PAYFOR")).fieldErrors()).as("a new type needs all of its settings").hasSize(6);
        assertThat(terminals.of(merchant.id())).isEmpty();
        assertThat(api.get(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id()).json().path("acquirer").isNull()).isTrue();
    }

    @Test
    void theBanksPageSetsUpATerminalAndLetsItGoBackToTheSimulator() {
        PortalSession bank = PortalSession.loggedIn(port, "bank", TestData.BANK_PASSWORD);
        bank.get("/bank/merchants/" + merchant.id());
        Map<String, String> form = new LinkedHashMap<>();
        payFor().forEach((name, value) -> form.put(name, value.toString()));
        form.put("threeDFromServer", "true");
        Page saved = bank.post("/bank/merchants/" + merchant.id() + "/terminal", form);
        assertThat(saved.status()).as(saved.text()).isEqualTo(302);
        assertThat(terminals.of(merchant.id()).orElseThrow().settings()).containsEntry("threeDFromServer", "true")
                .containsEntry("merchantPass", MERCHANT_PASS);

        Page page = bank.get("/bank/merchants/" + merchant.id());
        form.put("merchantPass", "");
        form.put("mbrId", "");
        Page refused = bank.post("/bank/merchants/" + merchant.id() + "/terminal", form);
        assertThat(refused.status()).as("left empty: the stored values stay").isEqualTo(302);
        form.put("gatewayUrl", "not a url");
        Page invalid = bank.post("/bank/merchants/" + merchant.id() + "/terminal", form);
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.document().select("#terminal-errors p").eachAttr("data-field")).containsExactly("acquirer.gatewayUrl");

        bank.get("/bank/merchants/" + merchant.id());
        assertThat(bank.post("/bank/merchants/" + merchant.id() + "/terminal/remove", Map.of()).status()).isEqualTo(302);
        assertThat(terminals.of(merchant.id())).isEmpty();
        assertThat(page.body()).doesNotContain(MERCHANT_PASS);
    }

    private static Map<String, Object> est(String preset) {
        Map<String, Object> acquirer = new LinkedHashMap<>();
        acquirer.put("type", "EST");
        if (preset != null) {
            acquirer.put("preset", preset);
        }
        acquirer.put("clientId", "700655000200");
        acquirer.put("username", "ISBANKAPI");
        acquirer.put("password", "ISBANK07-secret");
        acquirer.put("storeKey", "TRPS0200-secret");
        return acquirer;
    }

    @Test
    void theBankListsItsGatewaysWithTheirSettingsAndBanksAndAPresetFillsTheAddressesIn() {
        Api.Response gateways = api.get(TestData.BANK_KEY, "/api/v1/admin/gateways");
        assertThat(gateways.status()).isEqualTo(200);
        assertThat(gateways.json().path("data").valueStream().map(g -> g.path("type").asString())).containsExactly("EST", "PAYFOR");
        var estGateway = gateways.json().path("data").get(0);
        assertThat(estGateway.path("settings").valueStream().filter(s -> s.path("kind").asString().equals("SECRET"))
                .map(s -> s.path("name").asString())).containsExactlyInAnyOrder("password", "storeKey");
        assertThat(estGateway.path("presets").valueStream().map(p -> p.path("id").asString())).contains("ISBANK", "HALKBANK",
                "TEB", "SEKERBANK", "ZIRAAT", "QNB_EST", "AKBANK", "ASSECO_TEST", "SIMULATOR");
        assertThat(estGateway.path("presets").valueStream().filter(p -> p.path("id").asString().equals("SIMULATOR"))
                .findFirst().orElseThrow().path("settings").path("gatewayUrl").asString()).isEqualTo(api.baseUrl() + "/simulator/est");
        assertThat(api.get(merchant.key(), "/api/v1/admin/gateways").status()).as("the bank's only").isEqualTo(403);

        Api.Response halkbank = patch(est("HALKBANK"));
        assertThat(halkbank.status()).as(halkbank.toString()).isEqualTo(200);
        assertThat(halkbank.json().path("acquirer").path("gatewayUrl").asString()).isEqualTo("https://sanalpos.halkbank.com.tr");
        assertThat(halkbank.json().path("acquirer").path("threeDGateUrl").asString())
                .isEqualTo("https://sanalpos.halkbank.com.tr/fim/est3dgate");
        assertThat(halkbank.json().path("acquirer").path("installmentPrograms").asString()).isEqualTo("Paraf");
        assertThat(halkbank.body()).doesNotContain("ISBANK07-secret").doesNotContain("TRPS0200-secret");

        // another bank: its addresses replace the old ones, the credentials stay
        Api.Response isbank = patch(Map.of("type", "EST", "preset", "ISBANK"));
        assertThat(isbank.status()).as(isbank.toString()).isEqualTo(200);
        assertThat(isbank.json().path("acquirer").path("gatewayUrl").asString()).isEqualTo("https://sanalpos.isbank.com.tr");
        assertThat(isbank.json().path("acquirer").path("threeDGateUrl").isMissingNode()
                || isbank.json().path("acquirer").path("threeDGateUrl").isNull()).as("Halkbank's gate is gone").isTrue();
        assertThat(terminals.of(merchant.id()).orElseThrow().settings()).containsEntry("storeKey", "TRPS0200-secret")
                .containsEntry("installmentPrograms", "Maximum");

        // a custom address stays possible
        Map<String, Object> custom = est(null);
        custom.put("gatewayUrl", "https://sanalpos.example-bank.com.tr");
        Api.Response own = patch(custom);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("acquirer").path("gatewayUrl").asString()).isEqualTo("https://sanalpos.example-bank.com.tr");
    }

    @Test
    void anUnknownBankIsRefusedAndChangesNothing() {
        Api.Response refused = patch(est("GARANTI"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.fieldErrors()).containsExactly("acquirer.preset:unknown_preset");
        assertThat(terminals.of(merchant.id())).isEmpty();
    }

    @Test
    void theBanksPageOffersTheBanksOfEachGatewayInItsLanguage() {
        PortalSession bank = PortalSession.loggedIn(port, "bank", TestData.BANK_PASSWORD);
        Page page = bank.get("/bank/merchants/" + merchant.id());
        assertThat(page.document().select("form.terminal-form[data-type=EST] select[name=preset] option").eachText())
                .contains("Türkiye İş Bankası", "Halkbank", "LinkPOS banka simülatörü", "Asseco test ortamı");
        assertThat(page.document().selectFirst("form.terminal-form[data-type=EST] option[value=HALKBANK]").attr("data-settings"))
                .contains("https://sanalpos.halkbank.com.tr/fim/est3dgate");

        Map<String, String> form = new LinkedHashMap<>();
        est("SIMULATOR").forEach((name, value) -> form.put(name, value.toString()));
        Page saved = bank.post("/bank/merchants/" + merchant.id() + "/terminal", form);
        assertThat(saved.status()).as(saved.text()).isEqualTo(302);
        assertThat(terminals.of(merchant.id()).orElseThrow().settings()).containsEntry("gatewayUrl", api.baseUrl() + "/simulator/est")
                .containsEntry("dayEndUrl", api.baseUrl() + "/simulator/est/dayend");
    }
}
