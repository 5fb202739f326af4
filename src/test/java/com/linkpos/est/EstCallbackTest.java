package com.linkpos.est;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.acquiring.BrowserStep;
import com.linkpos.acquiring.CardDetails;
import com.linkpos.acquiring.Payment;
import com.linkpos.acquiring.Verdict;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Money;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The EST adapter's 3-D form and its reading of the bank's answer (docs/VPOS.md B4), without Spring or
 * HTTP: mdStatus first, then the ver3 HASH over exactly what was posted, then order, amount and currency.
 */
class EstCallbackTest {

    private static final EstTerminal TERMINAL = new EstTerminal("https://bank.example", "https://bank.example/fim/est3Dgate",
            "190100000", "ZIRAATAPI", "ZIRAAT19", "123456", null, List.of("Bankkart"));
    private static final EstAcquirer ACQUIRER = new EstAcquirer(TERMINAL, null);
    private static final Payment PAYMENT = new Payment("mer_1", "01ABCDEFGHJKMNPQRSTV", new Money(125_050, Currency.TRY), 3,
            Locale.forLanguageTag("tr"), "Demo", "https://pay.example.com/pay/token/3ds/pat_1");

    /** An answer as the bank signs it: the real field set of B4 (3), Turkish letters included. */
    private static Map<String, String> answer(String mdStatus, String oid, String amount, String currency) {
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put("TRANID", "");
        posted.put("PAResSyntaxOK", "true");
        posted.put("firmaadi", "Çiçek Pasajı");
        posted.put("islemtipi", "Auth");
        posted.put("lang", "tr");
        posted.put("merchantID", "190100000");
        posted.put("maskedCreditCard", "4546 71** **** 7894");
        posted.put("amount", amount);
        posted.put("sID", "1");
        posted.put("merchantName", "ZİRAAT TEST İŞYERİ");
        posted.put("md", "454671:6E9A1B:3545:##190100000");
        posted.put("taksit", "3");
        posted.put("storetype", "3d");
        posted.put("mdErrorMsg", "1".equals(mdStatus) ? "Authenticated" : "Not authenticated");
        posted.put("cavv", "AAABCZIhcQAAAABZlyFxAAAAAAA=");
        posted.put("xid", "hDbw7Ya2Mbx0m/1d5Yv1CxB+e5k=");
        posted.put("encoding", "ISO-8859-9");
        posted.put("currency", currency);
        posted.put("oid", oid);
        posted.put("mdStatus", mdStatus);
        posted.put("eci", "05");
        posted.put("clientid", "190100000");
        posted.put("rnd", "ZKJ8W3Q2");
        posted.put("hashAlgorithm", "ver3");
        posted.put("HASH", EstHash.ver3(posted, "123456"));
        return posted;
    }

    @Test
    void theFormCarriesTheCardAndItsHashButNeverTheApiPassword() {
        BrowserStep step = ACQUIRER.begin3ds(PAYMENT, new CardDetails("Ayşe Yılmaz", "4546711234567894", YearMonth.of(2030, 12),
                "000"));
        BrowserStep.AutoPost form = (BrowserStep.AutoPost) step;
        assertThat(form.url()).isEqualTo("https://bank.example/fim/est3Dgate");
        assertThat(form.fields()).containsEntry("amount", "1250.50").containsEntry("taksit", "3")
                .containsEntry("storetype", "3d").containsEntry("hashAlgorithm", "ver3").containsEntry("pan", "4546711234567894")
                .containsEntry("Ecom_Payment_Card_ExpDate_Month", "12").containsEntry("Ecom_Payment_Card_ExpDate_Year", "30")
                .containsEntry("okUrl", PAYMENT.callbackUrl()).containsEntry("failUrl", PAYMENT.callbackUrl());
        assertThat(form.fields().values()).doesNotContain("ZIRAAT19", "123456");
        Map<String, String> withoutHash = new LinkedHashMap<>(form.fields());
        String hash = withoutHash.remove("hash");
        assertThat(hash).isEqualTo(EstHash.ver3(withoutHash, "123456"));
        assertThat(ACQUIRER.begin3ds(new Payment("mer_1", "X1", new Money(100, Currency.USD), 1, Locale.ENGLISH, "Demo",
                PAYMENT.callbackUrl()), new CardDetails("A B", "4546711234567894", YearMonth.of(2030, 1), "000")))
                .isInstanceOfSatisfying(BrowserStep.AutoPost.class, single -> assertThat(single.fields())
                        .containsEntry("taksit", "").containsEntry("currency", "840").containsEntry("lang", "en"));
    }

