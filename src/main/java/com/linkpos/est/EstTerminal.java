package com.linkpos.est;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One merchant's EST terminal, as the bank set it up (API.md "Acquirers", type EST): the gateway's
 * address (API at {@code {gatewayUrl}/fim/api}; the 3-D gate at {@code {gatewayUrl}/fim/est3Dgate}
 * unless the bank's own {@code threeDGateUrl} is given, e.g. Halkbank's lower-case {@code est3dgate}),
 * the client id, the API user and its password, the store key of the hashes; where LinkPOS announces its
 * end of day (the simulator's; a real EST bank closes its day by itself); the issuer programs whose
 * credit cards may pay in installments [A7].
 */
record EstTerminal(String gatewayUrl, String threeDGateUrl, String clientId, String username, String password,
                   String storeKey, String dayEndUrl, List<String> installmentPrograms) {

    static EstTerminal of(Map<String, String> settings) {
        String url = withoutSlash(settings.get("gatewayUrl"));
        String gate = settings.getOrDefault("threeDGateUrl", "");
        String programs = settings.getOrDefault("installmentPrograms", "");
        return new EstTerminal(url, gate == null || gate.isBlank() ? url + "/fim/est3Dgate" : gate.strip(),
                settings.get("clientId"), settings.get("username"), settings.get("password"), settings.get("storeKey"),
                blankToNull(settings.get("dayEndUrl")),
                Arrays.stream(programs == null ? new String[0] : programs.split(",")).map(String::strip)
                        .filter(program -> !program.isEmpty()).toList());
    }

    String apiUrl() {
        return gatewayUrl + "/fim/api";
    }

    private static String withoutSlash(String url) {
        String stripped = url.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "EstTerminal[" + gatewayUrl + ", " + clientId + "]"; // never the password or the store key
    }
}
