package com.linkpos.checkout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** {@link GatewayFaultsContract} for EST v3 (VPOS.md B5, B6): its API is the same XML endpoint for every call. */
class EstFaultsTest extends GatewayFaultsContract {

    @Override
    protected String simulatorPath() {
        return "/simulator/est";
    }

    @Override
    protected Map<String, Object> terminal(String gatewayUrl) {
        Map<String, Object> terminal = new LinkedHashMap<>();
        terminal.put("type", "EST");
        terminal.put("gatewayUrl", gatewayUrl);
        terminal.put("clientId", "190100000");
        terminal.put("username", "ZIRAATAPI");
        terminal.put("password", "ZIRAAT19");
        terminal.put("storeKey", "123456");
        terminal.put("dayEndUrl", api.baseUrl() + "/simulator/est/dayend");
        return terminal;
    }

    @Override
    protected String provisionCall() {
        return "Auth";
    }

    @Override
    protected String inquiryCall() {
        return "ORDERSTATUS";
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                Arguments.of("a wrong HASH", "HASH", "bm90IHRoZSBiYW5rJ3M="),
                Arguments.of("no HASH", "HASH", ""),
                Arguments.of("another order's oid", "oid", "ZZZZ0000000000000001"),
                Arguments.of("another amount", "amount", "2.50"),
                Arguments.of("another currency", "currency", "840"),
                Arguments.of("a field the bank did not sign", "BillToCompany", "Sahte A.Ş."));
    }
}
