package com.linkpos.failover;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's haproxy package) in front of the LinkPOS instances, in the foreground as a child of this
 * process: round robin, an active health check of each instance's readiness every second (down after 2 misses,
 * up after 2 answers), and a request that could not be sent to one instance is sent to another; one that was
 * sent is never sent again (a payment is not retried by the balancer).
 */
final class Balancer implements AutoCloseable {

    private final Process haproxy;
    private final int port;
    private final int statsPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Balancer(Process haproxy, int port, int statsPort) {
        this.haproxy = haproxy;
        this.port = port;
        this.statsPort = statsPort;
    }

    static String config(int port, int statsPort, Map<String, Integer> instances) {
        StringBuilder servers = new StringBuilder();
        instances.forEach((name, instancePort) -> servers.append("    server ").append(name).append(" 127.0.0.1:")
                .append(instancePort).append(" check\n"));
        return """
                global
                    maxconn 2000
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 60s
                    timeout server 60s
                    # a request whose connection failed (the instance is dead) goes to another instance, before the
                    # health check has noticed; a request that reached an instance is never sent again
                    retries 3
                    option redispatch 1
                    retry-on conn-failure
                frontend linkpos
                    bind 127.0.0.1:%d
                    default_backend instances
                backend instances
                    balance roundrobin
                    option httpchk GET /actuator/health/readiness
                    http-check expect status 200
                    default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2
                %slisten stats
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /stats
                """.formatted(port, servers, statsPort);
    }

    static Balancer start(Path dir, int port, int statsPort, Map<String, Integer> instances) throws Exception {
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, config(port, statsPort, instances));
        Process check = new ProcessBuilder("haproxy", "-c", "-f", cfg.toString()).redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes());
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new IllegalStateException("haproxy refuses its configuration: " + checked);
        }
        // -db: stay in the foreground, a child of this process, not a daemon
        Process haproxy = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        Balancer balancer = new Balancer(haproxy, port, statsPort);
        AutoFailoverCluster.waitFor(Duration.ofSeconds(20), "haproxy to listen", () -> {
            if (!haproxy.isAlive()) {
                throw new IllegalStateException("haproxy exited " + haproxy.exitValue());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            }
        });
        return balancer;
    }

    int port() {
        return port;
    }

    long pid() {
        return haproxy.pid();
    }

    /** Each instance's state as the health checks see it (UP, DOWN, ...), from HAProxy's CSV statistics. */
    Map<String, String> servers() {
        Map<String, String> states = new LinkedHashMap<>();
        try {
            HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            for (String line : csv.body().split("\n")) {
                List<String> fields = List.of(line.split(",", -1));
                if (fields.size() > 17 && fields.get(0).equals("instances") && !fields.get(1).equals("BACKEND")) {
                    states.put(fields.get(1), fields.get(17));
                }
            }
        } catch (IOException | InterruptedException e) {
            states.put("stats", "unavailable: " + e);
        }
        return states;
    }

    @Override
    public void close() {
        haproxy.destroy();
        try {
            if (!haproxy.waitFor(10, TimeUnit.SECONDS)) {
                haproxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            haproxy.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
