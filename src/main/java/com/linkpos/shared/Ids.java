package com.linkpos.shared;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Identifiers of LinkPOS objects and secrets.
 * Ids ("lnk_01J…") are ULID-like: a millisecond timestamp and 80 random bits in Crockford base32,
 * so they sort by creation time and serve as keyset-pagination cursors.
 * Tokens and keys are 256 random bits, base64url.
 */
public final class Ids {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId(String prefix) {
        char[] out = new char[26];
        long time = System.currentTimeMillis();
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            out[i] = CROCKFORD[RANDOM.nextInt(32)];
        }
        return prefix + "_" + new String(out);
    }

    /** A random string of Crockford base32 characters, for human-facing references. */
    public static String randomCode(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = CROCKFORD[RANDOM.nextInt(32)];
        }
        return new String(out);
    }

    /** 256 random bits, url-safe: unguessable link tokens and API keys. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
