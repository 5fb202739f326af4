package com.linkpos.payfor;

import com.linkpos.shared.Hashes;
import java.util.Locale;
import java.util.Optional;

/**
 * PayFor's hashes (docs/VPOS.md A3): the plain concatenation of the fields, no separators, UTF-8,
 * hashed and Base64'd. The 3-D form's is SHA-1; the callback's is SHA-1 too, except some error answers
 * that come as SHA-256 without saying so: the digest is chosen by {@code HashType} when sent, else by
 * the length of the hash.
 */
final class PayForHash {

    private PayForHash() {
    }

    /** A3.1: the 3-D form's {@code Hash}. */
    static String request(String mbrId, String orderId, String purchAmount, String okUrl, String failUrl, String txnType,
                          String installmentCount, String rnd, String merchantPass) {
        return Hashes.base64("SHA-1", mbrId + orderId + purchAmount + okUrl + failUrl + txnType + installmentCount + rnd
                + merchantPass);
    }

    /** A3.2: the callback's {@code ResponseHash} as it must be, in the digest the answer uses; empty if none fits. */
    static Optional<String> response(String merchantId, String merchantPass, String orderId, String authCode,
                                     String procReturnCode, String threeDStatus, String responseRnd, String userCode,
                                     String hashType, String presented) {
        return digestOf(hashType, presented).map(digest -> Hashes.base64(digest, merchantId + merchantPass + blank(orderId)
                + blank(authCode) + blank(procReturnCode) + blank(threeDStatus) + blank(responseRnd) + userCode));
    }

    private static Optional<String> digestOf(String hashType, String presented) {
        if (hashType != null && !hashType.isBlank()) {
            return switch (hashType.strip().toLowerCase(Locale.ROOT)) {
                case "sha1" -> Optional.of("SHA-1");
                case "sha256" -> Optional.of("SHA-256");
                case "sha512" -> Optional.of("SHA-512");
                default -> Optional.empty();
            };
        }
        int length = presented == null ? 0 : presented.strip().length();
        return switch (length) {
            case 28 -> Optional.of("SHA-1");
            case 44 -> Optional.of("SHA-256");
            case 88 -> Optional.of("SHA-512");
            default -> Optional.empty();
        };
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
