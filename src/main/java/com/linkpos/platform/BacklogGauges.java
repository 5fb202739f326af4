package com.linkpos.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * [O2] The gauges of a queue kept in the database (the messages' outbox, the webhooks' deliveries), each module
 * reading its own table: {@code <name>.pending} (rows waiting, retries included), {@code <name>.oldest.age} (seconds
 * since the oldest waiting row was queued) and {@code <name>.lag} (seconds the most overdue row has been due: the
 * sender falling behind, where age also counts a row waiting out its retry backoff). One reading serves all three
 * and is kept for {@link #FRESH}: every scrape of every Prometheus then costs the database at most one query per
 * queue every few seconds. While the database cannot be read the gauges go NaN (no value) after {@link #STALE},
 * never a false 0, and a scrape waits at most {@link #WAIT} for them.
 */
public final class BacklogGauges {

    private static final Logger log = LoggerFactory.getLogger(BacklogGauges.class);
    static final Duration FRESH = Duration.ofSeconds(5);
    static final Duration WAIT = Duration.ofSeconds(1);
    static final Duration STALE = Duration.ofSeconds(60);
    /** Reads every queue's backlog, one query at a time, off the scraping thread. */
    private static final Executor READER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "linkpos-backlog-gauges");
        thread.setDaemon(true);
        return thread;
    });

    /** What the queue's query found: waiting rows, the oldest one's queuing time and the earliest due time (null: none). */
    record Reading(long pending, Instant oldestQueued, Instant earliestDue) {
    }

    private final Supplier<Reading> query;
    private final Clock clock;
    private Reading last;
    private long readAt;
    private CompletableFuture<Void> running;
    /** A refresh a gauge already waited {@link #WAIT} for in vain: the queue's other gauges do not wait for it again. */
    private volatile CompletableFuture<Void> waitedOut;

    private BacklogGauges(Supplier<Reading> query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    /**
     * Registers the three gauges of the queue kept in {@code table} (its rows waiting have status PENDING,
     * {@code created_at} and {@code next_attempt_at}), e.g. linkpos.outbox over notifications.
     */
    public static void register(MeterRegistry meters, String name, String what, JdbcClient jdbc, String table, Clock clock) {
        register(meters, name, what, () -> jdbc.sql("SELECT count(*) AS pending, min(created_at) AS oldest, "
                        + "min(next_attempt_at) AS due FROM " + table + " WHERE status = 'PENDING'")
                .query((rs, row) -> new Reading(rs.getLong("pending"), instant(rs.getTimestamp("oldest")),
                        instant(rs.getTimestamp("due")))).single(), clock);
    }

    private static Instant instant(java.sql.Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** Registers the three gauges of the queue {@code name} (e.g. linkpos.outbox), read by {@code query}. */
    static void register(MeterRegistry meters, String name, String what, Supplier<Reading> query, Clock clock) {
        BacklogGauges gauges = new BacklogGauges(query, clock);
        gauge(meters, name + ".pending", what + " waiting to be sent, retries included", null, gauges,
                reading -> reading.pending());
        gauge(meters, name + ".oldest.age", "Seconds since the oldest of the " + what.toLowerCase() + " waiting was queued",
                "seconds", gauges, reading -> gauges.secondsSince(reading.oldestQueued()));
        gauge(meters, name + ".lag", "Seconds the most overdue of the " + what.toLowerCase() + " has been due",
                "seconds", gauges, reading -> gauges.secondsSince(reading.earliestDue()));
    }

    private static void gauge(MeterRegistry meters, String name, String description, String unit, BacklogGauges gauges,
                              ToDoubleFunction<Reading> value) {
        Gauge.builder(name, gauges, g -> {
                    Reading reading = g.reading();
                    return reading == null ? Double.NaN : value.applyAsDouble(reading);
                }).description(description).baseUnit(unit)
                // the registry keeps only a weak reference by default, and nothing else holds this object
                .strongReference(true).register(meters);
    }

    private double secondsSince(Instant at) {
        return at == null ? 0 : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000d);
    }

    /**
     * The last reading while fresh; otherwise a new one, waited for at most {@link #WAIT}. A scrape must not hang on a
     * database that does not answer (Hikari would keep it up to connection-timeout per queue, past Prometheus's scrape
     * timeout, and the instance would look down): the query goes on in the background, and the scrape gets the last
     * reading while it is younger than {@link #STALE}, else nothing (NaN).
     */
    private Reading reading() {
        CompletableFuture<Void> refresh;
        synchronized (this) {
            if (System.nanoTime() - readAt <= FRESH.toNanos() && last != null) {
                return last;
            }
            if (running == null) {
                running = CompletableFuture.runAsync(this::refresh, READER);
            }
            refresh = running;
        }
        try {
            if (refresh != waitedOut) {
                refresh.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException stillReading) {
            synchronized (this) {
                waitedOut = refresh; // a scrape waits once per queue, not once per gauge
            }
        } catch (ExecutionException failed) {
            // the last reading, if recent enough, stands in
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            return last != null && System.nanoTime() - readAt <= STALE.toNanos() ? last : null;
        }
    }

    private void refresh() {
        Reading reading = null;
        try {
            reading = query.get();
        } catch (RuntimeException unavailable) {
            log.debug("Backlog not read: {}", unavailable.toString());
        }
        synchronized (this) {
            if (reading != null) {
                last = reading;
                readAt = System.nanoTime();
            }
            running = null;
        }
    }
}
