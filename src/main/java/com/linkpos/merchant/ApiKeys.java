package com.linkpos.merchant;

import com.linkpos.audit.AuditTrail;
import com.linkpos.audit.Changes;
import org.springframework.transaction.annotation.Transactional;

import com.linkpos.platform.Role;
import com.linkpos.platform.Caller;
import com.linkpos.platform.ApiKeyAuthenticator;
import com.linkpos.shared.Hashes;
import com.linkpos.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API keys: 256 random bits shown once, kept as SHA-256 (a slow hash adds nothing for a key with
 * that much entropy, and a fast one lets every request look its key up by index).
 */
@Repository
class ApiKeys implements ApiKeyAuthenticator {

    static final String PREFIX = "lp_";
    /** Writing last_used_at on every call would turn each read into a write; once a minute is enough. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    private final AuditTrail audit;

    ApiKeys(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new key for a merchant (or the bank when merchantId is null); the only time it is readable. */
    @Transactional
    String issue(String merchantId, Role role, String name) {
        String key = PREFIX + Ids.newSecret();
        String id = store(merchantId, role, name, key);
        audit.record("api_key.created", merchantId, id, Changes.none().set("name", name).set("role", role)
                .set("hint", key.substring(key.length() - 4)));
        return key;
    }

    /** Makes the key of known value (the bank key given by configuration) the only live key of that name. */
    void ensureOnly(String key, Role role, String name) {
        jdbc.sql("UPDATE api_keys SET revoked_at = :now WHERE name = :name AND merchant_id IS NULL AND key_hash <> :hash AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("name", name).param("hash", hash(key)).update();
        if (authenticate(key).isEmpty()) {
            store(null, role, name, key);
        }
    }

    /** A key as its merchant's admin sees it: never the key itself, only its last four characters. */
    record KeyRow(String id, String name, String hint, Instant createdAt, Instant lastUsedAt,
                  Instant revokedAt) {
    }

    java.util.List<KeyRow> ofMerchant(String merchantId) {
        return jdbc.sql("SELECT * FROM api_keys WHERE merchant_id = :merchant ORDER BY created_at DESC")
                .param("merchant", merchantId)
                .query((rs, row) -> new KeyRow(rs.getString("id"), rs.getString("name"), rs.getString("key_hint"),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /** Revokes a key of the merchant at once; false when there is no such key. */
    @Transactional
    boolean revoke(String merchantId, String id) {
        Instant now = clock.instant();
        boolean revoked = jdbc.sql("UPDATE api_keys SET revoked_at = :now WHERE merchant_id = :merchant AND id = :id AND revoked_at IS NULL")
                .param("now", Timestamp.from(now)).param("merchant", merchantId).param("id", id).update() == 1;
        if (revoked) {
            audit.record("api_key.revoked", merchantId, id, Changes.none().set("revokedAt", now));
            return true;
        }
        // revoking again is harmless
        return jdbc.sql("SELECT count(*) FROM api_keys WHERE merchant_id = :merchant AND id = :id")
                .param("merchant", merchantId).param("id", id).query(Long.class).single() == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public Optional<Caller> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(key);
        Instant now = clock.instant();
        Instant stale = now.minus(LAST_USED_RESOLUTION);
        // reading last_used_at with the key means the common call (used within the minute) writes nothing
        record Row(Caller caller, Instant lastUsed) {
        }
        Optional<Row> found = jdbc.sql("""
                        SELECT id, merchant_id, role, last_used_at FROM api_keys WHERE key_hash = :hash AND revoked_at IS NULL""")
                .param("hash", hash)
                .query((rs, row) -> new Row(
                        Caller.ofApiKey(rs.getString("merchant_id"), Role.valueOf(rs.getString("role")), rs.getString("id")),
                        instant(rs.getTimestamp("last_used_at"))))
                .optional();
        found.filter(row -> row.lastUsed() == null || row.lastUsed().isBefore(stale))
                .ifPresent(row -> markUsed(hash, now, stale));
        return found.map(Row::caller);
    }

    private void markUsed(String hash, Instant now, Instant stale) {
        jdbc.sql("""
                UPDATE api_keys SET last_used_at = :now
                WHERE key_hash = :hash AND (last_used_at IS NULL OR last_used_at < :stale)""")
                .param("now", Timestamp.from(now)).param("hash", hash).param("stale", Timestamp.from(stale))
                .update();
    }

    private String store(String merchantId, Role role, String name, String key) {
        String id = Ids.newId("key");
        jdbc.sql("""
                INSERT INTO api_keys (id, merchant_id, role, name, key_hash, key_hint, created_at, created_by)
                VALUES (:id, :merchant, :role, :name, :hash, :hint, :now, :by)""")
                .param("id", id).param("merchant", merchantId).param("role", role.name())
                .param("name", name).param("hash", hash(key)).param("hint", key.substring(key.length() - 4))
                .param("now", Timestamp.from(clock.instant()))
                // [S3] whose key it is: the admin (or the bank) who made it
                .param("by", Caller.current().map(Caller::name).orElse(null))
                .update();
        return id;
    }

    static String hash(String key) {
        return Hashes.sha256Hex(key.getBytes(StandardCharsets.UTF_8));
    }
}
