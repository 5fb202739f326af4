package com.linkpos.failover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL with automatic failover, as Debian packages it (postgresql-15, postgresql-15-auto-failover,
 * pg-auto-failover-cli): a pg_auto_failover monitor and two nodes, a primary and a synchronous standby,
 * all on 127.0.0.1, each supervised by its own {@code pg_autoctl} process.
 * <p>
 * PostgreSQL refuses to run as root, so every {@code pg_autoctl} runs as the {@code postgres} user (setpriv, which
 * execs: the process this class starts is the keeper itself), with its configuration, state and pid files under
 * this cluster's own directory (the XDG variables), which that user owns. Failover timeouts are cut to a few
 * seconds (the defaults take about 50 s to give up on a dead primary).
 */
final class AutoFailoverCluster implements AutoCloseable {

    static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");
    static final String DATABASE = "linkpos";
    static final String[] NODES = {"node1", "node2"};

    private final Path root;
    private final Path logs;
    private final int monitorPort;
    private final Map<String, Integer> nodePorts = new LinkedHashMap<>();
    /** The keeper ({@code pg_autoctl ... --run} or {@code pg_autoctl run}) of the monitor and of each node. */
    private final Map<String, Process> keepers = new LinkedHashMap<>();
    private final List<Process> finished = new ArrayList<>();
    /** The formation's number_sync_standbys as set, or why it was not. */
    String numberSyncStandbys = "0";

    AutoFailoverCluster(Path root, Path logs, int monitorPort, int node1Port, int node2Port) {
        this.root = root;
        this.logs = logs;
        this.monitorPort = monitorPort;
        nodePorts.put(NODES[0], node1Port);
        nodePorts.put(NODES[1], node2Port);
    }

    int port(String node) {
        return nodePorts.get(node);
    }

    Path dataDirectory(String node) {
        return root.resolve(node);
    }

    /** The application's URL: both nodes, and only the one that is primary will do. */
    String jdbcHosts() {
        return "127.0.0.1:" + port(NODES[0]) + ",127.0.0.1:" + port(NODES[1]);
    }

    // ------------------------------------------------------------------ creating

    /** Monitor, primary, synchronous standby; returns when the standby is streaming and counted for commits. */
    void create() throws Exception {
        Files.createDirectories(root);
        for (String dir : List.of("home", "cfg", "share", "run")) {
            Files.createDirectories(root.resolve(dir));
        }
        ownByPostgres(root);

        keepers.put("monitor", keeper("monitor", "pg_autoctl", "create", "monitor", "--pgdata", root.resolve("monitor").toString(),
                "--pgport", String.valueOf(monitorPort), "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl", "--run"));
        waitFor(Duration.ofSeconds(60), "the monitor to answer", () -> {
            try (Connection c = monitor()) {
                return true;
            }
        });
        try (Connection c = monitor(); Statement s = c.createStatement()) {
            // Detect a dead node in about 2 s, give up on it after 3 s more, and do not wait the default 30 s for a
            // primary that cannot confirm its own demotion (it is dead): failover in about 8-10 s instead of 50.
            s.execute("ALTER SYSTEM SET pgautofailover.health_check_period = 1000");
            s.execute("ALTER SYSTEM SET pgautofailover.health_check_timeout = 1000");
            s.execute("ALTER SYSTEM SET pgautofailover.health_check_max_retries = 1");
            s.execute("ALTER SYSTEM SET pgautofailover.health_check_retry_delay = 500");
            s.execute("ALTER SYSTEM SET pgautofailover.node_considered_unhealthy_timeout = 3000");
            s.execute("ALTER SYSTEM SET pgautofailover.primary_demote_timeout = 5000");
            s.execute("SELECT pg_reload_conf()");
        }

        startNode(NODES[0], true);
        waitFor(Duration.ofSeconds(90), NODES[0] + " to be a single primary", () -> "single".equals(state(NODES[0])));
        // pg_autoctl sizes shared_buffers at a quarter of the machine's memory on each node: too much for a test runner
        // with three PostgreSQL servers and three JVMs. The standby copies this file with its base backup.
        try (Connection c = node(NODES[0], "postgres"); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET shared_buffers = '128MB'");
            s.execute("ALTER SYSTEM SET wal_keep_size = '256MB'");
        }
        // pg_autoctl 2.0 has no "restart postgres": stop PostgreSQL, and its keeper starts it again at once
        asPostgres(Duration.ofSeconds(60), "pg_ctl", "stop", "--pgdata", dataDirectory(NODES[0]).toString(), "--mode", "fast", "--wait");
        waitFor(Duration.ofSeconds(60), NODES[0] + " back after its restart", () -> {
            try (Connection c = node(NODES[0], "postgres"); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SHOW shared_buffers")) {
                return r.next() && "128MB".equals(r.getString(1));
            }
        });

        startNode(NODES[1], true);
        // pg_basebackup waits for a spread checkpoint on the primary (minutes); a CHECKPOINT there makes it immediate
        waitFor(Duration.ofSeconds(120), NODES[1] + " to be a secondary", () -> {
            try (Connection c = node(NODES[0], "postgres"); Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            } catch (SQLException notYet) {
                // the primary is busy changing state
            }
            return "secondary".equals(state(NODES[1])) && "primary".equals(state(NODES[0]));
        });
        for (String node : NODES) {
            // a primary cut off from the monitor and its standby demotes itself after 3 s (before the monitor's 5 s)
            asPostgres(Duration.ofSeconds(30), "pg_autoctl", "config", "set", "--pgdata", dataDirectory(node).toString(),
                    "timeout.network_partition_timeout", "3");
        }
        // The setting: one standby must confirm every commit. With a single standby pg_auto_failover already
        // makes that standby synchronous (ANY 1) at its default of 0; the monitor may refuse 1 with only one standby,
        // because then no standby would be left to fail over to while keeping the setting: say so and go on with 0.
        try (Connection c = monitor(); Statement s = c.createStatement()) {
            s.execute("SELECT pgautofailover.set_formation_number_sync_standbys('default', 1)");
            numberSyncStandbys = "1";
        } catch (SQLException refused) {
            numberSyncStandbys = "0 (1 refused by the monitor: " + refused.getMessage().replace('\n', ' ') + ")";
        }
        log("number_sync_standbys: %s", numberSyncStandbys);
    }

