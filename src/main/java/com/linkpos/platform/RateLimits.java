package com.linkpos.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets shared by every instance: each key (an API key, a payer's address, a payment link) may spend a
 * burst at once and then earns tokens back at a steady rate, counted in the database ({@code rate_limits}, V33),
 * so N instances behind a load balancer allow what one would, not N times as much.
 *
 * <p>A bucket is kept as GCRA's one timestamp per key, the "theoretical arrival time" (tat) at which the bucket
 * is full again: each request moves it on by {@code per / requests}, and is let through while that keeps it
 * within {@code per} of now. Taking a token is one round trip, an {@code INSERT … ON CONFLICT … DO UPDATE …
 * WHERE} that decides under the row's lock, so two instances never both take the last token; only a refused
 * request asks once more, for its Retry-After. Time is the database's ({@code now()}), so instances whose clocks
 * differ still agree. docs/OPERATIONS.md says why this and not Bucket4j.
 */
@Component
class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    /** linkpos.rate-limit.*: how much each kind of caller may do. */
    @ConfigurationProperties("linkpos.rate-limit")
    record Settings(Limit api, Limit paymentPerAddress, Limit paymentPerLink) {
        Settings {
            api = api == null ? new Limit(100, Duration.ofSeconds(2)) : api;
            paymentPerAddress = paymentPerAddress == null ? new Limit(20, Duration.ofMinutes(10)) : paymentPerAddress;
            paymentPerLink = paymentPerLink == null ? new Limit(100, Duration.ofMinutes(10)) : paymentPerLink;
        }
    }

    /** {@code requests} at most within {@code per}; a burst of all of them is allowed. */
    record Limit(int requests, Duration per) {
        Limit {
            per = per == null ? Duration.ofMinutes(1) : per;
            if (requests < 1) {
                throw new IllegalArgumentException("a rate limit allows at least one request: " + requests);
            }
        }

        /** One request's share of the period: how far it moves the bucket's tat, in microseconds (the database's unit). */
        long emissionMicros() {
            return Math.max(1, perMicros() / requests);
        }

        long perMicros() {
            return per.toNanos() / 1_000;
        }
    }

    /** A key's row names its kind and who; longer keys (a forged link token) are cut, never stored whole. */
    private static final int MAX_KEY = 200;

    private final Settings settings;
    private final JdbcClient jdbc;

    RateLimits(Settings settings, JdbcClient jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    Settings settings() {
        return settings;
    }

    /**
     * 0 if the call may go ahead, otherwise the seconds to wait (Retry-After). When the database cannot be asked
     * the call goes ahead: it needs the database itself and will answer its own error, and a limit must not turn a
     * database's blip into refusals of everything.
     */
    long take(String key, Limit limit) {
        String row = key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
        try {
            boolean taken = jdbc.sql("""
                            INSERT INTO rate_limits AS r (bucket, tat) VALUES (:key, now() + :emission * interval '1 microsecond')
                            ON CONFLICT (bucket) DO UPDATE SET tat = greatest(r.tat, now()) + :emission * interval '1 microsecond'
                            WHERE greatest(r.tat, now()) + :emission * interval '1 microsecond'
                                  <= now() + :per * interval '1 microsecond'
                            RETURNING true""")
                    .param("key", row).param("emission", limit.emissionMicros()).param("per", limit.perMicros())
                    .query(Boolean.class).optional().isPresent();
            if (taken) {
                return 0;
            }
            // refused: the next token is there once tat, moved on by one request, is within one period of now
            Double seconds = jdbc.sql("""
                            SELECT extract(epoch FROM tat + (:emission - :per) * interval '1 microsecond' - now())
                            FROM rate_limits WHERE bucket = :key""")
                    .param("key", row).param("emission", limit.emissionMicros()).param("per", limit.perMicros())
                    .query(Double.class).optional().orElse(1d);
            return Math.max(1, (long) Math.ceil(seconds));
        } catch (org.springframework.dao.DataAccessException unavailable) {
            log.warn("Rate limit of {} not checked: the database did not answer ({})", row.substring(0, row.indexOf(':') + 1),
                    unavailable.getMostSpecificCause().toString());
            return 0;
        }
    }

    /**
     * Forgets buckets that are full again (their tat has passed, which means the same as no row). A plain DELETE
     * that re-checks each row it removes: safe on every instance at once, and against a request that takes a token
     * meanwhile (its row's tat is then ahead again, and the row stays).
     */
    @Scheduled(fixedDelayString = "${linkpos.rate-limit.sweep:PT5M}", initialDelayString = "${linkpos.rate-limit.sweep:PT5M}")
    void forgetIdle() {
        try {
            jdbc.sql("DELETE FROM rate_limits WHERE tat < now()").update();
        } catch (org.springframework.dao.DataAccessException unavailable) {
            log.warn("Old rate limits not deleted now ({})", unavailable.getMostSpecificCause().toString());
        }
    }
}
