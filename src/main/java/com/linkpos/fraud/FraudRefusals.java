package com.linkpos.fraud;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * [S4] Counts the cards the rules refused, by rule: {@code linkpos.fraud.refusals{rule=…}}
 * ({@code linkpos_fraud_refusals_total} where Prometheus reads it). A refused card is a payment
 * attempt, kept in the ledger as one, not in the audit log.
 */
@Component
public class FraudRefusals {

    private final MeterRegistry meters;

    FraudRefusals(MeterRegistry meters) {
        this.meters = meters;
    }

    public void count(FraudRules.Rule rule) {
        Counter.builder("linkpos.fraud.refusals").description("Cards refused by a fraud rule before 3-D Secure")
                .tag("rule", rule.tag()).register(meters).increment();
    }
}
