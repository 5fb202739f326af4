package com.linkpos.banksimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.banksimulator.PayForMerchant.Callback;
import com.linkpos.banksimulator.PayForMerchant.Page;
import com.linkpos.support.LinkPosTest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The bank simulator is a wire-compatible PayFor gateway (docs/VPOS.md part A, C2): a merchant's
 * integration written from the document alone ({@link PayForMerchant}, with its own hashes) pays,
 * voids, refunds and asks over real HTTP, and meets every refusal the document names.
 */
@LinkPosTest
@ExtendWith(OutputCaptureExtension.class)
class PayForSimulatorTest {

    private static final String VISA = "4155650100416111";
    private static final String MASTERCARD = "5456160000000000";
    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    PayForMerchant merchant;

    @BeforeEach
    void setUp() {
        merchant = new PayForMerchant(port);
    }

    /** A fresh order id as LinkPOS makes them: 20 of [A-Za-z0-9]. */
    private static String orderId() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** The 3-D form, the ACS page and the code: the callback the browser would post. */
    private Callback authenticate(String orderId, String amount, String pan) {
        Page acs = merchant.postThreeD(PayForMerchant.threeDForm(orderId, amount, pan, "Ayşe Yılmaz"));
        assertThat(acs.isChallenge()).as(acs.document().text()).isTrue();
        return PayForMerchant.callback(merchant.answer(acs, "123456"));
    }

    /** An approved sale: authenticated, then provisioned. */
    private Map<String, String> sale(String orderId, String amount) {
        Callback callback = authenticate(orderId, amount, VISA);
        Map<String, String> provision = merchant.provision(callback.get("RequestGuid"), orderId);
        assertThat(provision.get("ProcReturnCode")).as(provision.toString()).isEqualTo("00");
        return provision;
    }

