package com.linkpos.payfor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One merchant's PayFor terminal, as the bank set it up (API.md "Acquirers"): the gateway's address,
 * the institution and merchant numbers, the API user and its password, the 3-D key (MerchantPass);
 * whether the 3-D form must come from LinkPOS's server (QNB's IP rule M047); whether LinkPOS's end of
 * day closes the terminal's batch (the simulator; a real terminal closes its own); the issuer programs
 * that may pay in installments [A7].
 */
record PayForTerminal(String gatewayUrl, String mbrId, String merchantId, String userCode, String userPass,
                      String merchantPass, boolean threeDFromServer, boolean batchClose, List<String> installmentPrograms) {

    /** QNB's programs [L4][P4], for a terminal that names none. */
    static final List<String> QNB_PROGRAMS = List.of("QNB Finansbank", "Enpara.com", "HSBC Advantage");

    static PayForTerminal of(Map<String, String> settings) {
        String programs = settings.getOrDefault("installmentPrograms", "");
        String url = settings.get("gatewayUrl").strip();
        return new PayForTerminal(url.endsWith("/") ? url.substring(0, url.length() - 1) : url, settings.get("mbrId"),
                settings.get("merchantId"), settings.get("userCode"), settings.get("userPass"), settings.get("merchantPass"),
                Boolean.parseBoolean(settings.get("threeDFromServer")), Boolean.parseBoolean(settings.get("batchClose")),
                programs.isBlank() ? QNB_PROGRAMS : Arrays.stream(programs.split(",")).map(String::strip)
                        .filter(program -> !program.isEmpty()).toList());
    }

    @Override
    public String toString() {
        return "PayForTerminal[" + gatewayUrl + ", " + merchantId + "]"; // never the passwords
    }
}
