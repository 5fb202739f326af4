package com.linkpos.checkout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linkpos.checkout.*}: {@code claimTtl}, the longest one attempt holds a single-use link;
 * {@code waitForOtherAttempt}, how long a payer waits for another payer's authorization of the same
 * link; {@code stuckAfter}, when an attempt left authorizing (a crash) is settled by recovery, which
 * looks every {@code recoveryPoll}.
 */
@ConfigurationProperties("linkpos.checkout")
record CheckoutSettings(Duration claimTtl, Duration waitForOtherAttempt, Duration stuckAfter, Duration recoveryPoll) {

    CheckoutSettings {
        claimTtl = claimTtl == null ? Duration.ofMinutes(2) : claimTtl;
        waitForOtherAttempt = waitForOtherAttempt == null ? Duration.ofSeconds(15) : waitForOtherAttempt;
        stuckAfter = stuckAfter == null ? Duration.ofMinutes(5) : stuckAfter;
        recoveryPoll = recoveryPoll == null ? Duration.ofMinutes(1) : recoveryPoll;
    }
}
