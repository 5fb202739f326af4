package com.linkpos.banksimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.banksimulator.PayForMerchant.Callback;
import com.linkpos.banksimulator.PayForMerchant.Page;
import com.linkpos.support.LinkPosTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The simulated PayFor gateway's terminals are settings: a terminal of its own name (Turkish letters
 * reach the payer's page and the callback whole), QNB's IP rule (M047) when a terminal has an
 * allow-list, and how long a challenge waits for its code.
 */
@LinkPosTest
@TestPropertySource(properties = {
        "linkpos.simulator.challenge-ttl=1s",
        "linkpos.simulator.payfor.terminals[0].mbr-id=5",
        "linkpos.simulator.payfor.terminals[0].merchant-id=085300000009704",
        "linkpos.simulator.payfor.terminals[0].user-code=QNB_API_KULLANICI_3DPAY",
        "linkpos.simulator.payfor.terminals[0].user-pass=UcBN0",
        "linkpos.simulator.payfor.terminals[0].merchant-pass=12345678",
        "linkpos.simulator.payfor.terminals[1].mbr-id=5",
        "linkpos.simulator.payfor.terminals[1].merchant-id=085300000001111",
        "linkpos.simulator.payfor.terminals[1].user-code=CICEK_API",
        "linkpos.simulator.payfor.terminals[1].user-pass=Gizli1",
        "linkpos.simulator.payfor.terminals[1].merchant-pass=anahtar",
        "linkpos.simulator.payfor.terminals[1].merchant-name=Çiçek Pasajı Ltd. Şti.",
        "linkpos.simulator.payfor.terminals[2].mbr-id=5",
        "linkpos.simulator.payfor.terminals[2].merchant-id=085300000002222",
        "linkpos.simulator.payfor.terminals[2].user-code=SUNUCU_API",
        "linkpos.simulator.payfor.terminals[2].user-pass=Gizli2",
        "linkpos.simulator.payfor.terminals[2].merchant-pass=anahtar2",
        "linkpos.simulator.payfor.terminals[2].allowed-addresses=10.9.9.9",
})
class PayForTerminalSettingsTest {

    @LocalServerPort
    int port;

    /** The 3-D form of another terminal than the default one, signed with its key. */
    private static Map<String, String> formOf(String merchantId, String userCode, String merchantPass, String orderId) {
        Map<String, String> form = PayForMerchant.threeDForm(orderId, "25.00", "4155650100416111", "Ayşe Yılmaz");
        form.put("MerchantID", merchantId);
        form.put("UserCode", userCode);
        form.put("Hash", PayForMerchantHashes.formHash("5", orderId, "25.00", PayForMerchant.OK_URL, PayForMerchant.FAIL_URL,
                "Auth", "0", form.get("Rnd"), merchantPass));
        return form;
    }

    @Test
    void aTerminalOfItsOwnNameSignsWithItsOwnKey() {
        PayForMerchant merchant = new PayForMerchant(port);
        Page acs = merchant.postThreeD(formOf("085300000001111", "CICEK_API", "anahtar", "CICEK0001"));
        assertThat(acs.isChallenge()).as(acs.document().text()).isTrue();
        assertThat(acs.document().selectFirst("#acs-merchant").text()).isEqualTo("Çiçek Pasajı Ltd. Şti.");
        Callback callback = PayForMerchant.callback(merchant.answer(acs, "123456"));
        assertThat(callback.get("MrcName")).isEqualTo("Çiçek Pasajı Ltd. Şti.");
        assertThat(callback.get("MerchantID")).isEqualTo("085300000001111");
        assertThat(callback.get("ResponseHash")).isEqualTo(PayForMerchantHashes.callbackHash("SHA-1", "085300000001111",
                "anahtar", "CICEK0001", "", "V033", "1", callback.get("ResponseRnd"), "CICEK_API"));
        // the default terminal's key does not sign for it
        assertThat(merchant.postThreeD(formOf("085300000001111", "CICEK_API", "12345678", "CICEK0002")).isChallenge()).isFalse();
        // its API takes its own password, not another terminal's
        Map<String, String> provision = merchant.xml("RequestGuid", callback.get("RequestGuid"), "UserCode", "CICEK_API",
                "UserPass", "UcBN0", "OrderId", "CICEK0001", "SecureType", "3DModelPayment");
        assertThat(provision.get("ProcReturnCode")).isEqualTo("V004");
        assertThat(merchant.xml("RequestGuid", callback.get("RequestGuid"), "UserCode", "CICEK_API", "UserPass", "Gizli1",
                "OrderId", "CICEK0001", "SecureType", "3DModelPayment").get("ProcReturnCode")).isEqualTo("00");
        // and the default terminal knows nothing of its orders
        assertThat(merchant.inquire("CICEK0001").get("ProcReturnCode")).isEqualTo("V013");
    }

    @Test
    void aTerminalWithAnAddressListRefusesOtherAddressesWithM047() {
        PayForMerchant merchant = new PayForMerchant(port);
        Page answer = merchant.postThreeD(formOf("085300000002222", "SUNUCU_API", "anahtar2", "SUNUCU0001"));
        assertThat(answer.isChallenge()).isFalse();
        Callback callback = PayForMerchant.callback(answer);
        assertThat(callback.get("ProcReturnCode")).isEqualTo("M047");
        assertThat(callback.get("ErrMsg")).isEqualTo("Bu kullanıcı için IP kısıtlaması vardır");
        assertThat(merchant.xml("MerchantId", "085300000002222", "UserCode", "SUNUCU_API", "UserPass", "Gizli2",
                "OrgOrderId", "SUNUCU0001", "SecureType", "Inquiry", "TxnType", "OrderInquiry").get("ProcReturnCode"))
                .isEqualTo("M047");
    }

    @Test
    void aChallengeLeftUnansweredFails() throws InterruptedException {
        PayForMerchant merchant = new PayForMerchant(port);
        Page acs = merchant.postThreeD(PayForMerchant.threeDForm("LATE0001", "5.00", "4155650100416111", "Ayşe Yılmaz"));
        assertThat(acs.isChallenge()).isTrue();
        Thread.sleep(1_300);
        Callback callback = PayForMerchant.callback(merchant.answer(acs, "123456"));
        assertThat(callback.get("3DStatus")).isEqualTo("-1");
        assertThat(callback.get("ProcReturnCode")).isEqualTo("V034");
        assertThat(callback.action()).isEqualTo(PayForMerchant.FAIL_URL);
    }
}
