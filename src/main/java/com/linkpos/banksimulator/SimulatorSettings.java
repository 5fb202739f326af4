package com.linkpos.banksimulator;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linkpos.simulator.*}: how the built-in bank answers. {@code delay}: its answer time;
 * {@code secret}: the key of its ACS's signed answers (the same on every instance; random per start
 * when unset); {@code testCardsFile}: the outcome of each test card; {@code sessionTtl}: how long it
 * keeps a card between 3-D Secure and provision; {@code installmentPrograms}: the issuer programs its
 * terminals give installments to [A7] (those of the guide's bank).
 */
@ConfigurationProperties("linkpos.simulator")
record SimulatorSettings(Duration delay, String secret, String testCardsFile, Duration sessionTtl,
                         List<String> installmentPrograms) {

    SimulatorSettings {
        delay = delay == null ? Duration.ofMillis(5) : delay;
        secret = secret == null ? "" : secret;
        testCardsFile = testCardsFile == null ? "classpath:acquiring/simulator-test-cards.csv" : testCardsFile;
        sessionTtl = sessionTtl == null ? Duration.ofMinutes(10) : sessionTtl;
        installmentPrograms = installmentPrograms == null || installmentPrograms.isEmpty()
                ? List.of("QNB Finansbank", "Enpara.com", "HSBC Advantage") : installmentPrograms;
    }
}
