package com.linkpos.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline P: pgbench's TPC-B-like script against the benchmark's own PostgreSQL server (the one
 * the application uses), in a database of its own, with durable commits. P = its tps without the
 * time to open the connections. A missing or failing pgbench is reported, never a failed run.
 */
final class Pgbench {

    static final String DATABASE = "bench_pgbench";
    static final String DEFAULT = "/usr/bin/pgbench";

    /** tps is null when there is no baseline; then {@code problem} says why. */
    record Baseline(Double tps, double latencyMs, long transactions, long failed, String command, String version,
                    double initSeconds, Usage.Delta usage, String problem) {
        static Baseline missing(String problem) {
            return new Baseline(null, Double.NaN, 0, 0, null, null, 0, null, problem);
        }
    }

    private Pgbench() {
    }

    /** The pgbench to run: -Dbench.pgbench, else /usr/bin/pgbench, else one on the PATH; null when there is none. */
    static Path find(String configured) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? path : null;
        }
        if (Files.isExecutable(Path.of(DEFAULT))) {
            return Path.of(DEFAULT);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** {@code usage}: measures the timed run (null: not measured). */
    static Baseline run(String configured, Connection admin, int port, int scale, int clients, int threads, int seconds,
                        Usage usage, Path log) throws Exception {
        Path exe = find(configured);
        if (exe == null) {
            return Baseline.missing("pgbench not found (" + (configured == null || configured.isBlank()
                    ? DEFAULT + " and the PATH" : configured) + "; Debian/Ubuntu: `apt-get install postgresql-client`)");
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        StringBuilder output = new StringBuilder();
        try {
            String version = exec(List.of(exe.toString(), "--version"), 30, output).strip();
            List<String> connection = List.of("-h", "localhost", "-p", Integer.toString(port), "-U", "postgres");
            List<String> init = new ArrayList<>(List.of(exe.toString(), "-i", "-s", Integer.toString(scale), "-q"));
            init.addAll(connection);
            init.add(DATABASE);
            long t = System.nanoTime();
            exec(init, 600, output);
            double initSeconds = (System.nanoTime() - t) / 1e9;
            List<String> bench = new ArrayList<>(List.of(exe.toString(), "-M", "prepared", "-c", Integer.toString(clients),
                    "-j", Integer.toString(threads), "-T", Integer.toString(seconds)));
            bench.addAll(connection);
            bench.add(DATABASE);
            Usage.Snapshot from = usage == null ? null : usage.snapshot();
            String result = exec(bench, seconds + 300L, output);
            Thread.sleep(500); // the postmaster reaps pgbench's backends: their CPU moves to its child times
            Usage.Delta cost = usage == null ? null : usage.since(from);
            Matcher tps = Pattern.compile("tps = ([0-9.]+) \\((?:without initial connection time|excluding connections establishing)\\)")
                    .matcher(result);
            if (!tps.find()) {
                return new Baseline(null, Double.NaN, 0, 0, String.join(" ", bench), version, initSeconds, null,
                        "no tps in pgbench's output (" + log.getFileName() + ")");
            }
            return new Baseline(Double.parseDouble(tps.group(1)), number(result, "latency average = ([0-9.]+) ms"),
                    (long) number(result, "number of transactions actually processed: ([0-9]+)"),
                    (long) Math.max(0, number(result, "number of failed transactions: ([0-9]+)")),
                    "pgbench -M prepared -c " + clients + " -j " + threads + " -T " + seconds + " (scale " + scale + ")",
                    version, initSeconds, cost, null);
        } catch (IllegalStateException failed) {
            return Baseline.missing(failed.getMessage());
        } finally {
            Files.writeString(log, output);
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
        }
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    /** Runs a command with durable commits asked for in its sessions; its output, or IllegalStateException. */
    private static String exec(List<String> command, long timeoutSeconds, StringBuilder log) throws Exception {
        log.append("$ ").append(String.join(" ", command)).append('\n');
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGOPTIONS", "-c synchronous_commit=on");
        builder.environment().remove("PGPASSWORD");
        Process process = builder.start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (var in = process.inputReader()) {
                in.lines().forEach(line -> out.append(line).append('\n'));
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        log.append(out).append('\n');
        if (!done) {
            throw new IllegalStateException(command.get(1) + "… did not finish within " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
            String[] lines = out.toString().strip().split("\n");
            throw new IllegalStateException(String.format(Locale.ROOT, "pgbench %s failed (exit %d): %s",
                    String.join(" ", command.subList(1, Math.min(command.size(), 5))), process.exitValue(),
                    lines[lines.length - 1]));
        }
        return out.toString();
    }
}