    @Test
    void aThreeDModelPaymentFromFormToProvision() {
        String orderId = orderId();
        Page acs = merchant.postThreeD(PayForMerchant.threeDForm(orderId, "10.50", VISA, "Ayşe Yılmaz"));
        assertThat(acs.status()).isEqualTo(200);
        assertThat(acs.isChallenge()).as(acs.document().text()).isTrue();
        assertThat(acs.document().selectFirst("#acs-issuer").text()).isEqualTo("QNB Finansbank");
        // an Enpara.com card's page says Enpara.com, the name its holder knows, though QNB Finansbank issues it
        assertThat(merchant.postThreeD(PayForMerchant.threeDForm(orderId(), "10.50", "5400610000000001", "Ayşe Yılmaz"))
                .document().selectFirst("#acs-issuer").text()).isEqualTo("Enpara.com");
        assertThat(acs.document().selectFirst("#acs-merchant").text()).isEqualTo("3D PAY TEST ISYERI");
        assertThat(acs.document().selectFirst("#acs-card").text()).isEqualTo("415565******6111");
        assertThat(acs.document().selectFirst("#acs-amount").text()).contains("10,50");
        assertThat(acs.document().select("link[rel=stylesheet]").attr("href")).as("absolute addresses")
                .startsWith("http://localhost:" + port + "/");

        Page returned = merchant.answer(acs, "123456");
        assertThat(returned.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(returned.document().selectFirst("meta[charset]").attr("charset")).isEqualTo("UTF-8");
        Callback callback = PayForMerchant.callback(returned);
        assertThat(callback.action()).as("success goes to OkUrl").isEqualTo(PayForMerchant.OK_URL);
        assertThat(callback.fields()).as("the bank's fields only").doesNotContainKey("_csrf");
        assertThat(returned.document().selectFirst("form[data-autosubmit]").attr("accept-charset")).isEqualTo("UTF-8");
        assertThat(callback.signed()).as("ResponseHash by A3.2").isTrue();
        assertThat(callback.get("HashType")).isEqualTo("Sha1");
        assertThat(callback.get("3DStatus")).isEqualTo("1");
        assertThat(callback.get("ProcReturnCode")).isEqualTo("V033");
        assertThat(callback.get("ErrMsg")).isEqualTo("3D Kullanıcı Doğrulama Adımı Başarılı");
        assertThat(callback.get("Eci")).isEqualTo("05");
        assertThat(callback.get("CardMask")).isEqualTo("415565******6111");
        assertThat(callback.get("OrderId")).isEqualTo(orderId);
        assertThat(callback.get("PurchAmount")).isEqualTo("10.50");
        assertThat(callback.get("Exponent")).isEqualTo("2");
        assertThat(callback.get("Currency")).isEqualTo("949");
        assertThat(callback.get("Rnd")).isEqualTo("0.43625700 1604831630");
        assertThat(callback.get("MrcName")).isEqualTo("3D PAY TEST ISYERI");
        assertThat(callback.get("CardHolderName")).isEqualTo("Ayşe Yılmaz");
        assertThat(callback.get("RequestGuid")).matches("\\d{16}");
        assertThat(callback.get("ResponseRnd")).matches("PF\\d{18}");
        assertThat(callback.get("TransactionDate")).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}");
        assertThat(callback.get("AuthCode")).isEmpty();
        assertThat(callback.get("HostRefNum")).isEmpty();
        assertThat(callback.get("PayerAuthenticationCode")).isBase64();
        assertThat(callback.get("PayerTxnId")).isBase64();
        assertThat(callback.get("MD")).isNotEmpty();
        assertThat(callback.get("BatchNo")).matches("\\d+");
        // as the real gateway: a 3DModel authentication has moved no money yet
        assertThat(callback.get("TxnResult")).isEqualTo("Failed");

        Map<String, String> provision = merchant.provision(callback.get("RequestGuid"), orderId);
        assertThat(provision.get("root")).isEqualTo("PayforResponse");
        assertThat(provision.get("ProcReturnCode")).isEqualTo("00");
        assertThat(provision.get("ErrMsg")).isEqualTo("Onaylandı");
        assertThat(provision.get("AuthCode")).matches("S\\d{5}");
        assertThat(provision.get("HostRefNum")).matches("\\d{12}");
        assertThat(provision.get("TransId")).isEqualTo(orderId);
        assertThat(provision.get("CardHolderName")).isEqualTo("Ayşe Yılmaz");

        Map<String, String> again = merchant.provision(callback.get("RequestGuid"), orderId);
        assertThat(again.get("ProcReturnCode")).as("provisioned exactly once").isEqualTo("101310");

        Map<String, String> found = merchant.inquire(orderId);
        assertThat(found.get("ProcReturnCode")).isEqualTo("00");
        assertThat(found.get("AuthCode")).isEqualTo(provision.get("AuthCode"));
        assertThat(found.get("HostRefNum")).isEqualTo(provision.get("HostRefNum"));
        assertThat(found.get("TxnType")).isEqualTo("Auth");
        assertThat(found.get("PurchAmount")).isEqualTo("10.50");
        assertThat(found.get("CardMask")).isEqualTo("415565******6111");
        assertThat(found.get("InstallmentCount")).isEqualTo("0");
        assertThat(found.get("IsVoided")).isEqualTo("false");
        assertThat(found.get("IsRefunded")).isEqualTo("false");
        assertThat(found.get("RefundedAmount")).isEqualTo("0.00");
        assertThat(found.get("TxnStatus")).isEqualTo("Y");
        assertThat(found.get("InsertDatetime")).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}");

