package com.linkpos.banksimulator;

import java.util.List;

/**
 * One PayFor terminal of the simulated bank, as the bank would set it up for a merchant: the
 * institution ({@code MbrId}), the merchant number ({@code MerchantID}), the API user and its
 * password, the 3-D "store key" ({@code MerchantPass}, used only in hashes), the name the callback
 * and the ACS page show ({@code MrcName}), the terminal id, and the addresses its requests may come
 * from (QNB's IP rule, M047; empty: any address).
 */
record PayForTerminal(String mbrId, String merchantId, String userCode, String userPass, String merchantPass,
                      String merchantName, String terminalId, List<String> allowedAddresses) {

    /** QNB Finansbank's public test terminal (docs/VPOS.md A1), the one every merchant pays through by default. */
    static final PayForTerminal PUBLIC_TEST = new PayForTerminal("5", "085300000009704", "QNB_API_KULLANICI_3DPAY",
            "UcBN0", "12345678", "3D PAY TEST ISYERI", "VS010481", List.of());

    PayForTerminal {
        mbrId = mbrId == null ? "" : mbrId.strip();
        merchantId = merchantId == null ? "" : merchantId.strip();
        userCode = userCode == null ? "" : userCode.strip();
        userPass = userPass == null ? "" : userPass;
        merchantPass = merchantPass == null ? "" : merchantPass;
        merchantName = merchantName == null || merchantName.isBlank() ? merchantId : merchantName.strip();
        terminalId = terminalId == null ? "" : terminalId.strip();
        allowedAddresses = allowedAddresses == null ? List.of() : List.copyOf(allowedAddresses);
    }

    /** Whether a request from this address may use the terminal. */
    boolean allows(String address) {
        return allowedAddresses.isEmpty() || allowedAddresses.contains(address);
    }

    /** Secrets stay out of logs and exception messages. */
    @Override
    public String toString() {
        return "PayForTerminal[" + mbrId + "/" + merchantId + " " + userCode + "]";
    }
}
