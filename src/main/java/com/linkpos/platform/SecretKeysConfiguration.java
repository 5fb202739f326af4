package com.linkpos.platform;

import com.linkpos.shared.SecretBox;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key ring of {@link SecretBox}: {@code linkpos.secrets.keys} ({@code LINKPOS_SECRETS_KEYS}), a
 * list of {@code id:base64} keys of 32 bytes, the first sealing. With none configured (a demo, the
 * embedded default) LinkPOS makes one and keeps it in the database: the secrets are then not in clear,
 * but the key lies beside them, so production configures its own (docs/SECURITY.md). A key kept in
 * the database still opens what it sealed after keys are configured, until everything is sealed again.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretKeysConfiguration.class);
    private static final String STORED = "stored";

    @ConfigurationProperties("linkpos.secrets")
    record Settings(List<String> keys) {
        Settings {
            keys = keys == null ? List.of() : keys.stream().filter(key -> !key.isBlank()).toList();
        }
    }

    @Bean
    SecretBox secretBox(Settings settings, JdbcClient jdbc) {
        return new SecretBox(() -> {
            List<SecretBox.Key> ring = new ArrayList<>(settings.keys().stream().map(SecretBox.Key::parse).toList());
            if (ring.isEmpty()) {
                log.warn("No LINKPOS_SECRETS_KEYS configured: secrets are sealed with a key kept in the database");
                ring.add(storedKey(jdbc).orElseGet(() -> newStoredKey(jdbc)));
            } else {
                storedKey(jdbc).ifPresent(ring::add);
            }
            return ring;
        });
    }

    private static Optional<SecretBox.Key> storedKey(JdbcClient jdbc) {
        return jdbc.sql("SELECT key_bytes FROM secret_keys WHERE id = :id").param("id", STORED)
                .query(byte[].class).optional().map(bytes -> new SecretBox.Key(STORED, bytes));
    }

    /** Several instances may start at once: the first insert wins and all read the same key. */
    private static SecretBox.Key newStoredKey(JdbcClient jdbc) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        jdbc.sql("INSERT INTO secret_keys (id, key_bytes, created_at) VALUES (:id, :bytes, now()) ON CONFLICT DO NOTHING")
                .param("id", STORED).param("bytes", bytes).update();
        return storedKey(jdbc).orElseThrow();
    }
}
