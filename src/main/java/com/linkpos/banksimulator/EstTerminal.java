package com.linkpos.banksimulator;

import java.util.List;

/**
 * One EST v3 terminal of the simulated bank, as an EST bank sets it up for a merchant: the merchant
 * number ({@code clientid}), the API user and password ({@code Name}, {@code Password} of every
 * {@code CC5Request}), the 3-D store key (used only in hashes), the name its pages show and its
 * terminal id.
 */
record EstTerminal(String clientId, String username, String password, String storeKey, String merchantName,
                   String terminalId) {

    /** The public test terminals of docs/VPOS.md B1 (Ziraat's Payten v3 and İşbank's), known by default. */
    static final List<EstTerminal> PUBLIC_TEST = List.of(
            new EstTerminal("190100000", "ZIRAATAPI", "ZIRAAT19", "123456", "ZIRAAT TEST ISYERI", "00190100"),
            new EstTerminal("700655000200", "ISBANKAPI", "ISBANK07", "TRPS0200", "ISBANK TEST ISYERI", "00655020"));

    EstTerminal {
        clientId = clientId == null ? "" : clientId.strip();
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        storeKey = storeKey == null ? "" : storeKey;
        merchantName = merchantName == null || merchantName.isBlank() ? clientId : merchantName.strip();
        terminalId = terminalId == null ? "" : terminalId.strip();
    }

    /** Secrets stay out of logs and exception messages. */
    @Override
    public String toString() {
        return "EstTerminal[" + clientId + " " + username + "]";
    }
}