    @Test
    void anAuthenticatedSignedAnswerOfThePaymentGoesOnWithWhatTheProvisionNeeds() {
        Verdict verdict = ACQUIRER.readCallback(PAYMENT, answer("1", PAYMENT.orderId(), "1250.50", "949"));
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Authenticated.class, authenticated -> {
            assertThat(authenticated.eci()).isEqualTo("05");
            assertThat(authenticated.forProvision()).containsEntry("md", "454671:6E9A1B:3545:##190100000")
                    .containsEntry("xid", "hDbw7Ya2Mbx0m/1d5Yv1CxB+e5k=").containsEntry("cavv", "AAABCZIhcQAAAABZlyFxAAAAAAA=");
        });
    }

    @Test
    void notAuthenticatedIsReadWithoutTheHashButNeverForAnotherPayment() {
        Map<String, String> failed = answer("0", PAYMENT.orderId(), "1250.50", "949");
        failed.put("HASH", "not-checked");
        assertThat(ACQUIRER.readCallback(PAYMENT, failed)).isInstanceOfSatisfying(Verdict.NotAuthenticated.class,
                refused -> assertThat(refused.mdStatus()).isEqualTo("0"));
        assertThat(((Verdict.NotAuthenticated) ACQUIRER.readCallback(PAYMENT, answer("2", PAYMENT.orderId(), "1250.50", "949")))
                .mdStatus()).as("not enrolled").isEqualTo("2");
        // an error before the MPI: no mdStatus, "*" for what the bank could not read
        Map<String, String> early = new LinkedHashMap<>(Map.of("ErrorCode", "HPP-1001", "ErrMsg", "Girilen kart numarası doğru "
                + "formatta değildir.", "Response", "Error", "clientid", "*", "currency", "*", "oid", PAYMENT.orderId()));
        assertThat(ACQUIRER.readCallback(PAYMENT, early)).isInstanceOfSatisfying(Verdict.NotAuthenticated.class, refused -> {
            assertThat(refused.mdStatus()).isEqualTo("0");
            assertThat(refused.code()).isEqualTo("HPP-1001");
        });
        assertThat(ACQUIRER.readCallback(PAYMENT, answer("0", "ANOTHER0000000000001", "1250.50", "949")))
                .isInstanceOf(Verdict.Untrusted.class);
    }

    @Test
    void whatTheBankDidNotSignOrDidNotSayForThisPaymentIsUntrusted() {
        Map<String, String> forged = answer("0", PAYMENT.orderId(), "1250.50", "949");
        forged.put("mdStatus", "1");
        assertThat(ACQUIRER.readCallback(PAYMENT, forged)).as("a failed answer made to look authenticated")
                .isInstanceOf(Verdict.Untrusted.class);
        Map<String, String> extra = answer("1", PAYMENT.orderId(), "1250.50", "949");
        extra.put("BillToName", "added on the way");
        assertThat(ACQUIRER.readCallback(PAYMENT, extra)).as("a field the bank did not sign").isInstanceOf(Verdict.Untrusted.class);
        Map<String, String> ziraat = answer("1", PAYMENT.orderId(), "1250.50", "949");
        ziraat.put("NATIONALIDNO", "12345678901");
        assertThat(ACQUIRER.readCallback(PAYMENT, ziraat)).as("Ziraat's extra is outside the hash")
                .isInstanceOf(Verdict.Authenticated.class);
        assertThat(ACQUIRER.readCallback(PAYMENT, answer("1", "ANOTHER0000000000001", "1250.50", "949")))
                .isInstanceOf(Verdict.Untrusted.class);
        assertThat(ACQUIRER.readCallback(PAYMENT, answer("1", PAYMENT.orderId(), "125.05", "949")))
                .isInstanceOf(Verdict.Untrusted.class);
        assertThat(ACQUIRER.readCallback(PAYMENT, answer("1", PAYMENT.orderId(), "1250.50", "840")))
                .isInstanceOf(Verdict.Untrusted.class);
        Map<String, String> noMd = answer("1", PAYMENT.orderId(), "1250.50", "949");
        noMd.remove("md");
        noMd.put("HASH", EstHash.ver3(noMd, "123456"));
        assertThat(ACQUIRER.readCallback(PAYMENT, noMd)).isInstanceOf(Verdict.Untrusted.class);
        assertThat(ACQUIRER.readCallback(PAYMENT, answer("1", PAYMENT.orderId(), "1250.5", "949")))
                .as("the same amount written otherwise").isInstanceOf(Verdict.Authenticated.class);
    }
}
