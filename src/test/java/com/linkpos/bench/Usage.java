package com.linkpos.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What a measured period cost, whatever else runs on the machine: CPU seconds of the application's
 * process, of PostgreSQL (the postmaster, its live processes, and those that ended, through the
 * postmaster's cumulative child times), and of the client (this JVM, plus its ended children such
 * as pgbench); the commits PostgreSQL counted; with {@code -Dbench.sqlStats=true}, the statements
 * (pg_stat_statements). Linux only: elsewhere the CPU figures are -1.
 */
final class Usage {

    record Snapshot(long nanoTime, double appCpu, double dbCpu, double clientCpu, long commits, long rollbacks) {
    }

    /** Per period; {@code statements} is -1 without pg_stat_statements. */
    record Delta(double seconds, double appCpu, double dbCpu, double clientCpu, long commits, long rollbacks,
                 long statements, String topStatements) {

        String perOperation(long operations, String unit) {
            if (operations <= 0) {
                return "";
            }
            StringBuilder text = new StringBuilder();
            if (appCpu >= 0) {
                text.append(String.format(Locale.ROOT, "app CPU %.2f ms, ", appCpu * 1000 / operations));
            }
            if (dbCpu >= 0) {
                text.append(String.format(Locale.ROOT, "PostgreSQL CPU %.2f ms, ", dbCpu * 1000 / operations));
            }
            if (clientCpu >= 0) {
                text.append(String.format(Locale.ROOT, "client CPU %.2f ms, ", clientCpu * 1000 / operations));
            }
            text.append(String.format(Locale.ROOT, "%.1f commits", (double) commits / operations));
            if (statements >= 0) {
                text.append(String.format(Locale.ROOT, ", %.1f SQL statements", (double) statements / operations));
            }
            return text.append(" per ").append(unit).toString();
        }

        /** Cores busy on average: (app + PostgreSQL + client CPU) / wall time. */
        String coresBusy() {
            if (dbCpu < 0 || clientCpu < 0) {
                return "";
            }
            double app = Math.max(0, appCpu);
            return String.format(Locale.ROOT, "%.2f cores busy on average (%sPostgreSQL %.2f, client %.2f)",
                    (app + dbCpu + clientCpu) / seconds,
                    appCpu < 0 ? "" : String.format(Locale.ROOT, "app %.2f, ", app / seconds), dbCpu / seconds, clientCpu / seconds);
        }
    }

    private static final double TICK = ticksPerSecond();

    private final long appPid;
    private final Path postmasterPid;
    private final Connection db;
    private final boolean sqlStats;

    /** appPid -1 for none; db: a connection of its own, autocommit. */
    Usage(long appPid, Path pgDataDir, Connection db, boolean sqlStats) {
        this.appPid = appPid;
        this.postmasterPid = pgDataDir.resolve("postmaster.pid");
        this.db = db;
        this.sqlStats = sqlStats;
    }

    Usage withApp(long pid) {
        return new Usage(pid, postmasterPid.getParent(), db, sqlStats);
    }

    Snapshot snapshot() throws SQLException {
        if (sqlStats) {
            try (Statement statement = db.createStatement()) {
                statement.execute("SELECT pg_stat_statements_reset()");
            }
        }
        long[] xacts = commits();
        return new Snapshot(System.nanoTime(), appPid < 0 ? 0 : cpu(appPid, false), dbCpu(), clientCpu(), xacts[0], xacts[1]);
    }

    Delta since(Snapshot start) throws SQLException {
        long end = System.nanoTime();
        double app = appPid < 0 ? 0 : cpu(appPid, false);
        double dbCpu = dbCpu();
        double client = clientCpu();
        long statements = -1;
        String top = "";
        if (sqlStats) {
            StringBuilder text = new StringBuilder();
            try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("""
                    SELECT calls, total_exec_time, mean_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')
                    FROM pg_stat_statements
                    WHERE query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%pg_stat_database%'
                    ORDER BY calls DESC""")) {
                statements = 0;
                while (rows.next()) {
                    statements += rows.getLong(1);
                    text.append(String.format(Locale.ROOT, "%9d calls %10.1f ms total %8.3f ms mean %9d rows  %s%n",
                            rows.getLong(1), rows.getDouble(2), rows.getDouble(3), rows.getLong(4), rows.getString(5)));
                }
            }
            top = text.toString();
        }
        long[] xacts = commits();
        // less the monitoring's own transactions: two per snapshot
        return new Delta((end - start.nanoTime()) / 1e9, appPid < 0 ? -1 : app - start.appCpu(),
                dbCpu < 0 ? -1 : dbCpu - start.dbCpu(), client < 0 ? -1 : client - start.clientCpu(),
                Math.max(0, xacts[0] - start.commits() - 2), xacts[1] - start.rollbacks(), statements, top);
    }

    private long[] commits() throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT sum(xact_commit), sum(xact_rollback) FROM pg_stat_database")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
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
