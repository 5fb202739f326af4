package com.linkpos.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-up of the jar as it ships, with its EMBEDDED PostgreSQL (no datasource URL): from starting the
 * process until {@code /actuator/health} says UP, polled every 50 ms. Once on a fresh data directory
 * (initdb, Flyway's whole schema, the bootstrap users and the demo merchant with their password
 * hashes), once more on the same directory.
 */
final class Startup {

    /** seconds is NaN when the start failed; then problem says why. */
    record Run(double seconds, double springSeconds, String problem) {
    }

    private final Path java;
    private final Path jar;
    private final String heap;
    private final Path out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    Startup(Path java, Path jar, String heap, Path out) {
        this.java = java;
        this.jar = jar;
        this.heap = heap;
        this.out = out;
    }

    /** Both starts on a new directory under out; the directory is deleted afterwards. */
    List<Run> firstAndSecond() throws Exception {
        Path dataDir = out.resolve("startup-data").toAbsolutePath();
        delete(dataDir);
        try {
            Run first = start(dataDir, out.resolve("startup-1.log"));
            Run second = first.problem() == null ? start(dataDir, out.resolve("startup-2.log"))
                    : new Run(Double.NaN, Double.NaN, "not tried: the first start failed");
            return List.of(first, second);
        } finally {
            delete(dataDir);
        }
    }

    Run start(Path dataDir, Path log) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = List.of(java.toString(), "-Xmx" + heap, "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--linkpos.embedded-postgres.data-dir=" + dataDir);
        URI health = URI.create("http://localhost:" + port + "/actuator/health");
        long t = System.nanoTime();
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = t + Duration.ofMinutes(3).toNanos();
            while (true) {
                if (!app.isAlive()) {
                    return new Run(Double.NaN, Double.NaN, "the application stopped while starting, exit code "
                            + app.exitValue() + " (" + log.getFileName() + ")");
                }
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                        double seconds = (System.nanoTime() - t) / 1e9;
                        return new Run(seconds, springSeconds(log), null);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    return new Run(Double.NaN, Double.NaN, "not UP within 3 minutes (" + log.getFileName() + ")");
                }
                Thread.sleep(50);
            }
        } finally {
            stop(app, dataDir);
        }
    }

    /** What Spring Boot itself says: "Started LinkPosApplication in 7.1 seconds (process running for 8.0)". */
    private static double springSeconds(Path log) throws IOException, InterruptedException {
        Pattern started = Pattern.compile("Started \\w+ in ([0-9.]+) seconds");
        for (int i = 0; i < 20; i++) {
            Matcher m = started.matcher(Files.readString(log));
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
            Thread.sleep(50);
        }
        return Double.NaN;
    }

    /** As an operator stops it (SIGTERM): the application stops its PostgreSQL. Then nothing may be left running. */
    private static void stop(Process app, Path dataDir) throws Exception {
        app.destroy();
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Path pid = dataDir.resolve("postmaster.pid");
        if (Files.exists(pid)) { // the application did not stop its PostgreSQL: stop it as pg_ctl would
            try {
                long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).strip());
                ProcessHandle.of(postmaster).ifPresent(handle -> {
                    handle.destroy();
                    handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                });
            } catch (RuntimeException | IOException unreadable) {
                // nothing to stop
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
