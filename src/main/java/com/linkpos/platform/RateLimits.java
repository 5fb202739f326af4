package com.linkpos.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets: each key (an API key, a payer's address, a payment link) may spend a burst at once
 * and then earns tokens back at a steady rate. In memory, per instance: behind a load balancer each
 * instance enforces its own share.
 */
@Component
class RateLimits {

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
        }
    }

    private static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long updated;

        Bucket(Limit limit) {
            this.capacity = limit.requests();
            this.perNano = limit.requests() / (double) limit.per().toNanos();
            this.tokens = capacity;
            this.updated = System.nanoTime();
        }

        /** 0 when a token was taken; otherwise how many seconds until one will be there. */
        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1_000_000_000d));
        }

        synchronized boolean idleAndFull(long now, long idleNanos) {
            return now - updated > idleNanos && tokens + (now - updated) * perNano >= capacity;
        }
    }

    private final Settings settings;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(Settings settings) {
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    /** 0 if the call may go ahead, otherwise the seconds to wait (Retry-After). */
    long take(String key, Limit limit) {
        return buckets.computeIfAbsent(key, k -> new Bucket(limit)).take();
    }

    /** Forgets buckets nobody used for a while: they would be full again anyway. */
    @Scheduled(fixedDelay = 60_000)
    void forgetIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.idleAndFull(now, Duration.ofMinutes(15).toNanos()));
    }
}
