package com.linkpos.banksimulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * PayFor's two hashes (docs/VPOS.md A3): the digest of the plain concatenation of the fields (no
 * separator) as UTF-8, raw bytes in Base64. The merchant signs its 3-D form with the request hash
 * (A3.1); the bank signs its callback with the response hash (A3.2), in SHA-1 (and says
 * {@code HashType=Sha1}) except in the one kind of answer where the real bank was seen to use SHA-256.
 */
final class PayForHash {

    /** The digests the bank signs its callbacks with; {@code hashType} is what the callback's HashType says. */
    enum Digest {
        SHA1("SHA-1", "Sha1"), SHA256("SHA-256", "Sha256");

        private final String algorithm;
        final String hashType;

        Digest(String algorithm, String hashType) {
            this.algorithm = algorithm;
            this.hashType = hashType;
        }
    }

    private PayForHash() {
    }

    /** A3.1: MbrId + OrderId + PurchAmount + OkUrl + FailUrl + TxnType + InstallmentCount + Rnd + MerchantPass. */
    static String request(String mbrId, String orderId, String purchAmount, String okUrl, String failUrl, String txnType,
                          String installmentCount, String rnd, String merchantPass) {
        return base64(Digest.SHA1, mbrId, orderId, purchAmount, okUrl, failUrl, txnType, installmentCount, rnd, merchantPass);
    }

    /** A3.2: MerchantID + MerchantPass + OrderId + AuthCode + ProcReturnCode + 3DStatus + ResponseRnd + UserCode. */
    static String response(Digest digest, PayForTerminal terminal, String orderId, String authCode, String procReturnCode,
                           String threeDStatus, String responseRnd) {
        return base64(digest, terminal.merchantId(), terminal.merchantPass(), orderId, authCode, procReturnCode,
                threeDStatus, responseRnd, terminal.userCode());
    }


    private static String base64(Digest digest, String... parts) {
        try {
            MessageDigest message = MessageDigest.getInstance(digest.algorithm);
            for (String part : parts) {
                message.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getEncoder().encodeToString(message.digest());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
