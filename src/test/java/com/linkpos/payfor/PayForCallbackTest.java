package com.linkpos.payfor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkpos.acquiring.Payment;
import com.linkpos.acquiring.Verdict;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Money;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checks of a PayFor callback, in the order VPOS.md A4 gives (3DStatus, ResponseHash, then order,
 * amount and currency), and what is not PayFor's XML; without Spring or HTTP.
 */
class PayForCallbackTest {

    private static final PayForTerminal TERMINAL = new PayForTerminal("https://vpostest.qnb.example", "5",
            "085300000009704", "QNB_API_KULLANICI_3DPAY", "UcBN0", "12345678", false, false, PayForTerminal.QNB_PROGRAMS);
    private static final PayForAcquirer ACQUIRER = new PayForAcquirer(TERMINAL, null);
    private static final Payment PAYMENT = new Payment("mer_1", "01ABCDEFGHJKMNPQRSTV", new Money(125_050, Currency.TRY), 1,
            Locale.forLanguageTag("tr"), "Demo", "https://pay.example.com/pay/token/3ds/pat_1");

    /** A callback as the bank signs it. */
    private static Map<String, String> callback(String status, String code, String orderId, String amount, String currency) {
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put("RequestGuid", "1000000081255931");
        posted.put("OrderId", orderId);
        posted.put("PurchAmount", amount);
        posted.put("Currency", currency);
        posted.put("3DStatus", status);
        posted.put("ProcReturnCode", code);
        posted.put("AuthCode", "");
        posted.put("Eci", "05");
        posted.put("PayerAuthenticationCode", "AAABBBCCC=");
        posted.put("ResponseRnd", "PF638028511007418219");
        posted.put("HashType", "Sha1");
        posted.put("ResponseHash", PayForHash.response(TERMINAL.merchantId(), TERMINAL.merchantPass(), orderId, "", code,
                status, "PF638028511007418219", TERMINAL.userCode(), "Sha1", null).orElseThrow());
        return posted;
    }

    @Test
    void anAuthenticatedSignedAnswerOfThePaymentGoesOn() {
        Verdict verdict = ACQUIRER.readCallback(PAYMENT, callback("1", "V033", PAYMENT.orderId(), "1250.50", "949"));
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Authenticated.class, authenticated -> {
            assertThat(authenticated.eci()).isEqualTo("05");
            assertThat(authenticated.forProvision()).containsEntry("RequestGuid", "1000000081255931");
        });
        assertThat(ACQUIRER.readCallback(PAYMENT, callback("1", "V033", PAYMENT.orderId(), "1250.5", "949")))
                .as("the same amount written otherwise").isInstanceOf(Verdict.Authenticated.class);
    }

    @Test
    void aFailedThreeDSecureIsReadWithoutItsHash() {
        Map<String, String> failed = callback("-1", "V034", PAYMENT.orderId(), "1250.50", "949");
        failed.put("ResponseHash", "not-even-base64");
        assertThat(ACQUIRER.readCallback(PAYMENT, failed)).isInstanceOfSatisfying(Verdict.NotAuthenticated.class,
                notAuthenticated -> {
                    assertThat(notAuthenticated.code()).isEqualTo("V034");
                    assertThat(notAuthenticated.mdStatus()).as("PayFor's -1 in the MPI's words").isEqualTo("0");
                });
        Map<String, String> notEnrolled = callback("2", "", PAYMENT.orderId(), "1250.50", "949");
        assertThat(((Verdict.NotAuthenticated) ACQUIRER.readCallback(PAYMENT, notEnrolled)).mdStatus()).isEqualTo("2");
    }

    @Test
    void whatTheBankDidNotSignOrDidNotSayForThisPaymentIsUntrusted() {
        Map<String, String> forged = callback("-1", "V034", PAYMENT.orderId(), "1250.50", "949");
        forged.put("3DStatus", "1");
        assertThat(ACQUIRER.readCallback(PAYMENT, forged)).as("forged status").isInstanceOf(Verdict.Untrusted.class);
        Map<String, String> unsigned = callback("1", "V033", PAYMENT.orderId(), "1250.50", "949");
        unsigned.remove("ResponseHash");
        assertThat(ACQUIRER.readCallback(PAYMENT, unsigned)).isInstanceOf(Verdict.Untrusted.class);
        assertThat(ACQUIRER.readCallback(PAYMENT, callback("1", "V033", "01ABCDEFGHJKMNPQRSTX", "1250.50", "949")))
                .as("another order").isInstanceOf(Verdict.Untrusted.class);
        assertThat(ACQUIRER.readCallback(PAYMENT, callback("1", "V033", PAYMENT.orderId(), "12.50", "949")))
                .as("another amount").isInstanceOf(Verdict.Untrusted.class);
        assertThat(ACQUIRER.readCallback(PAYMENT, callback("1", "V033", PAYMENT.orderId(), "1250.50", "840")))
                .as("another currency").isInstanceOf(Verdict.Untrusted.class);
        assertThat(ACQUIRER.readCallback(PAYMENT, callback("1", "V033", PAYMENT.orderId(), "abc", "949")))
                .as("no amount at all").isInstanceOf(Verdict.Untrusted.class);
    }

    @Test
    void theFormNeverCarriesTheApiPasswordAndHashesWhatItSends() {
        var step = (com.linkpos.acquiring.BrowserStep.AutoPost) ACQUIRER.begin3ds(PAYMENT,
                new com.linkpos.acquiring.CardDetails("Ayşe Yılmaz", "4155650100416111", java.time.YearMonth.of(2030, 1), "123"));
        assertThat(step.url()).isEqualTo("https://vpostest.qnb.example/Gateway/Default.aspx");
        assertThat(step.fields()).doesNotContainKey("UserPass").doesNotContainValue("UcBN0").doesNotContainValue("12345678")
                .containsEntry("PurchAmount", "1250.50").containsEntry("Currency", "949").containsEntry("InstallmentCount", "0")
                .containsEntry("Lang", "TR").containsEntry("MOTO", "0").containsEntry("Expiry", "0130")
                .containsEntry("SecureType", "3DModel").containsEntry("TxnType", "Auth");
        assertThat(step.fields().get("Hash")).isEqualTo(PayForHash.request("5", PAYMENT.orderId(), "1250.50",
                PAYMENT.callbackUrl(), PAYMENT.callbackUrl(), "Auth", "0", step.fields().get("Rnd"), "12345678"));
        assertThat(step.cardFields()).containsExactlyInAnyOrder("Pan", "Expiry", "Cvv2", "CardHolderName");
        assertThat(step.toString()).doesNotContain("4155650100416111");
        assertThat(com.linkpos.acquiring.WireAmount.of(new Money(100, Currency.JPY))).isEqualTo("100.00");
    }

    @Test
    void anAnswerThatIsNotPayForsXmlIsNoAnswer() {
        for (String body : List.of("<html><body>Service Unavailable</body></html>", "<PayforResponse><ProcReturnCode>00",
                "", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><PayforResponse>&e;</PayforResponse>")) {
            assertThatThrownBy(() -> PayForGateway.parse(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body).isInstanceOf(com.linkpos.acquiring.BankUnanswered.class);
        }
        assertThat(PayForGateway.parse(("<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?><PayforResponse><ErrMsg>Onaylandı</ErrMsg>"
                + "<MD>\r\n   </MD></PayforResponse>").getBytes(java.nio.charset.Charset.forName("ISO-8859-9"))))
                .containsEntry("ErrMsg", "Onaylandı").containsEntry("MD", "");
    }
}
