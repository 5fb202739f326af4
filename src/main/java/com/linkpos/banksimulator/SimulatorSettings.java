package com.linkpos.banksimulator;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linkpos.simulator.*}: how the built-in bank answers. {@code testCardsFile}: the outcome of each
 * test card (API.md "Bank simulator test cards"); {@code delay}: its think time for each API call (none by
 * default; the crash test gives it one so that payments are in flight when it strikes);
 * {@code challengeTtl}: how long an unanswered 3-D Secure challenge waits before it fails as timed out;
 * {@code payfor} and {@code est}: the terminals of the simulated PayFor gateway at /simulator/payfor and
 * of the EST v3 gateway at /simulator/est.
 */
@ConfigurationProperties("linkpos.simulator")
record SimulatorSettings(String testCardsFile, Duration delay, Duration challengeTtl, PayFor payfor, Est est) {

    SimulatorSettings {
        delay = delay == null ? Duration.ZERO : delay;
        testCardsFile = testCardsFile == null ? "classpath:acquiring/simulator-test-cards.csv" : testCardsFile;
        challengeTtl = challengeTtl == null ? Duration.ofMinutes(15) : challengeTtl;
        payfor = payfor == null ? new PayFor(null) : payfor;
        est = est == null ? new Est(null) : est;
    }

    /** {@code linkpos.simulator.payfor.terminals}: the PayFor terminals (default: QNB's public test terminal). */
    record PayFor(List<PayForTerminal> terminals) {
        PayFor {
            terminals = terminals == null || terminals.isEmpty() ? List.of(PayForTerminal.PUBLIC_TEST) : List.copyOf(terminals);
        }
    }

    /** {@code linkpos.simulator.est.terminals}: the EST v3 terminals (default: the public Ziraat and İşbank test terminals). */
    record Est(List<EstTerminal> terminals) {
        Est {
            terminals = terminals == null || terminals.isEmpty() ? EstTerminal.PUBLIC_TEST : List.copyOf(terminals);
        }
    }

    /** The simulator's think time before each API answer. */
    void think() {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