    private void startNode(String node, boolean create) throws IOException {
        List<String> command = create
                ? List.of("pg_autoctl", "create", "postgres", "--pgdata", dataDirectory(node).toString(), "--pgport",
                String.valueOf(port(node)), "--hostname", "127.0.0.1", "--name", node, "--dbname", DATABASE,
                "--auth", "trust", "--no-ssl", "--monitor", monitorUri(), "--run")
                : List.of("pg_autoctl", "run", "--pgdata", dataDirectory(node).toString());
        keepers.put(node, keeper(node, command.toArray(String[]::new)));
    }

    private String monitorUri() {
        return "postgres://autoctl_node@127.0.0.1:" + monitorPort + "/pg_auto_failover?sslmode=disable";
    }

    /** What replication looks like on the primary: synchronous_standby_names and each standby's sync_state. */
    String replication() throws SQLException {
        try (Connection c = node(primary(), "postgres"); Statement s = c.createStatement()) {
            StringBuilder out = new StringBuilder();
            try (ResultSet r = s.executeQuery("SELECT current_setting('synchronous_standby_names'), current_setting('synchronous_commit')")) {
                r.next();
                out.append("synchronous_standby_names=").append(r.getString(1)).append(", synchronous_commit=").append(r.getString(2));
            }
            try (ResultSet r = s.executeQuery("SELECT application_name, state, sync_state FROM pg_stat_replication")) {
                while (r.next()) {
                    out.append("; standby ").append(r.getString(1)).append(' ').append(r.getString(2)).append(" sync_state=")
                            .append(r.getString(3));
                }
            }
            return out.toString();
        }
    }

    // ------------------------------------------------------------------ state

