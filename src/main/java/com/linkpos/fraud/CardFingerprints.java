package com.linkpos.fraud;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * [S4] A card's fingerprint: HMAC-SHA256 of its number under a key of its own
 * ({@code linkpos.security.card-fingerprint-key}, {@code LINKPOS_CARD_FINGERPRINT_KEY}, base64 of at least
 * 32 bytes), so the velocity of a card is counted without its number ever being kept, and a fingerprint
 * cannot be reversed by hashing every number of a BIN without the key. Not the SecretBox ring: that one
 * rotates, and a new fingerprint key would forget every card's attempts. With none configured (a demo, the
 * embedded default) a key is made once and kept in the database, as SecretBox's is: every instance reads
 * the same one (docs/SECURITY.md).
 */
@Component
public class CardFingerprints {

    private static final Logger log = LoggerFactory.getLogger(CardFingerprints.class);
    private static final String STORED = "card-fingerprint";
    private static final int KEY_BYTES = 32;

    private final JdbcClient jdbc;
    private final String configured;
    private volatile SecretKeySpec key;

    CardFingerprints(JdbcClient jdbc, @Value("${linkpos.security.card-fingerprint-key:}") String configured) {
        this.jdbc = jdbc;
        this.configured = configured.strip();
        if (!this.configured.isEmpty()) {
            key = keyOf(this.configured); // a bad key stops the start, not the first payment
        }
    }

    /** The fingerprint of the card of {@code number} (digits only): 64 hex digits. */
    public String of(String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(number.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            log.warn("No LINKPOS_CARD_FINGERPRINT_KEY configured: card fingerprints use a key kept in the database");
            known = new SecretKeySpec(storedKey(), "HmacSHA256");
            key = known;
        }
        return known;
    }

    private static SecretKeySpec keyOf(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("linkpos.security.card-fingerprint-key is not base64");
        }
        if (bytes.length < KEY_BYTES) {
            throw new IllegalStateException("linkpos.security.card-fingerprint-key must be at least 32 bytes (base64)");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** Several instances may start at once: the first insert wins and all read the same key. */
    private byte[] storedKey() {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO secret_keys (id, key_bytes, created_at) VALUES (:id, :bytes, now()) ON CONFLICT DO NOTHING")
                .param("id", STORED).param("bytes", fresh).update();
        return jdbc.sql("SELECT key_bytes FROM secret_keys WHERE id = :id").param("id", STORED).query(byte[].class).single();
    }
}
