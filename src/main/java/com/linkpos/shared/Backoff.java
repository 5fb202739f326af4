package com.linkpos.shared;

import java.time.Duration;

/**
 * The one retry policy of LinkPOS's senders (messages, webhooks): after the n-th failed attempt wait
 * {@code base} × 2^(n-1), at most {@code max}.
 */
public record Backoff(Duration base, Duration max) {

    public Duration after(int failedAttempts) {
        Duration wait = base.multipliedBy(1L << Math.min(Math.max(failedAttempts, 1) - 1, 30));
        return wait.isNegative() || wait.compareTo(max) > 0 ? max : wait;
    }
}