    /** The node's state as the monitor last heard it (single, primary, wait_primary, secondary, catchingup, ...). */
    String state(String node) throws SQLException {
        try (Connection c = monitor(); var s = c.prepareStatement("SELECT reportedstate FROM pgautofailover.node WHERE nodename = ?")) {
            s.setString(1, node);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** The monitor's view, one line per node: name, port, reported state, goal state. */
    String states() throws SQLException {
        try (Connection c = monitor(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT nodename, nodeport, reportedstate, goalstate FROM pgautofailover.node ORDER BY nodeid")) {
            StringBuilder out = new StringBuilder();
            while (r.next()) {
                out.append(out.isEmpty() ? "" : "; ").append(r.getString(1)).append(':').append(r.getInt(2)).append(' ')
                        .append(r.getString(3)).append('/').append(r.getString(4));
            }
            return out.toString();
        }
    }

    /** The node that accepts writes, asked of the nodes themselves. */
    String primary() throws SQLException {
        for (String node : NODES) {
            try (Connection c = node(node, "postgres"); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT NOT pg_is_in_recovery()")) {
                if (r.next() && r.getBoolean(1)) {
                    return node;
                }
            } catch (SQLException down) {
                // not this one
            }
        }
        throw new SQLException("no primary");
    }

    Connection monitor() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + monitorPort
                + "/pg_auto_failover?user=postgres&connectTimeout=2&socketTimeout=10");
    }

    Connection node(String node, String user) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port(node) + "/" + DATABASE + "?user=" + user
                + "&connectTimeout=2&socketTimeout=30");
    }

    /** Whichever node is primary now, through the same multi-host URL the application uses. */
    Connection primaryConnection(String user) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + jdbcHosts() + "/" + DATABASE + "?user=" + user
                + "&targetServerType=primary&connectTimeout=2&socketTimeout=60");
    }

    // ------------------------------------------------------------------ faults

    /** The PID of the node's postmaster, from its data directory's postmaster.pid. */
    long postmasterPid(String node) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory(node).resolve("postmaster.pid")).get(0).strip());
    }

    /**
     * The node's machine dies: SIGKILL to its PostgreSQL (the postmaster and every backend) and to its keeper, so that
     * nothing restarts it in place and the monitor must fail over. Returns the PIDs killed.
     */
    List<Long> killNode(String node) throws IOException, InterruptedException {
        Process keeper = keepers.get(node);
        long postmaster = postmasterPid(node);
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(keeper.toHandle());
        victims.addAll(keeper.descendants().toList());
        ProcessHandle.of(postmaster).ifPresent(p -> {
            if (!victims.contains(p)) {
                victims.add(p);
                victims.addAll(p.descendants().toList());
            }
        });
        if (victims.stream().noneMatch(p -> p.pid() == postmaster)) {
            throw new IllegalStateException("postmaster " + postmaster + " of " + node + " is not running");
        }
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle victim : victims) {
            victim.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
        finished.add(keeper);
        keepers.remove(node);
        return victims.stream().map(ProcessHandle::pid).toList();
    }

    /** The dead node's machine comes back: its keeper starts again, and the monitor has it rewound into a standby. */
    void restart(String node) throws IOException {
        startNode(node, false);
    }

    // ------------------------------------------------------------------ processes

    private Process keeper(String name, String... command) throws IOException {
        Path log = logs.resolve(name + ".log");
        return new ProcessBuilder(asPostgresCommand(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private List<String> asPostgresCommand(String... command) {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "env",
                "PATH=" + PG_BIN + ":/usr/bin:/bin", "HOME=" + root.resolve("home"), "XDG_CONFIG_HOME=" + root.resolve("cfg"),
                "XDG_DATA_HOME=" + root.resolve("share"), "XDG_RUNTIME_DIR=" + root.resolve("run"), "PGHOST=127.0.0.1"));
        full.addAll(List.of(command));
        return full;
    }

    /** Runs a command as postgres to its end; its output. Fails unless it exits 0. */
    String asPostgres(Duration timeout, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(logs, "cmd", ".log");
        Process process = new ProcessBuilder(asPostgresCommand(command)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command) + "\n" + Files.readString(out));
        }
        String output = Files.readString(out);
        Files.delete(out);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", command) + "\n" + output);
        }
        return output;
    }

    /** Stops every node and the monitor (pg_autoctl stop, then SIGKILL whatever is left) and deletes the data. */
    @Override
    public void close() {
        List<ProcessHandle> ours = new ArrayList<>();
        for (Process keeper : keepers.values()) {
            ours.add(keeper.toHandle());
            ours.addAll(keeper.descendants().toList());
        }
        for (String name : List.of(NODES[0], NODES[1], "monitor")) {
            try {
                ProcessHandle.of(postmasterPid(name)).ifPresent(ours::add);
            } catch (Exception none) {
                // not running
            }
        }
        for (String name : List.of(NODES[0], NODES[1], "monitor")) {
            if (keepers.containsKey(name)) {
                try {
                    asPostgres(Duration.ofSeconds(30), "pg_autoctl", "stop", "--pgdata", root.resolve(name).toString());
                } catch (Exception e) {
                    log("pg_autoctl stop %s: %s", name, e.getMessage());
                }
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ours.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep(200);
        }
        ours.stream().filter(ProcessHandle::isAlive).forEach(p -> {
            log("still running after stop, SIGKILL: %d %s", p.pid(), p.info().commandLine().orElse(""));
            p.destroyForcibly();
        });
        // anything else of ours: a process whose command line names this cluster's directory
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(root.toString())).orElse(false))
                .forEach(p -> {
                    log("left over, SIGKILL: %d %s", p.pid(), p.info().commandLine().orElse(""));
                    p.destroyForcibly();
                });
        sleep(500);
        deleteRecursively(root);
    }

    // ------------------------------------------------------------------ helpers

    interface Check {
        boolean holds() throws Exception;
    }

    static void waitFor(Duration limit, String what, Check check) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not within " + limit + ": " + what + (last == null ? "" : " (last error: " + last + ")"));
    }

    private static void ownByPostgres(Path dir) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName("postgres");
        GroupPrincipal group = lookup.lookupPrincipalByGroupName("postgres");
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setOwner(p, user);
                Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(group);
            }
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log("could not delete %s: %s", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            log("could not delete %s: %s", dir, e.getMessage());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where {@link #log} also writes, as it happens (failsafe shows a test's output only at its end). */
    static volatile Path logFile;

    static synchronized void log(String format, Object... args) {
        String line = String.format("[failover %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
        System.out.print(line);
        System.out.flush();
        if (logFile != null) {
            try {
                Files.writeString(logFile, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // the console has it
            }
        }
    }
}
