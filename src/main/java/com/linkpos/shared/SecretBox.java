package com.linkpos.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets LinkPOS must use again later (webhook signing secrets, gateway passwords and store keys
 * [A2]) are kept sealed: AES-256-GCM under a key from configuration, never in clear in the database.
 * A sealed value reads {@code v1:<key id>:<base64 of nonce and ciphertext>}; the purpose (what the
 * secret is for) is authenticated with it, so a sealed value cannot be moved to another column.
 *
 * <p>Keys rotate: the first key of the ring seals, every key of it opens; {@link #isCurrent} tells
 * the owners of sealed values which ones to seal again.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key of the ring: its id (stored beside what it sealed) and 32 bytes. */
    public record Key(String id, byte[] bytes) {
        public Key {
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("a secret key id is 1-32 of [A-Za-z0-9_-]");
            }
            if (bytes.length != 32) {
                throw new IllegalArgumentException("secret key " + id + " must be 32 bytes (base64 of 32 random bytes)");
            }
        }

        /** "id:base64", as configuration gives keys. */
        public static Key parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("a secret key is written id:base64");
            }
            return new Key(text.substring(0, colon).strip(), Base64.getDecoder().decode(text.substring(colon + 1).strip()));
        }

        @Override
        public String toString() {
            return "Key[" + id + "]"; // never the key itself
        }
    }

    /** A sealed value that cannot be opened: tampered, of another purpose, or sealed under a key no longer in the ring. */
    public static final class Unopenable extends RuntimeException {
        Unopenable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Supplier<List<Key>> ring;
    private volatile Map<String, Key> keys;
    private volatile Key current;

    /** The ring is read on first use: a ring kept in the database exists only once the schema does. */
    public SecretBox(Supplier<List<Key>> ring) {
        this.ring = ring;
    }

    public String seal(String purpose, String plain) {
        Key key = current();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce, purpose).apply(plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        return VERSION + ":" + key.id() + ":" + Base64.getEncoder().encodeToString(out);
    }

    public String open(String purpose, String sealed) {
        String[] parts = sealed == null ? new String[0] : sealed.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new Unopenable("not a sealed value");
        }
        loaded();
        Key key = keys.get(parts[1]);
        if (key == null) {
            throw new Unopenable("sealed under key " + parts[1] + ", which is not in the ring");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException garbled) {
            throw new Unopenable("garbled");
        }
        if (in.length <= NONCE_BYTES) {
            throw new Unopenable("garbled");
        }
        byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
        byte[] plain = cipher(Cipher.DECRYPT_MODE, key, nonce, purpose)
                .apply(java.util.Arrays.copyOfRange(in, NONCE_BYTES, in.length));
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** Whether a stored value is sealed under the current key (else: plain text from before, or an older key). */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(VERSION + ":" + current().id() + ":");
    }

    /** Whether a stored value is sealed at all (values stored before sealing existed are not). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(VERSION + ":");
    }

    private Key current() {
        loaded();
        return current;
    }

    private void loaded() {
        if (keys == null) {
            synchronized (this) {
                if (keys == null) {
                    List<Key> all = ring.get();
                    if (all.isEmpty()) {
                        throw new IllegalStateException("no secret key");
                    }
                    Map<String, Key> byId = new LinkedHashMap<>();
                    all.forEach(key -> byId.putIfAbsent(key.id(), key));
                    current = all.get(0);
                    keys = byId;
                }
            }
        }
    }

    private interface Step {
        byte[] apply(byte[] input);
    }

    private static Step cipher(int mode, Key key, byte[] nonce, String purpose) {
        return input -> {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(mode, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
                return cipher.doFinal(input);
            } catch (javax.crypto.AEADBadTagException tampered) {
                throw new Unopenable("tampered, or sealed for another purpose");
            } catch (GeneralSecurityException impossible) {
                throw new IllegalStateException(impossible);
            }
        };
    }
}
