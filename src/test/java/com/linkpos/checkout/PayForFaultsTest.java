package com.linkpos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Payer;
import com.linkpos.support.Payer.Card;
import com.linkpos.support.Payer.Result;
import com.linkpos.support.TestData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** {@link GatewayFaultsContract} for QNB's PayFor (VPOS.md A6), and a PayFor bank that cannot be reached at all. */
class PayForFaultsTest extends GatewayFaultsContract {

    @Override
    protected String simulatorPath() {
        return "/simulator/payfor";
    }

    @Override
    protected Map<String, Object> terminal(String gatewayUrl) {
        Map<String, Object> terminal = new LinkedHashMap<>();
        terminal.put("type", "PAYFOR");
        terminal.put("gatewayUrl", gatewayUrl);
        terminal.put("mbrId", "5");
        terminal.put("merchantId", "085300000009704");
        terminal.put("userCode", "QNB_API_KULLANICI_3DPAY");
        terminal.put("userPass", "UcBN0");
        terminal.put("merchantPass", "12345678");
        terminal.put("batchClose", true);
        return terminal;
    }

    @Override
    protected String provisionCall() {
        return "3DModelPayment/";
    }

    @Override
    protected String inquiryCall() {
        return "Inquiry/OrderInquiry";
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                Arguments.of("a wrong ResponseHash", "ResponseHash", "bm90IHRoZSBiYW5rJ3M="),
                Arguments.of("no ResponseHash", "ResponseHash", ""),
                Arguments.of("another order's OrderId", "OrderId", "ZZZZ0000000000000001"),
                Arguments.of("another amount", "PurchAmount", "2.50"),
                Arguments.of("another currency", "Currency", "840"));
    }

    @Test
    void aBankThatCannotBeReachedAtAllIsAPlainPageForThePayer() {
        Api.Response set = api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(), Api.json(Map.of(
                "acquirer", Map.of("type", "PAYFOR", "gatewayUrl", "http://127.0.0.1:9", "mbrId", "5",
                        "merchantId", "085300000009704", "userCode", "QNB_API_KULLANICI_3DPAY", "userPass", "UcBN0",
                        "merchantPass", "12345678", "threeDFromServer", true))));
        assertThat(set.status()).isEqualTo(200);
        Api.CreatedLink link = link();
        Payer payer = new Payer(port);
        Result result = Payer.result(payer.followAll(payer.submit(payer.open(link.token()), Card.of("4155650100416111"), null)));
        assertThat(result.status()).isEqualTo("DECLINED");
        assertThat(result.reason()).isEqualTo("BANK_ERROR");
        assertThat(result.page().document().selectFirst("#result-reason").text()).contains("Bankaya ulaşılamadı");
        assertThat(result.page().body()).doesNotContain("Exception").doesNotContain("127.0.0.1:9");
    }
}
