package com.linkpos.acquiring;

import com.linkpos.shared.Money;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * [O2] Times every call that may reach the bank, whichever adapter serves the merchant: {@code linkpos.gateway}
 * ({@code linkpos_gateway_seconds} where Prometheus reads it) by {@code operation}, {@code gateway} (PAYFOR, EST)
 * and {@code exception} (none, or the simple name of what the call threw: a timeout is a failed call, and is
 * timed too). Wrapping the port here, where {@link Acquirers} hands each acquirer out, times every adapter in one
 * place; {@link #readCallback} and the other calls that never leave LinkPOS are passed through untimed.
 */
final class TimedAcquirer implements Acquirer {

    static final String METER = "linkpos.gateway";

    /*
     * operation: threeds, provision, inquiry, void, capture, capture_inquiry, refund, refund_inquiry, end_of_day —
     * the words of docs/OPERATIONS.md, the dashboard and the alerts.
     */
    private final Acquirer acquirer;
    private final MeterRegistry meters;

    TimedAcquirer(Acquirer acquirer, MeterRegistry meters) {
        this.acquirer = acquirer;
        this.meters = meters;
    }

    static Timer timer(MeterRegistry meters, String gateway, String operation, String exception) {
        return Timer.builder(METER).description("Calls to a bank's gateway, from request to answer")
                .tag("gateway", gateway).tag("operation", operation).tag("exception", exception)
                // buckets for histogram_quantile (the p95 of the dashboard and the alerts), few enough to keep the series
                // per gateway and operation cheap: a bank answers in tens of milliseconds to tens of seconds
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                        Duration.ofSeconds(10), Duration.ofSeconds(30))
                .register(meters);
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String exception = "none";
        try {
            return call.get();
        } catch (RuntimeException e) {
            exception = e.getClass().getSimpleName();
            throw e;
        } finally {
            timer(meters, acquirer.type(), operation, exception).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public String type() {
        return acquirer.type();
    }

    @Override
    public List<String> installmentPrograms() {
        return acquirer.installmentPrograms();
    }

    /** Timed: a gateway that takes the card server to server (PayFor's threeDFromServer) is called here. */
    @Override
    public BrowserStep begin3ds(Payment payment, CardDetails card) {
        return timed("threeds", () -> acquirer.begin3ds(payment, card));
    }

    @Override
    public Verdict readCallback(Payment payment, Map<String, String> posted) {
        return acquirer.readCallback(payment, posted);
    }

    @Override
    public BankAnswer provision(Payment payment, Verdict.Authenticated authenticated) {
        return timed("provision", () -> acquirer.provision(payment, authenticated));
    }

    @Override
    public Optional<BankAnswer> inquire(Payment payment) {
        return timed("inquiry", () -> acquirer.inquire(payment));
    }

    @Override
    public BankAnswer voidSale(Order order) {
        return timed("void", () -> acquirer.voidSale(order));
    }

    @Override
    public BankAnswer capture(Order order, Money amount) {
        return timed("capture", () -> acquirer.capture(order, amount));
    }

    @Override
    public Optional<Money> capturedAtTheBank(Order order) {
        return timed("capture_inquiry", () -> acquirer.capturedAtTheBank(order));
    }

    @Override
    public BankAnswer refund(Order order, Money amount) {
        return timed("refund", () -> acquirer.refund(order, amount));
    }

    @Override
    public Optional<Money> refundedAtTheBank(Order order) {
        return timed("refund_inquiry", () -> acquirer.refundedAtTheBank(order));
    }

    @Override
    public void endOfDay(String merchantId) {
        timed("end_of_day", () -> {
            acquirer.endOfDay(merchantId);
            return null;
        });
    }
}
