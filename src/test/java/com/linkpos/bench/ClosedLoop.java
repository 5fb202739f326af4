package com.linkpos.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A closed-loop load: {@code clients} threads each run one iteration after another (no think time)
 * for a warm-up and then a measured period. An iteration is one or more timed steps (one link
 * creation; the six requests of one payment). An iteration counts when it ends inside the measured
 * period: rate = counted iterations / measured seconds; the latencies are those of the counted ones.
 */
final class ClosedLoop {

    /** One iteration of a client; stores each step's duration in nanoseconds into {@code stepNanos}. */
    interface Iteration {
        void run(int client, long[] stepNanos) throws Exception;
    }

    record Stats(String name, int count, double p50, double p95, double p99, double max, double mean) {
        static Stats of(String name, long[] nanos) {
            if (nanos.length == 0) {
                return new Stats(name, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            double sum = 0;
            for (long n : sorted) {
                sum += n;
            }
            return new Stats(name, sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
                    ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]), sum / sorted.length / 1e6);
        }

        /** Nearest-rank percentile of sorted values. */
        static long percentile(long[] sorted, double p) {
            int rank = (int) Math.ceil(p / 100 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    record Result(String name, int clients, double warmupSeconds, double seconds, long completed, long errors,
                  List<String> errorSamples, List<Stats> steps, Stats whole, Usage.Delta usage) {
        double perSecond() {
            return completed / seconds;
        }

        String describeErrors() {
            return errors == 0 ? "" : String.format(Locale.ROOT, "%,d failed, e.g. %s", errors, String.join(" / ", errorSamples));
        }
    }

    private ClosedLoop() {
    }

    /** {@code usage}: what the measured period cost (null: not measured). */
    static Result run(String name, int clients, Duration warmup, Duration measured, List<String> stepNames,
                      BooleanSupplier appAlive, Usage usage, Iteration iteration) throws Exception {
        int steps = stepNames.size();
        AtomicLong errors = new AtomicLong();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        List<List<long[]>> perClient = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            perClient.add(new ArrayList<>());
        }
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2]; // set before go, read after
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                List<long[]> mine = perClient.get(client);
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException interrupted) {
                    return;
                }
                long measureFrom = window[0];
                long end = window[1];
                while (!stop.get() && System.nanoTime() < end) {
                    long[] record = new long[steps + 1];
                    long start = System.nanoTime();
                    try {
                        iteration.run(client, record);
                    } catch (Exception | AssertionError failure) {
                        errors.incrementAndGet();
                        if (samples.size() < 3) {
                            samples.add(String.valueOf(failure.getMessage()).replace('|', '/').replace('\n', ' '));
                        }
                        if (!appAlive.getAsBoolean()) {
                            stop.set(true);
                        }
                        continue;
                    }
                    long finish = System.nanoTime();
                    if (finish >= measureFrom && finish <= end) {
                        record[steps] = finish - start;
                        mine.add(record);
                    }
                }
            }, "bench-" + name + "-" + client);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long now = System.nanoTime();
        window[0] = now + warmup.toNanos();
        window[1] = window[0] + measured.toNanos();
        go.countDown();
        Usage.Delta cost = null;
        if (usage != null) {
            sleepUntil(window[0]);
            Usage.Snapshot from = usage.snapshot();
            sleepUntil(window[1]);
            cost = usage.since(from);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<long[]> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        List<Stats> stepStats = new ArrayList<>();
        for (int s = 0; s <= steps; s++) {
            long[] values = new long[all.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = all.get(i)[s];
            }
            stepStats.add(Stats.of(s < steps ? stepNames.get(s) : "whole", values));
        }
        return new Result(name, clients, warmup.toMillis() / 1000.0, measured.toMillis() / 1000.0, all.size(),
                errors.get(), List.copyOf(samples), List.copyOf(stepStats.subList(0, steps)), stepStats.get(steps), cost);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) {
            Thread.sleep(Math.max(1, left / 1_000_000), 0);
        }
    }
}
