package com.linkpos.checkout;

import com.linkpos.acquiring.Acquirers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * [O2] Counts payments by the bank's answer as checkout records it: {@code linkpos.payments} by {@code outcome}
 * (approved, declined) and {@code gateway} (PAYFOR, EST), {@code linkpos_payments_total} where Prometheus reads
 * it. Declined includes 3-D Secure that failed or a card not enrolled (a declined sale in the ledger too); a card
 * a fraud rule refused never reached the bank and is counted by {@code linkpos.fraud.refusals} instead. Counted
 * after the recording transaction committed, so a replayed answer or a rolled back one is never counted twice.
 */
@Component
class PaymentOutcomes {

    static final String METER = "linkpos.payments";

    private final MeterRegistry meters;

    PaymentOutcomes(MeterRegistry meters, Acquirers acquirers) {
        this.meters = meters;
        // every series there from the start, at 0: rate() and the alerts need a first sample before the first payment
        for (String gateway : acquirers.gateways().keySet()) {
            counter(gateway, true);
            counter(gateway, false);
        }
    }

    void count(String gateway, boolean approved) {
        counter(gateway, approved).increment();
    }

    private Counter counter(String gateway, boolean approved) {
        return Counter.builder(METER).description("Payments the bank answered, by outcome")
                .tag("outcome", approved ? "approved" : "declined").tag("gateway", gateway).register(meters);
    }
}
