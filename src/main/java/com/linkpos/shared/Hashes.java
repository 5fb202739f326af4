package com.linkpos.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA256 as lowercase hex, the one form the project stores and sends them in; and the
 * Base64 digests bank gateways sign their forms and answers with.
 */
public final class Hashes {

    private Hashes() {
    }

    /** SHA-256 of the parts, one after the other. */
    public static String sha256Hex(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** HMAC-SHA256 of the UTF-8 message under the key. */
    public static String hmacSha256Hex(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@code digest} ("SHA-1", "SHA-512", …) of the UTF-8 text, Base64: the form of the banks' hashes. */
    public static String base64(String digest, String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance(digest)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether a presented hash is the expected one, compared in constant time (surrounding blanks aside). */
    public static boolean matches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.strip().getBytes(StandardCharsets.UTF_8));
    }
}
