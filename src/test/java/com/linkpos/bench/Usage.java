package com.linkpos.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a measured period cost, whatever else runs on the machine: CPU seconds of the application's
 * process, of the bank simulator's process when it runs as one of its own, of PostgreSQL (the
 * postmaster, its live processes, and those that ended, through the postmaster's cumulative child
 * times), and of the client (this JVM, plus its ended children such as pgbench); the commits
 * PostgreSQL counted; with {@code -Dbench.sqlStats=true}, the statements (pg_stat_statements).
 * With a simulator, PostgreSQL's share is also given per database: the CPU of the backends connected
 * to each (pg_stat_activity), its commits (pg_stat_database) and statements (pg_stat_statements);
 * what is left of PostgreSQL's CPU is the server's own processes (WAL writer, checkpointer, autovacuum,
 * ended backends). Linux only: elsewhere the CPU figures are -1.
 */
final class Usage {

    /** A backend of PostgreSQL at one moment: its database and CPU seconds so far. */
    record Backend(String database, double cpu) {
    }

    record Snapshot(long nanoTime, double appCpu, double simCpu, double dbCpu, Map<Long, Backend> backends, double clientCpu,
                    Map<String, long[]> xacts, long monitorStatements) {
    }

    /** One database's part of a period: its backends' CPU seconds, commits, statements (-1 without pg_stat_statements). */
    record Share(String label, double cpu, long commits, long statements) {
    }

    /**
     * Per period; {@code statements} is -1 without pg_stat_statements; {@code simCpu} is -1 when no simulator
     * process is measured, and {@code databases} is then empty.
     */
    record Delta(double seconds, double appCpu, double simCpu, double dbCpu, double clientCpu, long commits, long rollbacks,
                 long statements, String topStatements, List<Share> databases) {

        String perOperation(long operations, String unit) {
            if (operations <= 0) {
                return "";
            }
            StringBuilder text = new StringBuilder();
            if (appCpu >= 0) {
                text.append(String.format(Locale.ROOT, "app CPU %.2f ms, ", appCpu * 1000 / operations));
            }
            if (simCpu >= 0) {
                text.append(String.format(Locale.ROOT, "simulator CPU %.2f ms, ", simCpu * 1000 / operations));
            }
            if (dbCpu >= 0) {
                text.append(String.format(Locale.ROOT, "PostgreSQL CPU %.2f ms", dbCpu * 1000 / operations));
                if (!databases.isEmpty()) {
                    text.append(" (");
                    double rest = dbCpu;
                    for (Share share : databases) {
                        text.append(String.format(Locale.ROOT, "%s's backends %.2f, ", share.label(), share.cpu() * 1000 / operations));
                        rest -= share.cpu();
                    }
                    text.append(String.format(Locale.ROOT, "the server's own processes %.2f)", Math.max(0, rest) * 1000 / operations));
                }
                text.append(", ");
            }
            if (clientCpu >= 0) {
                text.append(String.format(Locale.ROOT, "client CPU %.2f ms, ", clientCpu * 1000 / operations));
            }
            text.append(String.format(Locale.ROOT, "%.1f commits", (double) commits / operations));
            text.append(split(operations, Share::commits));
            if (statements >= 0) {
                text.append(String.format(Locale.ROOT, ", %.1f SQL statements", (double) statements / operations));
                text.append(split(operations, Share::statements));
            }
            return text.append(" per ").append(unit).toString();
        }

        private String split(long operations, java.util.function.ToLongFunction<Share> count) {
            if (databases.isEmpty()) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            for (Share share : databases) {
                parts.add(String.format(Locale.ROOT, "%s %.1f", share.label(), (double) count.applyAsLong(share) / operations));
            }
            return " (" + String.join(", ", parts) + ")";
        }

        /** Cores busy on average: (app + simulator + PostgreSQL + client CPU) / wall time. */
        String coresBusy() {
            if (dbCpu < 0 || clientCpu < 0) {
                return "";
            }
            double app = Math.max(0, appCpu);
            double sim = Math.max(0, simCpu);
            return String.format(Locale.ROOT, "%.2f cores busy on average (%s%sPostgreSQL %.2f, client %.2f)",
                    (app + sim + dbCpu + clientCpu) / seconds,
                    appCpu < 0 ? "" : String.format(Locale.ROOT, "app %.2f, ", app / seconds),
                    simCpu < 0 ? "" : String.format(Locale.ROOT, "simulator %.2f, ", sim / seconds),
                    dbCpu / seconds, clientCpu / seconds);
        }

        /** The share of the database labelled so; null when there is none. */
        Share share(String label) {
            return databases.stream().filter(share -> share.label().equals(label)).findFirst().orElse(null);
        }
    }

