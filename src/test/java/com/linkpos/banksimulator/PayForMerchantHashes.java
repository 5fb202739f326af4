package com.linkpos.banksimulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * PayFor's hashes as a merchant's integration writes them from docs/VPOS.md A3, independently of
 * the simulator's own code: the tests check the simulator against this, and this against the
 * document's vectors ({@link PayForHashVectorsTest}).
 */
final class PayForMerchantHashes {

    private PayForMerchantHashes() {
    }

    /** A3.1, the 3-D form's Hash. */
    static String formHash(String mbrId, String orderId, String purchAmount, String okUrl, String failUrl, String txnType,
                           String installmentCount, String rnd, String merchantPass) {
        return digest("SHA-1", mbrId + orderId + purchAmount + okUrl + failUrl + txnType + installmentCount + rnd + merchantPass);
    }

    /** A3.2, the callback's ResponseHash, in SHA-1 or SHA-256. */
    static String callbackHash(String algorithm, String merchantId, String merchantPass, String orderId, String authCode,
                               String procReturnCode, String threeDStatus, String responseRnd, String userCode) {
        return digest(algorithm, merchantId + merchantPass + orderId + authCode + procReturnCode + threeDStatus
                + responseRnd + userCode);
    }

    /** The digest a callback's ResponseHash was made with: by HashType when given, else by its length (A3.2). */
    static String algorithmOf(String hashType, String responseHash) {
        if (hashType != null && !hashType.isEmpty()) {
            return switch (hashType) {
                case "Sha1" -> "SHA-1";
                case "Sha256" -> "SHA-256";
                case "Sha512" -> "SHA-512";
                default -> throw new AssertionError("unknown HashType " + hashType);
            };
        }
        return switch (responseHash.length()) {
            case 28 -> "SHA-1";
            case 44 -> "SHA-256";
            case 88 -> "SHA-512";
            default -> throw new AssertionError("a ResponseHash of " + responseHash.length() + " characters");
        };
    }

    private static String digest(String algorithm, String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
