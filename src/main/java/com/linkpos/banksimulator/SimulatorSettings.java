package com.linkpos.banksimulator;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linkpos.simulator.*}: how the built-in bank answers. {@code testCardsFile}: the outcome of each
 * test card (API.md "Bank simulator test cards"); {@code delay}: its think time for each API call (none by
 * default; the crash test gives it one so that payments are in flight when it strikes); {@code payfor}: the simulated PayFor gateway at
 * /simulator/payfor (its terminals, how long a 3-D challenge waits for its code).
 */
@ConfigurationProperties("linkpos.simulator")
record SimulatorSettings(String testCardsFile, Duration delay, PayFor payfor) {

    SimulatorSettings {
        delay = delay == null ? Duration.ZERO : delay;
        testCardsFile = testCardsFile == null ? "classpath:acquiring/simulator-test-cards.csv" : testCardsFile;
        payfor = payfor == null ? new PayFor(null, null) : payfor;
    }

    /**
     * {@code linkpos.simulator.payfor.*}: {@code terminals}, the PayFor terminals the simulated bank knows
     * (default: QNB's public test terminal); {@code challengeTtl}, how long an unanswered 3-D Secure
     * challenge waits before it fails as timed out.
     */
    record PayFor(List<PayForTerminal> terminals, Duration challengeTtl) {
        PayFor {
            terminals = terminals == null || terminals.isEmpty() ? List.of(PayForTerminal.PUBLIC_TEST) : List.copyOf(terminals);
            challengeTtl = challengeTtl == null ? Duration.ofMinutes(15) : challengeTtl;
        }
    }
}