    static final String APP = "LinkPOS";
    static final String SIMULATOR = "simulator";
    private static final double TICK = ticksPerSecond();

    private final long appPid;
    private final long simPid;
    private final String appDatabase;
    private final String simDatabase;
    private final Path postmasterPid;
    private final Connection db;
    private final String monitorDatabase;
    private final boolean sqlStats;
    /** Statements the monitoring connection ran (each its own transaction, in {@link #monitorDatabase}). */
    private final AtomicLong issued;

    /** appPid -1 for none; db: a connection of its own, autocommit. */
    Usage(long appPid, Path pgDataDir, Connection db, boolean sqlStats) throws SQLException {
        this(appPid, -1, null, null, pgDataDir.resolve("postmaster.pid"), db, db.getCatalog(), sqlStats, new AtomicLong());
    }

    private Usage(long appPid, long simPid, String appDatabase, String simDatabase, Path postmasterPid, Connection db,
                  String monitorDatabase, boolean sqlStats, AtomicLong issued) {
        this.appPid = appPid;
        this.simPid = simPid;
        this.appDatabase = appDatabase;
        this.simDatabase = simDatabase;
        this.postmasterPid = postmasterPid;
        this.db = db;
        this.monitorDatabase = monitorDatabase;
        this.sqlStats = sqlStats;
        this.issued = issued;
    }

    Usage withApp(long pid) {
        return new Usage(pid, simPid, appDatabase, simDatabase, postmasterPid, db, monitorDatabase, sqlStats, issued);
    }

    /** Also the bank simulator's process, and PostgreSQL's share per database: the application's and the simulator's. */
    Usage withSimulator(long pid, String appDatabase, String simDatabase) {
        return new Usage(appPid, pid, appDatabase, simDatabase, postmasterPid, db, monitorDatabase, sqlStats, issued);
    }

    Snapshot snapshot() throws SQLException {
        if (sqlStats) {
            try (Statement statement = db.createStatement()) {
                issued.incrementAndGet();
                statement.execute("SELECT pg_stat_statements_reset()");
            }
        }
        long monitor = issued.get();
        Map<String, long[]> xacts = xacts();
        long now = System.nanoTime();
        double app = appPid < 0 ? 0 : cpu(appPid, false);
        double sim = simPid < 0 ? 0 : cpu(simPid, false);
        double dbCpu = dbCpu();
        double client = clientCpu();
        // PostgreSQL as a whole first, then its backends (since() reads them the other way round): the backends'
        // window lies inside the whole's, and what is left is the server's own processes
        Map<Long, Backend> backends = simPid < 0 ? Map.of() : backends();
        return new Snapshot(now, app, sim, dbCpu, backends, client, xacts, monitor);
    }

