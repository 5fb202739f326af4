package com.linkpos.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** The idempotency_keys table: who claimed a key, with which request, and what was answered. */
@Repository
class IdempotencyKeys {

    /** A claim that outlives its request by this much belonged to a process that died: it is freed. */
    private static final Duration ABANDONED = Duration.ofMinutes(5);

    enum Outcome { CLAIMED, REPLAY, REUSED, IN_PROGRESS }

    record Claim(Outcome outcome, int status, String contentType, byte[] body) {
        static Claim of(Outcome outcome) {
            return new Claim(outcome, 0, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    /** {@code linkpos.idempotency.retention}: how long a key and its answer are kept (API.md promises 24 h at least). */
    @ConfigurationProperties("linkpos.idempotency")
    record Settings(Duration retention) {
        Settings {
            retention = retention == null ? Duration.ofHours(48) : retention;
        }
    }

    IdempotencyKeys(JdbcClient jdbc, Clock clock, Settings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = settings.retention();
    }

    /** Tries of a key that keeps being released between our insert and our read. */
    private static final int CLAIM_TRIES = 3;

    Claim claim(String scope, String key, String hash) {
        for (int tries = 0; tries < CLAIM_TRIES; tries++) {
            Instant now = clock.instant();
            // A new key is claimed; so is one whose earlier request was abandoned in progress (its instance died).
            boolean claimed = jdbc.sql("""
                            INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at)
                            VALUES (:scope, :key, :hash, 'IN_PROGRESS', :now)
                            ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at
                            WHERE idempotency_keys.status = 'IN_PROGRESS' AND idempotency_keys.created_at < :abandoned""")
                    .param("scope", scope).param("key", key).param("hash", hash).param("now", Timestamp.from(now))
                    .param("abandoned", Timestamp.from(now.minus(ABANDONED)))
                    .update() == 1;
            if (claimed) {
                return Claim.of(Outcome.CLAIMED);
            }
            Map<String, Object> row = jdbc.sql("SELECT * FROM idempotency_keys WHERE scope = :scope AND key = :key")
                    .param("scope", scope).param("key", key).query().listOfRows().stream().findFirst().orElse(null);
            if (row == null) {
                continue; // released in between: try again
            }
            if (!hash.equals(row.get("request_hash"))) {
                return Claim.of(Outcome.REUSED);
            }
            if ("IN_PROGRESS".equals(row.get("status"))) {
                return Claim.of(Outcome.IN_PROGRESS);
            }
            return new Claim(Outcome.REPLAY, ((Number) row.get("response_status")).intValue(), (String) row.get("response_type"),
                    (byte[]) row.get("response_body"));
        }
        return Claim.of(Outcome.IN_PROGRESS); // others keep taking and releasing it: the client may try again
    }

    void complete(String scope, String key, int status, String contentType, byte[] body) {
        jdbc.sql("""
                        UPDATE idempotency_keys SET status = 'DONE', response_status = :status, response_type = :type,
                               response_body = :body WHERE scope = :scope AND key = :key""")
                .param("status", status).param("type", contentType).param("body", body)
                .param("scope", scope).param("key", key).update();
    }

    void release(String scope, String key) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE scope = :scope AND key = :key AND status = 'IN_PROGRESS'")
                .param("scope", scope).param("key", key).update();
    }

    /** Keys are kept for the retention (48 h by default; API.md promises at least 24 h), then forgotten. */
    @Scheduled(fixedDelayString = "${linkpos.idempotency.sweep}")
    void forgetOld() {
        jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(retention))).update();
    }
}
