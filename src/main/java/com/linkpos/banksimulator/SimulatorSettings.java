package com.linkpos.banksimulator;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linkpos.simulator.*}: how the built-in bank answers. {@code delay}: its answer time;
 * {@code secret}: the key of its ACS's signed answers (the same on every instance; random per start
 * when unset); {@code testCardsFile}: the outcome of each test card; {@code sessionTtl}: how long it
 * keeps a card between 3-D Secure and provision; {@code installmentPrograms}: the issuer programs its
 * terminals give installments to [A7] (those of the guide's bank); {@code payfor}: the simulated PayFor
 * gateway at /simulator/payfor (its terminals, how long a 3-D challenge waits for its code).
 */
@ConfigurationProperties("linkpos.simulator")
record SimulatorSettings(Duration delay, String secret, String testCardsFile, Duration sessionTtl,
                         List<String> installmentPrograms, PayFor payfor) {

    SimulatorSettings {
        delay = delay == null ? Duration.ofMillis(5) : delay;
        secret = secret == null ? "" : secret;
        testCardsFile = testCardsFile == null ? "classpath:acquiring/simulator-test-cards.csv" : testCardsFile;
        sessionTtl = sessionTtl == null ? Duration.ofMinutes(10) : sessionTtl;
        installmentPrograms = installmentPrograms == null || installmentPrograms.isEmpty()
                ? List.of("QNB Finansbank", "Enpara.com", "HSBC Advantage") : installmentPrograms;
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