    Delta since(Snapshot start) throws SQLException {
        // the backends first, then PostgreSQL as a whole (snapshot() reads them the other way round)
        Map<Long, Backend> backends = simPid < 0 ? Map.of() : backends();
        long end = System.nanoTime();
        double app = appPid < 0 ? 0 : cpu(appPid, false);
        double sim = simPid < 0 ? 0 : cpu(simPid, false);
        double dbCpu = dbCpu();
        double client = clientCpu();
        long statements = -1;
        Map<String, Long> statementsByDb = new HashMap<>();
        String top = "";
        if (sqlStats) {
            StringBuilder text = new StringBuilder();
            try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("""
                    SELECT s.calls, s.total_exec_time, s.mean_exec_time, s.rows, d.datname,
                           regexp_replace(s.query, '\\s+', ' ', 'g')
                    FROM pg_stat_statements s LEFT JOIN pg_database d ON d.oid = s.dbid
                    WHERE s.query NOT LIKE '%pg_stat_statements%' AND s.query NOT LIKE '%pg_stat_database%'
                      AND s.query NOT LIKE '%pg_stat_activity%'
                    ORDER BY s.calls DESC""")) {
                issued.incrementAndGet();
                statements = 0;
                while (rows.next()) {
                    statements += rows.getLong(1);
                    statementsByDb.merge(String.valueOf(rows.getString(5)), rows.getLong(1), Long::sum);
                    text.append(String.format(Locale.ROOT, "%9d calls %10.1f ms total %8.3f ms mean %9d rows  %-13s %s%n",
                            rows.getLong(1), rows.getDouble(2), rows.getDouble(3), rows.getLong(4),
                            "[" + rows.getString(5) + "]", rows.getString(6)));
                }
            }
            top = text.toString();
        }
        // the monitoring's own transactions from the first reading of the commits to this one (this one's is not in it)
        long monitor = issued.get() - start.monitorStatements();
        Map<String, long[]> xacts = xacts();
        long commits = 0;
        long rollbacks = 0;
        Map<String, Long> commitsByDb = new HashMap<>();
        for (Map.Entry<String, long[]> database : xacts.entrySet()) {
            long[] before = start.xacts().getOrDefault(database.getKey(), new long[2]);
            long committed = database.getValue()[0] - before[0] - (database.getKey().equals(monitorDatabase) ? monitor : 0);
            commitsByDb.put(database.getKey(), Math.max(0, committed));
            commits += committed;
            rollbacks += database.getValue()[1] - before[1];
        }
        List<Share> databases = new ArrayList<>();
        if (simPid >= 0) {
            Map<String, Double> cpuByDb = new HashMap<>();
            backends.forEach((pid, now) -> {
                Backend then = start.backends().get(pid);
                double used = now.cpu() - (then != null && then.database().equals(now.database()) ? then.cpu() : 0);
                cpuByDb.merge(now.database(), Math.max(0, used), Double::sum);
            });
            databases.add(new Share(APP, cpuByDb.getOrDefault(appDatabase, 0.0), commitsByDb.getOrDefault(appDatabase, 0L),
                    sqlStats ? statementsByDb.getOrDefault(appDatabase, 0L) : -1));
            databases.add(new Share(SIMULATOR, cpuByDb.getOrDefault(simDatabase, 0.0), commitsByDb.getOrDefault(simDatabase, 0L),
                    sqlStats ? statementsByDb.getOrDefault(simDatabase, 0L) : -1));
        }
        return new Delta((end - start.nanoTime()) / 1e9, appPid < 0 ? -1 : app - start.appCpu(),
                simPid < 0 ? -1 : sim - start.simCpu(), dbCpu < 0 ? -1 : dbCpu - start.dbCpu(),
                client < 0 ? -1 : client - start.clientCpu(), Math.max(0, commits), rollbacks, statements, top,
                List.copyOf(databases));
    }

    /** Commits and rollbacks per database (pg_stat_database). */
    private Map<String, long[]> xacts() throws SQLException {
        Map<String, long[]> xacts = new HashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT datname, xact_commit, xact_rollback FROM pg_stat_database")) {
            issued.incrementAndGet();
            while (rows.next()) {
                xacts.put(String.valueOf(rows.getString(1)), new long[] {rows.getLong(2), rows.getLong(3)});
            }
        }
        return xacts;
    }

    /** PostgreSQL's backends connected to a database (not this monitor's), with their CPU so far. */
    private Map<Long, Backend> backends() throws SQLException {
        Map<Long, Backend> backends = new HashMap<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT pid, datname FROM pg_stat_activity WHERE datname IS NOT NULL AND pid <> pg_backend_pid()")) {
            issued.incrementAndGet();
            while (rows.next()) {
                double cpu = cpu(rows.getLong(1), false);
                if (cpu >= 0) {
                    backends.put(rows.getLong(1), new Backend(rows.getString(2), cpu));
                }
            }
        }
        return backends;
    }

    /** The postmaster's own CPU and its ended children's, plus every live process under it. */
    private double dbCpu() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
            double total = cpu(postmaster, true);
            if (total < 0) {
                return -1;
            }
            for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.descendants().toList()).orElse(java.util.List.of())) {
                total += Math.max(0, cpu(child.pid(), false));
            }
            return total;
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }

    private static double clientCpu() {
        double self = cpu(ProcessHandle.current().pid(), true);
        if (self < 0 && ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return self;
    }

    /** utime + stime (+ cutime + cstime: children that ended and were waited for) from /proc/{pid}/stat, in seconds. */
    static double cpu(long pid, boolean withEndedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3 of proc(5)); utime is field 14, stime 15, cutime 16, cstime 17
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withEndedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks / TICK;
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).strip();
            getconf.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException | InterruptedException unknown) {
            return 100;
        }
    }
}
