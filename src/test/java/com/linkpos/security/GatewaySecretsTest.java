package com.linkpos.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.Payer.Card;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A merchant's own terminal, set up by the bank, PayFor or EST, through a whole working day: the
 * terminal's passwords and store key and the payers' card numbers appear in no table, no log line and
 * no response of LinkPOS (API, portal pages, exports, the payer's pages). The PayFor terminal posts its
 * 3-D forms from LinkPOS's server (threeDFromServer), so even the card form's answer holds no card; the
 * EST terminal's 3-D form is the browser's own post to the bank, the one page that carries the card,
 * only to the bank, in a page nobody caches (SecurityTest).
 */
@LinkPosTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "linkpos.simulator.payfor.terminals[0].mbr-id=5",
        "linkpos.simulator.payfor.terminals[0].merchant-id=085300000009704",
        "linkpos.simulator.payfor.terminals[0].user-code=QNB_API_KULLANICI_3DPAY",
        "linkpos.simulator.payfor.terminals[0].user-pass=UcBN0",
        "linkpos.simulator.payfor.terminals[0].merchant-pass=12345678",
        "linkpos.simulator.payfor.terminals[1].mbr-id=5",
        "linkpos.simulator.payfor.terminals[1].merchant-id=085300000004242",
        "linkpos.simulator.payfor.terminals[1].user-code=KUYUMCU_API",
        "linkpos.simulator.payfor.terminals[1].user-pass=" + GatewaySecretsTest.USER_PASS,
        "linkpos.simulator.payfor.terminals[1].merchant-pass=" + GatewaySecretsTest.MERCHANT_PASS,
        "linkpos.simulator.payfor.terminals[1].merchant-name=Kuyumcu Çarşısı",
        "linkpos.simulator.est.terminals[0].client-id=190100000",
        "linkpos.simulator.est.terminals[0].username=ZIRAATAPI",
        "linkpos.simulator.est.terminals[0].password=ZIRAAT19",
        "linkpos.simulator.est.terminals[0].store-key=123456",
        "linkpos.simulator.est.terminals[1].client-id=190200042",
        "linkpos.simulator.est.terminals[1].username=KUYUMCUAPI",
        "linkpos.simulator.est.terminals[1].password=" + GatewaySecretsTest.EST_PASSWORD,
        "linkpos.simulator.est.terminals[1].store-key=" + GatewaySecretsTest.EST_STORE_KEY,
        "linkpos.simulator.est.terminals[1].merchant-name=Kuyumcu Çarşısı",
})
class GatewaySecretsTest {

    static final String USER_PASS = "Kuyumcu-UserPass-5521";
    static final String MERCHANT_PASS = "Kuyumcu-3DKey-8830";
    static final String EST_PASSWORD = "Kuyumcu-EstPass-7716";
    static final String EST_STORE_KEY = "Kuyumcu-StoreKey-3391";
    private static final List<String> CARDS = List.of("4155650100416111", "5456160000000000", "4000000000000002",
            "4000000000003063", "4000000000000101");
    private static final String CVV = "864";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** Every response LinkPOS gave in the test, as text. */
    private final List<String> responses = new ArrayList<>();

    private Page seen(Page page) {
        responses.add(page.body());
        return page;
    }

    private Api.Response seen(Api.Response response) {
        responses.add(response.body());
        return response;
    }

    @Test
    void aPayForTerminalsPasswordsAndThePayersCardsAreNowhereToBeFound(CapturedOutput log) {
        Api api = new Api(port);
        Map<String, Object> terminal = new LinkedHashMap<>();
        terminal.put("type", "PAYFOR");
        terminal.put("gatewayUrl", api.baseUrl() + "/simulator/payfor");
        terminal.put("mbrId", "5");
        terminal.put("merchantId", "085300000004242");
        terminal.put("userCode", "KUYUMCU_API");
        terminal.put("userPass", USER_PASS);
        terminal.put("merchantPass", MERCHANT_PASS);
        terminal.put("threeDFromServer", true);
        terminal.put("batchClose", true);
        aDayOfPayments(api, terminal, List.of(USER_PASS, MERCHANT_PASS), log);
    }

    @Test
    void anEstTerminalsPasswordAndStoreKeyAndThePayersCardsAreNowhereToBeFound(CapturedOutput log) {
        Api api = new Api(port);
        Map<String, Object> terminal = new LinkedHashMap<>();
        terminal.put("type", "EST");
        terminal.put("preset", "SIMULATOR");
        terminal.put("clientId", "190200042");
        terminal.put("username", "KUYUMCUAPI");
        terminal.put("password", EST_PASSWORD);
        terminal.put("storeKey", EST_STORE_KEY);
        aDayOfPayments(api, terminal, List.of(EST_PASSWORD, EST_STORE_KEY), log);
    }

