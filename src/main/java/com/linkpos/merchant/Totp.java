package com.linkpos.merchant;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * [S1] RFC 6238 time-based codes as authenticator apps make them: HMAC-SHA1, 30-second steps, 6 digits, a
 * 160-bit secret shown as Base32. A code of the step before or after is taken too (a phone's clock drifts,
 * a person types slowly); which step matched is returned, so a code is never accepted twice.
 */
final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    static String base32(byte[] secret) {
        return new Base32().encodeToString(secret).replace("=", "");
    }

    static byte[] fromBase32(String text) {
        return new Base32().decode(text);
    }

    /** What an authenticator app reads from the QR code: issuer LinkPOS, the user's name, the secret. */
    static String uri(String username, byte[] secret) {
        String label = URLEncoder.encode("LinkPOS:" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=LinkPOS&algorithm=SHA1&digits=6&period=30";
    }

    /** The code of the step {@code at} falls in, with {@code digits} digits (6 for people; RFC 6238's vectors use 8). */
    static String code(byte[] secret, Instant at, int digits) {
        try {
            return new TimeBasedOneTimePasswordGenerator(STEP, digits, "HmacSHA1")
                    .generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), at);
        } catch (InvalidKeyException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static long step(Instant at) {
        return at.getEpochSecond() / STEP.getSeconds();
    }

    /** The step whose code {@code typed} is, among the one of {@code now} and its two neighbours; empty if none. */
    static OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
        String digits = typed == null ? "" : typed.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        for (int offset = -1; offset <= 1; offset++) {
            Instant at = now.plus(STEP.multipliedBy(offset));
            if (java.security.MessageDigest.isEqual(code(secret, at, 6).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step(at));
            }
        }
        return OptionalLong.empty();
    }
}