        assertThat(merchant.voidSale(orderId).get("ProcReturnCode")).isEqualTo("00");
        assertThat(merchant.voidSale(orderId).get("ProcReturnCode")).as("a second void").isEqualTo("V017");
        Map<String, String> voided = merchant.inquire(orderId);
        assertThat(voided.get("IsVoided")).isEqualTo("true");
        assertThat(voided.get("TxnStatus")).isEqualTo("V");
        assertThat(voided.get("VoidDate")).matches("\\d{8}");
        assertThat(merchant.refund(orderId, "1.00").get("ProcReturnCode")).as("a voided sale").isEqualTo("V017");
    }

    @Test
    void refundsComeAfterEndOfDayAndNeverExceedTheSale() {
        String orderId = orderId();
        sale(orderId, "10.00");
        Map<String, String> early = merchant.refund(orderId, "4.00");
        assertThat(early.get("ProcReturnCode")).isEqualTo("V014");
        assertThat(early.get("ErrMsg")).isEqualTo("Günsonundan önce iade yapılamaz. Asıl işlem iptal edilmelidir");
        assertThat(batchClosed(merchant.history(orderId))).containsExactly("False");

        assertThat(merchant.closeBatch().get("ProcReturnCode")).isEqualTo("00");
        assertThat(batchClosed(merchant.history(orderId))).containsExactly("True");
        assertThat(merchant.voidSale(orderId).get("ProcReturnCode")).as("a void after end of day").isEqualTo("V018");

        Map<String, String> partial = merchant.refund(orderId, "4");
        assertThat(partial.get("ProcReturnCode")).isEqualTo("00");
        assertThat(partial.get("HostRefNum")).matches("\\d{12}");
        assertThat(merchant.refund(orderId, "6.01").get("ProcReturnCode")).as("more than the rest").isEqualTo("V015");
        assertThat(merchant.refund(orderId, "6.0").get("ProcReturnCode")).isEqualTo("00");
        assertThat(merchant.refund(orderId, "0.01").get("ProcReturnCode")).as("nothing left").isEqualTo("V037");
        assertThat(merchant.voidSale(orderId).get("ProcReturnCode")).isEqualTo("V018");

        Map<String, String> found = merchant.inquire(orderId);
        assertThat(found.get("IsRefunded")).isEqualTo("true");
        assertThat(found.get("RefundedAmount")).isEqualTo("10.00");
        assertThat(found.get("TxnStatus")).isEqualTo("Y");

        Document history = merchant.history(orderId);
        assertThat(history.getDocumentElement().getNodeName()).isEqualTo("TxnHistoryReport");
        assertThat(texts(history, "TxnType")).containsExactly("Auth", "Refund", "Refund");
        assertThat(batchClosed(history)).containsExactly("True", "False", "False");
    }

    @Test
    void anOrderNotFound() {
        Map<String, String> missing = merchant.inquire(orderId());
        assertThat(missing.get("ProcReturnCode")).isEqualTo("V013");
        assertThat(missing.get("ErrMsg")).isEqualTo("Seçili İşlem Bulunamadı!");
        assertThat(missing.get("TxnStatus")).isEqualTo("P");
        assertThat(missing.get("RequestGuid")).isEqualTo("0");
        assertThat(missing.get("InsertDatetime")).isEqualTo("1.01.0001 00:00:00");
        assertThat(merchant.voidSale(orderId()).get("ProcReturnCode")).isEqualTo("V013");
        assertThat(merchant.refund(orderId(), "1.00").get("ProcReturnCode")).isEqualTo("V013");
        assertThat(merchant.history(orderId()).getDocumentElement().getChildNodes().getLength()).isZero();
    }

    @Test
    void aBadHashGetsNoChallenge() {
        Map<String, String> form = PayForMerchant.threeDForm(orderId(), "10.00", VISA, "Ayşe Yılmaz");
        form.put("PurchAmount", "1.00"); // the amount changed after signing
        Page answer = merchant.postThreeD(form);
        assertThat(answer.isChallenge()).isFalse();
        Callback callback = PayForMerchant.callback(answer);
        assertThat(callback.action()).isEqualTo(PayForMerchant.FAIL_URL);
        assertThat(callback.get("ProcReturnCode")).isEqualTo("M030");
        assertThat(callback.get("ErrMsg")).isEqualTo("HASH Uyuşmazlığı");
        assertThat(callback.get("3DStatus")).isNotEqualTo("1");
        assertThat(callback.get("RequestGuid")).isEqualTo("0");
        assertThat(callback.signed()).isTrue();
    }

    @Test
    void aUsedOrderIdIsRefusedWithTheBanksSha256Answer() {
        String orderId = orderId();
        sale(orderId, "5.00");
        Page answer = merchant.postThreeD(PayForMerchant.threeDForm(orderId, "5.00", VISA, "Ayşe Yılmaz"));
        assertThat(answer.isChallenge()).isFalse();
        Callback callback = PayForMerchant.callback(answer);
        assertThat(callback.action()).isEqualTo(PayForMerchant.FAIL_URL);
        assertThat(callback.get("ProcReturnCode")).isEqualTo("101310");
        assertThat(callback.get("ErrMsg")).isEqualTo("Verilen sipariş no önceden kullanılmıştır.");
        assertThat(callback.fields()).doesNotContainKey("HashType");
        assertThat(callback.get("ResponseHash")).hasSize(44);
        assertThat(callback.signed()).as("SHA-256 of the A3.2 string").isTrue();

        // an order whose 3-D step failed is used too
        String failed = orderId();
        Page acs = merchant.postThreeD(PayForMerchant.threeDForm(failed, "5.00", "4000000000003063", "Ayşe Yılmaz"));
        PayForMerchant.callback(merchant.answer(acs, "123456"));
        Callback again = PayForMerchant.callback(merchant.postThreeD(PayForMerchant.threeDForm(failed, "5.00", VISA, "A")));
        assertThat(again.get("ProcReturnCode")).isEqualTo("101310");
    }

    @Test
    void theProvisionNeedsTheOrderOfItsThreeDStep() {
        String orderId = orderId();
        Callback callback = authenticate(orderId, "7.00", VISA);
        Map<String, String> other = merchant.provision(callback.get("RequestGuid"), orderId());
        assertThat(other.get("ProcReturnCode")).isEqualTo("V036");
        assertThat(other.get("ErrMsg")).isEqualTo("Sistem Hatası");
        assertThat(merchant.provision("1000000000000000", orderId).get("ProcReturnCode")).as("an unknown guid").isEqualTo("V013");
        assertThat(merchant.provision(callback.get("RequestGuid"), orderId).get("ProcReturnCode")).isEqualTo("00");
    }

    @Test
    void aWrongPasswordIsV004() {
        String orderId = orderId();
        Callback callback = authenticate(orderId, "7.00", VISA);
        Map<String, String> refused = merchant.xml("RequestGuid", callback.get("RequestGuid"), "UserCode",
                PayForMerchant.USER_CODE, "UserPass", "wrong", "OrderId", orderId, "SecureType", "3DModelPayment");
        assertThat(refused.get("ProcReturnCode")).isEqualTo("V004");
        assertThat(merchant.xml("MerchantId", PayForMerchant.MERCHANT_ID, "UserCode", PayForMerchant.USER_CODE, "UserPass",
                "UcBN1", "OrgOrderId", orderId, "SecureType", "Inquiry", "TxnType", "OrderInquiry").get("ProcReturnCode"))
                .isEqualTo("V004");
        assertThat(merchant.provision(callback.get("RequestGuid"), orderId).get("ProcReturnCode"))
                .as("nothing was provisioned by the refused call").isEqualTo("00");
    }

    @Test
    void eachDeclineCardIsDeclinedAtProvisionWithItsCode() {
        Map<String, String> cards = Map.of("4000000000000002", "05", "4000000000009995", "51", "4000000000000069", "54",
                "4000000000000119", "96");
        cards.forEach((pan, code) -> {
            String orderId = orderId();
            Callback callback = authenticate(orderId, "20.00", pan);
            assertThat(callback.get("3DStatus")).isEqualTo("1");
            Map<String, String> provision = merchant.provision(callback.get("RequestGuid"), orderId);
            assertThat(provision.get("ProcReturnCode")).as(pan).isEqualTo(code);
            assertThat(provision.get("ErrMsg")).as(pan).isNotBlank();
            assertThat(provision.get("AuthCode")).isEmpty();
            assertThat(merchant.inquire(orderId).get("TxnStatus")).isEqualTo("N");
            assertThat(merchant.voidSale(orderId).get("ProcReturnCode")).as("nothing to void").isEqualTo("V013");
        });
    }

    @Test
    void theThreeDFailingCardFailsWhateverTheCode() {
        String orderId = orderId();
        Page acs = merchant.postThreeD(PayForMerchant.threeDForm(orderId, "3.00", "4000000000003063", "Ayşe Yılmaz"));
        Callback callback = PayForMerchant.callback(merchant.answer(acs, "123456"));
        assertThat(callback.action()).isEqualTo(PayForMerchant.FAIL_URL);
        assertThat(callback.get("3DStatus")).isEqualTo("-1");
        assertThat(callback.get("ProcReturnCode")).isEqualTo("V034");
        assertThat(callback.get("Eci")).isEmpty();
        assertThat(callback.signed()).isTrue();
        assertThat(merchant.provision(callback.get("RequestGuid"), orderId).get("ProcReturnCode")).isEqualTo("MR15");
    }

    @Test
    void threeWrongCodesFailTheChallengeAndItsAnswerStays() {
        String orderId = orderId();
        Page acs = merchant.postThreeD(PayForMerchant.threeDForm(orderId, "3.00", MASTERCARD, "Ayşe Yılmaz"));
        Page first = merchant.answer(acs, "000000");
        assertThat(first.isChallenge()).as("another try").isTrue();
        assertThat(first.document().selectFirst("#acs-error").text()).contains("2");
        Page second = merchant.answer(first, "111111");
        assertThat(second.isChallenge()).isTrue();
        Callback callback = PayForMerchant.callback(merchant.answer(second, "222222"));
        assertThat(callback.get("3DStatus")).isEqualTo("-1");
        assertThat(callback.get("ProcReturnCode")).isEqualTo("V034");
        assertThat(callback.signed()).isTrue();

        String acsAddress = acs.document().selectFirst("#acs-form").attr("action");
        Callback again = PayForMerchant.callback(merchant.get(acsAddress));
        assertThat(again.fields()).as("the same answer again").isEqualTo(callback.fields());
        Callback stillFailed = PayForMerchant.callback(merchant.answer(acs, "123456"));
        assertThat(stillFailed.fields()).isEqualTo(callback.fields());
        assertThat(merchant.provision(callback.get("RequestGuid"), orderId).get("ProcReturnCode")).isEqualTo("MR15");
    }

    @Test
    void threeDPayChargesOnTheCodeAndTheCallbackCarriesTheSale() {
        String orderId = orderId();
        Map<String, String> form = PayForMerchant.threeDForm(orderId, "15.00", VISA, "Ayşe Yılmaz");
        form.put("SecureType", "3DPay");
        Page acs = merchant.postThreeD(PayForMerchant.sign(form));
        Callback callback = PayForMerchant.callback(merchant.answer(acs, "123456"));
        assertThat(callback.action()).isEqualTo(PayForMerchant.OK_URL);
        assertThat(callback.get("3DStatus")).isEqualTo("1");
        assertThat(callback.get("ProcReturnCode")).isEqualTo("00");
        assertThat(callback.get("TxnResult")).isEqualTo("Success");
        assertThat(callback.get("AuthCode")).matches("S\\d{5}");
        assertThat(callback.get("HostRefNum")).matches("\\d{12}");
        assertThat(callback.signed()).as("the hash covers the AuthCode").isTrue();
        assertThat(merchant.inquire(orderId).get("AuthCode")).isEqualTo(callback.get("AuthCode"));
        assertThat(merchant.provision(callback.get("RequestGuid"), orderId).get("ProcReturnCode")).as("paid already")
                .isEqualTo("101310");

        String declined = orderId();
        Map<String, String> declinedForm = PayForMerchant.threeDForm(declined, "15.00", "4000000000009995", "Ayşe Yılmaz");
        declinedForm.put("SecureType", "3DPay");
        Callback refused = PayForMerchant.callback(merchant.answer(merchant.postThreeD(PayForMerchant.sign(declinedForm)), "123456"));
        assertThat(refused.action()).isEqualTo(PayForMerchant.FAIL_URL);
        assertThat(refused.get("ProcReturnCode")).isEqualTo("51");
        assertThat(refused.get("TxnResult")).isEqualTo("Failed");
        assertThat(merchant.inquire(declined).get("TxnStatus")).isEqualTo("N");
    }

    @Test
    void aMastercardIsAuthenticatedWithEci02() {
        Callback callback = authenticate(orderId(), "3.00", MASTERCARD);
        assertThat(callback.get("Eci")).isEqualTo("02");
        assertThat(callback.get("CardMask")).isEqualTo("545616******0000");
    }

    @Test
    void aCardNotEnrolledIsAnsweredAtOnceAsHalfThreeD() {
        String orderId = orderId();
        Page answer = merchant.postThreeD(PayForMerchant.threeDForm(orderId, "3.00", "4000000000000101", "Ayşe Yılmaz"));
        assertThat(answer.isChallenge()).isFalse();
        Callback callback = PayForMerchant.callback(answer);
        assertThat(callback.get("3DStatus")).isEqualTo("2");
        assertThat(callback.action()).isEqualTo(PayForMerchant.FAIL_URL);
        assertThat(callback.signed()).isTrue();
        assertThat(merchant.provision(callback.get("RequestGuid"), orderId).get("ProcReturnCode")).as("never charged")
                .isEqualTo("MR15");
    }

    @Test
    void theProvisionAsAFormOnDefaultAspxAnswersKeyValueText() {
        String orderId = orderId();
        Callback callback = authenticate(orderId, "12.34", VISA);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("RequestGuid", callback.get("RequestGuid"));
        form.put("UserCode", PayForMerchant.USER_CODE);
        form.put("UserPass", PayForMerchant.USER_PASS);
        form.put("OrderId", orderId);
        form.put("SecureType", "3DModelPayment");
        Map<String, String> answer = merchant.keyValue(form);
        assertThat(answer.get("ProcReturnCode")).isEqualTo("00");
        assertThat(answer.get("ErrMsg")).isEqualTo("Onaylandı");
        assertThat(answer.get("AuthCode")).matches("S\\d{5}");
        assertThat(answer.get("TransId")).isEqualTo(orderId);
        form.put("UserPass", "nope");
        assertThat(merchant.keyValue(form).get("ProcReturnCode")).isEqualTo("V004");
    }

    @Test
    void aFormInIso88599KeepsItsTurkishLetters() {
        String orderId = orderId();
        String holder = "Çağrı Şükrü Öztürk İĞDIR ğüşıöç";
        Charset turkish = Charset.forName("ISO-8859-9");
        Page acs = merchant.postThreeD(PayForMerchant.threeDForm(orderId, "9.99", VISA, holder), turkish,
                "application/x-www-form-urlencoded");
        Callback callback = PayForMerchant.callback(merchant.answer(acs, "123456"));
        assertThat(callback.get("CardHolderName")).isEqualTo(holder);
        assertThat(merchant.provision(callback.get("RequestGuid"), orderId).get("CardHolderName")).isEqualTo(holder);

        // and a page that says its charset
        String declared = orderId();
        Page again = merchant.postThreeD(PayForMerchant.threeDForm(declared, "9.99", VISA, holder), turkish,
                "application/x-www-form-urlencoded; charset=ISO-8859-9");
        assertThat(PayForMerchant.callback(merchant.answer(again, "123456")).get("CardHolderName")).isEqualTo(holder);

        // XML declared ISO-8859-9
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?><PayforRequest><MerchantId>085300000009704</MerchantId>"
                + "<UserCode>QNB_API_KULLANICI_3DPAY</UserCode><UserPass>UcBN0</UserPass><MbrId>5</MbrId>"
                + "<OrgOrderId>" + orderId + "</OrgOrderId><SecureType>Inquiry</SecureType><TxnType>OrderInquiry</TxnType>"
                + "<Description>Ödeme ışığı</Description></PayforRequest>";
        Map<String, String> found = PayForMerchant.xmlResponse(merchant.postXml(xml.getBytes(turkish)));
        assertThat(found.get("ProcReturnCode")).isEqualTo("00");
    }

    @Test
    void malformedRequestsGetAnErrorAnswer() {
        HttpResponse<byte[]> broken = merchant.postXml("<PayforRequest><MerchantId>".getBytes(StandardCharsets.UTF_8));
        Map<String, String> answer = PayForMerchant.xmlResponse(broken);
        assertThat(answer.get("root")).isEqualTo("PayforResponse");
        assertThat(answer.get("ProcReturnCode")).isEqualTo("M048");
        assertThat(answer.get("ErrMsg")).isEqualTo("Hatalı değer: XML okunamadı");
        assertThat(new String(broken.body(), StandardCharsets.UTF_8)).doesNotContain("Exception").doesNotContain("at com.");

        String entity = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<PayforRequest><UserCode>&x;</UserCode></PayforRequest>";
        Map<String, String> external = PayForMerchant.xmlResponse(merchant.postXml(entity.getBytes(StandardCharsets.UTF_8)));
        assertThat(external.get("ProcReturnCode")).as("no DTD, no external entity").isEqualTo("M048");
        assertThat(external.toString()).doesNotContain("root:");

        assertThat(PayForMerchant.xmlResponse(merchant.postXml(new byte[0])).get("ProcReturnCode")).isEqualTo("M043");
        assertThat(merchant.operation("SecureType", "NonSecure", "TxnType", "Void").get("ProcReturnCode"))
                .as("no OrgOrderId").isEqualTo("M022");
        assertThat(merchant.operation("SecureType", "NonSecure", "TxnType", "Refund", "OrgOrderId", "X1")
                .get("ProcReturnCode")).as("no amount").isEqualTo("V031");
        assertThat(merchant.operation("SecureType", "Bogus", "TxnType", "Void").get("ProcReturnCode")).isEqualTo("M014");
        assertThat(merchant.operation("SecureType", "NonSecure", "TxnType", "Bogus").get("ProcReturnCode")).isEqualTo("M015");
        assertThat(merchant.xml("SecureType", "Inquiry").get("ProcReturnCode")).as("no UserCode").isEqualTo("M016");

        Map<String, String> form = PayForMerchant.threeDForm(orderId(), "1.00", VISA, "A");
        form.put("Currency", "999");
        assertThat(PayForMerchant.callback(merchant.postThreeD(PayForMerchant.sign(form))).get("ProcReturnCode")).isEqualTo("M002");
        form.put("Currency", "949");
        form.put("PurchAmount", "1,00");
        assertThat(PayForMerchant.callback(merchant.postThreeD(PayForMerchant.sign(form))).get("ProcReturnCode")).isEqualTo("M004");
        form.put("PurchAmount", "1.00");
        form.put("Pan", "4155650100416112");
        assertThat(PayForMerchant.callback(merchant.postThreeD(PayForMerchant.sign(form))).get("ProcReturnCode")).isEqualTo("M041");
        form.remove("MbrId");
        Page refused = merchant.postThreeD(form);
        assertThat(refused.status()).as("no terminal to answer through").isEqualTo(400);
        assertThat(refused.document().selectFirst("#gateway-refused").attr("data-code")).isEqualTo("M013");
    }

    @Test
    void provisionsRacingForOneOrderChargeItOnce() throws Exception {
        String orderId = orderId();
        Callback callback = authenticate(orderId, "8.00", VISA);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> new PayForMerchant(port).provision(callback.get("RequestGuid"), orderId)
                        .get("ProcReturnCode")));
            }
            List<String> codes = new ArrayList<>();
            for (Future<String> answer : answers) {
                codes.add(answer.get());
            }
            assertThat(codes).filteredOn("00"::equals).hasSize(1);
            assertThat(codes).filteredOn("101310"::equals).hasSize(7);
        } finally {
            pool.shutdown();
        }
        assertThat(texts(merchant.history(orderId), "TxnType")).containsExactly("Auth");
    }

    @Test
    void codesRacingOnOneChallengeGetOneAnswer() throws Exception {
        Page acs = merchant.postThreeD(PayForMerchant.threeDForm(orderId(), "8.00", VISA, "Ayşe Yılmaz"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Callback>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> PayForMerchant.callback(new PayForMerchant(port).answer(acs, "123456"))));
            }
            Callback first = answers.get(0).get();
            for (Future<Callback> answer : answers) {
                assertThat(answer.get().fields()).isEqualTo(first.fields());
            }
            assertThat(first.get("3DStatus")).isEqualTo("1");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theLargestAmountOfLinkPosIsPaidInFull() {
        String orderId = orderId();
        String largest = "92233720368547758.07";
        Callback callback = authenticate(orderId, largest, VISA);
        assertThat(callback.get("PurchAmount")).isEqualTo(largest);
        assertThat(merchant.provision(callback.get("RequestGuid"), orderId).get("ProcReturnCode")).isEqualTo("00");
        assertThat(merchant.inquire(orderId).get("PurchAmount")).isEqualTo(largest);
    }

    @Test
    void noTableHoldsACardNumberOrCvvNorDoesTheLog(CapturedOutput log) {
        List<String> numbers = List.of(VISA, "4000000000000002", "4000000000003063", "4000000000000101");
        for (String number : numbers) {
            String orderId = orderId();
            Page first = merchant.postThreeD(PayForMerchant.threeDForm(orderId, "10.00", number, "Ayşe Yılmaz"));
            if (first.isChallenge()) {
                Callback callback = PayForMerchant.callback(merchant.answer(first, "123456"));
                merchant.provision(callback.get("RequestGuid"), orderId);
            }
        }
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .query(String.class).list();
        assertThat(tables).contains("simulator_3ds_requests", "simulator_transactions", "simulator_batches");
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            List<String> rows = jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list();
            String dump = String.join("\n", rows);
            // binary columns (sessions, stored responses) show as hex, where runs of zeros are no card's digits
            boolean binary = table.equals("spring_session_attributes") || table.equals("idempotency_keys");
            for (String number : numbers) {
                String hex = HexFormat.of().formatHex(number.getBytes(StandardCharsets.US_ASCII));
                if (dump.contains(number) || dump.contains(hex) || !binary && dump.contains(number.substring(6))) {
                    found.add(table + " holds " + number);
                }
            }
            // no column holds the CVV (987) or the expiry (1230)
            com.linkpos.support.StoredCells.of(jdbc, table).stream()
                    .filter(cell -> cell.equals("987") || cell.equals("1230")).forEach(cell -> found.add(table + " holds " + cell));
        }
        assertThat(found).isEmpty();
        for (String number : numbers) {
            assertThat(log.getAll()).doesNotContain(number);
        }
    }

    private static List<String> batchClosed(Document report) {
        List<String> values = new ArrayList<>();
        NodeList arrays = report.getElementsByTagName("ArrayOfString");
        for (int i = 0; i < arrays.getLength(); i++) {
            NodeList strings = ((Element) arrays.item(i)).getElementsByTagName("string");
            if (strings.item(0).getTextContent().equals("IsBatchClosed")) {
                values.add(strings.item(1).getTextContent());
            }
        }
        return values;
    }

    private static List<String> texts(Document report, String element) {
        List<String> values = new ArrayList<>();
        NodeList nodes = report.getElementsByTagNameNS("*", element);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }
}