    private void aDayOfPayments(Api api, Map<String, Object> terminal, List<String> secrets, CapturedOutput log) {
        Api.Merchant merchant = api.newMerchant();
        assertThat(seen(api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(),
                Api.json(Map.of("acquirer", terminal)))).status()).isEqualTo(200);
        seen(api.get(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id()));
        seen(api.get(TestData.BANK_KEY, "/api/v1/admin/merchants"));
        PortalSession bank = PortalSession.loggedIn(port, "bank", TestData.BANK_PASSWORD);
        seen(bank.get("/bank/merchants/" + merchant.id()));

        // a day of payments: approved, declined, 3-D Secure failed, not enrolled
        Api.CreatedLink link = api.newLink(merchant, "{\"amount\": \"40.00\", \"usage\": \"MULTI\"}");
        List<String> approved = new ArrayList<>();
        for (String number : CARDS) {
            Payer payer = new Payer(port);
            Page form = seen(payer.open(link.token()));
            Page page = payer.submit(form, new Card(number, "12/30", CVV, "Zeynep Kaya"), null);
            Payer.AutoPost toBank = Payer.autoPost(page);
            if (toBank == null || !toBank.action().startsWith(api.baseUrl() + "/simulator/est/")) {
                // (EST: the browser's own post to the bank carries the card there and nowhere else; SecurityTest)
                assertThat(seen(page).body()).as("the bank's own page, fetched by LinkPOS's server: no card form to post")
                        .doesNotContain("name=\"Pan\"");
            }
            for (int hops = 0; hops < 10; hops++) {
                if (page.document().selectFirst("#acs-form") != null) {
                    page = seen(payer.answerChallenge(page, Payer.OTP));
                } else if (page.location() != null || Payer.autoPost(page) != null) {
                    page = seen(page.location() != null ? payer.follow(page) : payer.post(Payer.autoPost(page)));
                } else {
                    break;
                }
            }
            Payer.Result result = Payer.result(page);
            if (result.approved()) {
                approved.add(result.transactionId());
            }
        }
        assertThat(approved).hasSize(2);

        // the merchant voids one, and refunds part of the other after the end of day
        seen(api.post(merchant.key(), "/api/v1/transactions/" + approved.get(0) + "/void", null));
        seen(api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null));
        Api.Response refund = seen(api.post(merchant.key(), "/api/v1/transactions/" + approved.get(1) + "/refunds",
                "{\"amount\": \"15.00\"}"));
        assertThat(refund.status()).as("%s", refund).isEqualTo(201);
        assertThat(refund.json().path("status").asString()).isEqualTo("APPROVED");
        seen(api.get(merchant.key(), "/api/v1/transactions"));
        seen(api.get(merchant.key(), "/api/v1/transactions/" + approved.get(1)));
        seen(api.get(merchant.key(), "/api/v1/transactions/export?format=csv"));
        seen(api.get(merchant.key(), "/api/v1/audit-events"));
        // [S2] the audit log says the bank set the gateway's secrets, and only that: the scan below reads it too
        Api.Response audit = seen(api.get(TestData.BANK_KEY, "/api/v1/audit-events?action=merchant.updated&objectId=" + merchant.id()));
        terminal.forEach((name, value) -> {
            if (!name.equals("preset")) { // what it fills in is recorded under each setting's own name
                assertThat(audit.json().path("data").path(0).path("changes").path("acquirer." + name).path(1).asString()).as(name)
                        .isEqualTo(secrets.contains(String.valueOf(value)) ? "•••" : String.valueOf(value));
            }
        });
        PortalSession portal = PortalSession.loggedIn(port, merchant.username(), merchant.password());
        seen(portal.get("/transactions"));
        seen(portal.get("/transactions/" + approved.get(1)));

        for (String response : responses) {
            assertThat(response).doesNotContain(secrets);
            for (String number : CARDS) {
                assertThat(response).doesNotContain(number);
            }
        }
        assertThat(String.join("\n", responses)).as("the responses show the card masked").contains("415565******6111");
        for (String table : jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .query(String.class).list()) {
            String dump = String.join("\n", jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list());
            for (String hidden : concat(secrets, CARDS)) {
                String hex = HexFormat.of().formatHex(hidden.getBytes(StandardCharsets.UTF_8));
                assertThat(dump).as(table).doesNotContain(hidden).doesNotContain(hex);
            }
            assertThat(dump).as("%s keeps no CVV", table).doesNotContainPattern("[,(]" + CVV + "[,)]");
        }
        for (String hidden : concat(secrets, CARDS)) {
            assertThat(log.getAll()).doesNotContain(hidden);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
