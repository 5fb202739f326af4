package com.linkpos.failover;

import static com.linkpos.failover.AutoFailoverCluster.log;
import static com.linkpos.failover.AutoFailoverCluster.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.failover.PaymentLoad.Attempt;
import com.linkpos.support.Api;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 [O1]: the fault test with real components. PostgreSQL with a synchronous standby and automatic failover
 * (pg_auto_failover: a monitor, a primary, a secondary), two LinkPOS instances (the packaged jar, each its own JVM)
 * behind HAProxy with health checks, and the bank simulator as a process of its own. Payers pay through the balancer
 * while the primary's PostgreSQL is killed with SIGKILL (its whole machine: postmaster, backends and keeper, so the
 * monitor must fail over), and later one LinkPOS instance is killed with SIGKILL. Afterwards, on the new primary:
 * every payment a payer saw approved is in the ledger exactly once, the links' counters match the ledger, no
 * single-use link is paid twice, the bank's books and ours agree, and service resumed within a measured bound.
 * <p>
 * Not a unit test (its name does not end in "Test"): only {@code ./mvnw -Pfailover verify} runs it, through failsafe,
 * as root on Debian with postgresql-15, postgresql-15-auto-failover, pg-auto-failover-cli and haproxy installed
 * ({@code .ci/run} installs them). docs/OPERATIONS.md "Failover, tested" has the topology and the figures.
 */
class FailoverFaultRun {

    final Path jar = Path.of(System.getProperty("failover.jar", "target/linkpos-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
    final Path out = Path.of(System.getProperty("failover.out", "target/failover")).toAbsolutePath();
    final int payers = Integer.getInteger("failover.payers", 6);
    final int warmupSeconds = Integer.getInteger("failover.warmupSeconds", 15);
    /** How long the load runs on after service came back from each fault. */
    final int steadySeconds = Integer.getInteger("failover.steadySeconds", 10);
    /** The bounds on time without service that the run asserts (measured: docs/OPERATIONS.md). */
    final int databaseOutageBound = Integer.getInteger("failover.databaseOutageBoundSeconds", 40);
    final int instanceOutageBound = Integer.getInteger("failover.instanceOutageBoundSeconds", 10);

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<AutoCloseable> resources = Collections.synchronizedList(new ArrayList<>());
    final long t0 = System.nanoTime();
    PaymentLoad load;
    long loadStart;

    @Test
    void paymentsSurviveTheLossOfThePrimaryDatabaseAndOfAnInstance() throws Exception {
        requireTools();
        AutoFailoverCluster.deleteRecursively(out);
        Files.createDirectories(out);
        AutoFailoverCluster.logFile = out.resolve("run.log");
        Path work = Files.createTempDirectory("linkpos-failover-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Thread cleanupOnExit = new Thread(this::closeAll, "failover-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        try {
            run(work);
        } catch (Throwable failed) {
            log("FAILED: %s", failed);
            if (load != null) {
                load.close();
                writeAttempts(load.attempts(), loadStart);
                load.attempts().stream().filter(a -> !a.approved()).limit(10).forEach(a -> log("not approved: %s", a));
            }
            throw failed;
        } finally {
            closeAll();
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
            AutoFailoverCluster.deleteRecursively(work);
        }
    }

    void run(Path work) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        // ---------------------------------------------------------------- the database cluster
        int[] ports = freePorts(9);
        AutoFailoverCluster cluster = new AutoFailoverCluster(work.resolve("pg"), out, ports[0], ports[1], ports[2]);
        resources.add(cluster);
        long t = System.nanoTime();
        cluster.create();
        figures.put("cluster setup", seconds(t));
        log("cluster ready in %.1f s: %s", seconds(t), cluster.states());
        String replication = cluster.replication();
        log("replication: %s", replication);
        figures.put("replication", replication);
        figures.put("number_sync_standbys", cluster.numberSyncStandbys);
        try (Connection c = cluster.primaryConnection("postgres"); Statement s = c.createStatement()) {
            // the application's user; the schema's owner (postgres) runs the migrations, which grant it the data
            s.execute("CREATE ROLE linkpos_app LOGIN");
        }

        // ---------------------------------------------------------------- the bank, the instances, the balancer
        EmbeddedPostgres bankDatabase = EmbeddedPostgres.builder().start();
        resources.add(bankDatabase);
        try (Connection c = bankDatabase.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE bank");
        }
        int simPort = ports[3];
        int lbPort = ports[4];
        Process simulator = startJava("bank-simulator", List.of("-Dloader.main=com.linkpos.banksimulator.standalone.BankSimulatorApplication",
                        "-cp", jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"),
                List.of("--server.port=" + simPort, "--spring.datasource.url=" + bankDatabase.getJdbcUrl("postgres", "bank"),
                        "--spring.datasource.username=postgres", "--logging.level.root=WARN"));

        String databaseUrl = "jdbc:postgresql://" + cluster.jdbcHosts() + "/" + AutoFailoverCluster.DATABASE
                + "?targetServerType=primary&connectTimeout=2&socketTimeout=30&hostRecheckSeconds=2&tcpKeepAlive=true";
        List<String> appArgs = List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=linkpos_app",
                "--spring.flyway.user=postgres",
                "--spring.datasource.hikari.connection-timeout=3000",
                "--spring.datasource.hikari.validation-timeout=1000",
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--management.endpoint.health.probes.enabled=true",
                "--linkpos.public-base-url=http://localhost:" + lbPort,
                "--linkpos.acquiring.default-terminal.gatewayUrl=http://localhost:" + simPort + "/simulator/payfor",
                "--linkpos.bootstrap.bank-api-key=" + TestData.BANK_KEY,
                "--linkpos.bootstrap.demo-data=false",
                "--linkpos.checkout.claim-ttl=10s",
                "--linkpos.checkout.stuck-after=10s",
                "--linkpos.checkout.recovery-poll=1s",
                "--linkpos.rate-limit.payment-per-address.requests=100000000",
                "--linkpos.rate-limit.payment-per-link.requests=100000000",
                "--linkpos.rate-limit.api.requests=100000000",
                "--logging.level.root=WARN");
        Map<String, Integer> instancePorts = new LinkedHashMap<>();
        instancePorts.put("app1", ports[5]);
        instancePorts.put("app2", ports[6]);
        Map<String, Process> instances = new LinkedHashMap<>();
        boolean simulatorUp = false;
        for (var instance : instancePorts.entrySet()) {
            // one after the other: the first runs the migrations
            List<String> args = new ArrayList<>(appArgs);
            args.add(0, "--server.port=" + instance.getValue());
            Process app = startJava(instance.getKey(), List.of("-jar", jar.toString()), args);
            instances.put(instance.getKey(), app);
            if (!simulatorUp) {
                // the simulator starts beside the first instance; nothing needs it before a payment
                waitUntilUp("bank-simulator", simulator, simPort, "/actuator/health");
                simulatorUp = true;
            }
            waitUntilUp(instance.getKey(), app, instance.getValue(), "/actuator/health/readiness");
        }
        Balancer balancer = Balancer.start(out, lbPort, ports[7], instancePorts);
        resources.add(balancer);
        waitFor(Duration.ofSeconds(20), "haproxy to see both instances UP",
                () -> balancer.servers().values().stream().filter(s -> s.startsWith("UP")).count() == 2);
        figures.put("start-up until load", seconds(t0));
        log("all up after %.1f s: simulator :%d, instances %s, haproxy :%d, cluster %s", seconds(t0), simPort, instancePorts,
                lbPort, cluster.states());

        // ---------------------------------------------------------------- load
        Api api = new Api(lbPort);
        Api.Merchant merchant = api.newMerchant();
        List<Api.CreatedLink> multi = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            multi.add(api.newLink(merchant, Map.of("amount", "5.00", "usage", "MULTI")));
        }
        load = new PaymentLoad(lbPort, merchant, multi);
        resources.add(0, load);
        loadStart = System.nanoTime();
        load.start(payers);
        // at least the warm-up's seconds, and until payments are approved steadily (a busy runner starts slowly)
        Thread.sleep(warmupSeconds * 1000L);
        waitFor(Duration.ofSeconds(180), "20 approved payments before the first fault",
                () -> load.attempts().stream().filter(Attempt::approved).count() >= 20);
        log("warm-up: %d payments approved in %.1f s", load.attempts().stream().filter(Attempt::approved).count(), seconds(loadStart));

        // ---------------------------------------------------------------- fault 1: the primary's PostgreSQL dies
        Payer early = new Payer(lbPort);
        Page earlyPage = early.open(multi.get(0).token());
        String primary = cluster.primary();
        String standby = primary.equals(AutoFailoverCluster.NODES[0]) ? AutoFailoverCluster.NODES[1] : AutoFailoverCluster.NODES[0];
        long postmaster = cluster.postmasterPid(primary);
        long fault1 = System.nanoTime();
        List<Long> killed = cluster.killNode(primary);
        log("FAULT 1: SIGKILL to %s (postmaster %d, keeper and backends: %s)", primary, postmaster, killed);
        waitFor(Duration.ofSeconds(120), standby + " promoted", () -> {
            String state = cluster.state(standby);
            return "wait_primary".equals(state) || "primary".equals(state);
        });
        double failover = seconds(fault1);
        log("failover: %s promoted %.1f s after the kill: %s", standby, failover, cluster.states());
        double outage1 = waitForApprovalAfter(load, fault1, databaseOutageBound + 60);
        log("service resumed %.1f s after the kill", outage1);
        Attempt earlyResult = load.finish(-1, "opened-before-fault", multi.get(0), early, earlyPage, System.nanoTime());
        log("a payment page opened before the kill, paid after it: %s %s", earlyResult.outcome(), earlyResult.detail());

        long rejoinStart = System.nanoTime();
        cluster.restart(primary);
        waitFor(Duration.ofSeconds(240), primary + " back as a synchronous standby",
                () -> "secondary".equals(cluster.state(primary)) && "primary".equals(cluster.state(standby)));
        double rejoin = seconds(rejoinStart);
        log("%s rejoined as secondary in %.1f s: %s; %s", primary, rejoin, cluster.states(), cluster.replication());
        Thread.sleep(steadySeconds * 1000L);

        // ---------------------------------------------------------------- fault 2: one LinkPOS instance dies
        Payer early2 = new Payer(lbPort);
        Page early2Page = early2.open(multi.get(1).token());
        String victim = "app1";
        long fault2 = System.nanoTime();
        instances.get(victim).destroyForcibly(); // SIGKILL
        instances.get(victim).waitFor(10, TimeUnit.SECONDS);
        log("FAULT 2: SIGKILL to %s (pid %d)", victim, instances.get(victim).pid());
        waitFor(Duration.ofSeconds(30), "haproxy to mark " + victim + " down", () -> balancer.servers().getOrDefault(victim, "").startsWith("DOWN"));
        double markedDown = seconds(fault2);
        log("haproxy marked %s DOWN %.1f s after the kill: %s", victim, markedDown, balancer.servers());
        double outage2 = waitForApprovalAfter(load, fault2, instanceOutageBound + 60);
        log("service resumed %.1f s after the instance's kill", outage2);
        Thread.sleep(steadySeconds * 1000L);
        Attempt early2Result = load.finish(-2, "opened-before-fault", multi.get(1), early2, early2Page, System.nanoTime());
        log("a payment page opened on either instance before the kill, paid after it: %s %s", early2Result.outcome(), early2Result.detail());

        load.close();
        resources.remove(load);
        double loadSeconds = seconds(loadStart);

        // ---------------------------------------------------------------- the books
        List<Attempt> attempts = new ArrayList<>(load.attempts());
        attempts.add(earlyResult);
        attempts.add(early2Result);
        writeAttempts(attempts, loadStart);
        Map<String, Attempt> seenApproved = new HashMap<>();
        List<String> seenTwice = new ArrayList<>();
        for (Attempt a : attempts) {
            if (a.approved() && seenApproved.put(a.transactionId(), a) != null) {
                seenTwice.add(a.transactionId());
            }
        }
        Map<String, Long> approvedPerSingleLink = attempts.stream().filter(a -> a.approved() && a.kind().equals("single"))
                .collect(Collectors.groupingBy(Attempt::linkId, Collectors.counting()));
        long singleSeenTwice = approvedPerSingleLink.values().stream().filter(n -> n > 1).count();

        // recovery settles attempts a kill left half-way (an approval at the bank nobody recorded is voided there)
        Map<String, Long> bankApprovals = new HashMap<>();
        waitFor(Duration.ofSeconds(90), "the bank's approvals to match the ledger (recovery)", () -> {
            bankApprovals.clear();
            bankApprovals.putAll(bankApprovals(bankDatabase));
            try (Connection c = cluster.primaryConnection("postgres")) {
                return bankApprovals.keySet().equals(ledgerHostReferences(c, merchant.id()).keySet())
                        && bankApprovals.values().stream().allMatch(n -> n == 1);
            }
        });
        Books books;
        try (Connection c = cluster.primaryConnection("postgres")) {
            books = readBooks(c, merchant.id(), seenApproved.keySet());
        }
        Map<String, Long> ledgerReferences;
        try (Connection c = cluster.primaryConnection("postgres")) {
            ledgerReferences = ledgerHostReferences(c, merchant.id());
        }
        String nodes = compareNodes(cluster);

        // ---------------------------------------------------------------- the figures
        long approved = attempts.stream().filter(Attempt::approved).count();
        Map<String, Long> outcomes = new TreeMap<>(attempts.stream().collect(Collectors.groupingBy(
                a -> a.outcome().equals("DECLINED") ? "DECLINED " + a.detail() : a.outcome(), Collectors.counting())));
        figures.put("payments approved", approved);
        figures.put("payment attempts by outcome", outcomes);
        figures.put("load seconds", loadSeconds);
        figures.put("payers", payers);
        figures.put("failover (kill -> standby promoted)", failover);
        figures.put("time without service after the database kill", outage1);
        figures.put("longest gap between approvals around the database kill", longestGap(attempts, fault1, 30));
        figures.put("old primary rejoined as standby", rejoin);
        figures.put("haproxy marked the killed instance DOWN", markedDown);
        figures.put("time without service after the instance kill", outage2);
        figures.put("longest gap between approvals around the instance kill", longestGap(attempts, fault2, 30));
        figures.put("errors seen by payers in the 30 s after the database kill", errorsWithin(attempts, fault1, 30));
        figures.put("errors seen by payers in the 30 s after the instance kill", errorsWithin(attempts, fault2, 30));
        figures.put("payment page opened before the database kill, paid after", earlyResult.outcome());
        figures.put("payment page opened before the instance kill, paid after", early2Result.outcome());
        figures.put("lost payments (seen approved, not in the ledger)", books.missing.size());
        figures.put("seen approved but not an approved sale", books.wrong.size());
        figures.put("transaction ids seen approved twice", seenTwice.size());
        figures.put("links whose counters differ from the ledger", books.counterMismatches.size());
        figures.put("single-use links with more than one approved sale (ledger)", books.singleUsePaidTwice.size());
        figures.put("approvals nobody saw, voided by recovery (sale + void in the ledger)", books.recoveredAndVoided);
        figures.put("single-use links seen approved twice (payers)", singleSeenTwice);
        figures.put("ledger sales / bank approvals (not voided)", ledgerReferences.size() + " / " + bankApprovals.size());
        figures.put("nodes after the run", nodes);
        figures.put("total run seconds", seconds(t0));
        writeReport(figures);

        assertThat(books.missing).as("payments a payer saw approved that are not in the ledger").isEmpty();
        assertThat(books.wrong).as("payments seen approved that are not approved sales").isEmpty();
        assertThat(seenTwice).as("one transaction id approved for two payments").isEmpty();
        assertThat(books.counterMismatches).as("links whose counters differ from the ledger").isEmpty();
        assertThat(books.singleUsePaidTwice).as("single-use links paid twice").isEmpty();
        assertThat(singleSeenTwice).as("single-use links two payers saw approved").isZero();
        assertThat(ledgerReferences.values()).as("one sale per bank approval").allMatch(n -> n == 1);
        assertThat(outage1).as("time without service after the primary's kill").isLessThanOrEqualTo(databaseOutageBound);
        assertThat(outage2).as("time without service after the instance's kill").isLessThanOrEqualTo(instanceOutageBound);
        assertThat(earlyResult.approved() || early2Result.approved()).as("a page opened before a fault paid after it").isTrue();
    }

    // ------------------------------------------------------------------ measuring

    /** Seconds from the fault until a payment that started after it was approved; fails after {@code limit}. */
    double waitForApprovalAfter(PaymentLoad load, long fault, int limit) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limit);
        while (System.nanoTime() < deadline) {
            var first = load.attempts().stream().filter(a -> a.approved() && a.start() > fault).mapToLong(Attempt::end).min();
            if (first.isPresent()) {
                return (first.getAsLong() - fault) / 1e9;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no payment approved within " + limit + " s of the fault");
    }

    /** The longest time between two approvals (their ends) within {@code window} seconds after the fault. */
    static double longestGap(List<Attempt> attempts, long fault, int window) {
        List<Long> ends = attempts.stream().filter(Attempt::approved).map(Attempt::end).sorted().toList();
        long limit = fault + TimeUnit.SECONDS.toNanos(window);
        double gap = 0;
        for (int i = 1; i < ends.size(); i++) {
            if (ends.get(i) > fault && ends.get(i - 1) < limit) {
                gap = Math.max(gap, (ends.get(i) - ends.get(i - 1)) / 1e9);
            }
        }
        return gap;
    }

    static long errorsWithin(List<Attempt> attempts, long fault, int window) {
        long limit = fault + TimeUnit.SECONDS.toNanos(window);
        return attempts.stream().filter(a -> a.outcome().equals("ERROR") && a.end() > fault && a.start() < limit).count();
    }

    // ------------------------------------------------------------------ checking the books

    record Books(List<String> missing, List<String> wrong, List<String> counterMismatches, List<String> singleUsePaidTwice,
                 long recoveredAndVoided) {
    }

    static Books readBooks(Connection c, String merchantId, Set<String> seenApproved) throws Exception {
        Map<String, String> found = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, type, status FROM transactions WHERE id = ANY (?)")) {
            Array ids = c.createArrayOf("text", seenApproved.toArray());
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.merge(r.getString(1), r.getString(2) + "/" + r.getString(3), (a, b) -> a + "+" + b);
                }
            }
        }
        List<String> missing = seenApproved.stream().filter(id -> !found.containsKey(id)).sorted().toList();
        List<String> wrong = found.entrySet().stream().filter(e -> !e.getValue().equals("SALE/APPROVED"))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
        List<String> counters = new ArrayList<>();
        List<String> paidTwice = new ArrayList<>();
        long recovered = 0;
        // What a link shows (LinkReport, the link page): payments = payment_count - voided_count, collected =
        // collected_minor - voided_minor [M7]; they must be what its approved sales that stand in the ledger add up to.
        // An approval that recovery found after a crash is written down as a sale with its void at once and counted on
        // neither side of the link (the payer never saw it and was not charged): "recovered" below.
        try (PreparedStatement s = c.prepareStatement("""
                SELECT l.id, l.usage, l.payment_count, l.collected_minor, l.voided_count, l.voided_minor,
                       count(t.id) FILTER (WHERE NOT t.voided) AS standing,
                       coalesce(sum(t.amount_minor) FILTER (WHERE NOT t.voided), 0) AS standing_minor,
                       count(t.id) AS sales, count(t.id) FILTER (WHERE t.voided) AS voided
                FROM links l LEFT JOIN transactions t
                  ON t.link_id = l.id AND t.type = 'SALE' AND t.status = 'APPROVED'
                WHERE l.merchant_id = ?
                GROUP BY l.id""")) {
            s.setString(1, merchantId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String link = r.getString("id");
                    long payments = r.getLong("payment_count") - r.getLong("voided_count");
                    long collected = r.getLong("collected_minor") - r.getLong("voided_minor");
                    if (payments != r.getLong("standing") || collected != r.getLong("standing_minor")) {
                        counters.add(link + ": shows " + payments + " payments / " + collected + " minor, ledger "
                                + r.getLong("standing") + " / " + r.getLong("standing_minor"));
                    }
                    recovered += r.getLong("sales") - r.getLong("payment_count");
                    if (r.getString("usage").equals("SINGLE") && r.getLong("standing") > 1) {
                        paidTwice.add(link + ": " + r.getLong("standing") + " approved sales");
                    }
                }
            }
        }
        return new Books(missing, wrong, counters, paidTwice, recovered);
    }

    /** The host references of the merchant's approved sales that were not voided, each with how many sales carry it. */
    static Map<String, Long> ledgerHostReferences(Connection c, String merchantId) throws Exception {
        Map<String, Long> references = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT host_reference, count(*) FROM transactions
                WHERE merchant_id = ? AND type = 'SALE' AND status = 'APPROVED' AND NOT voided GROUP BY host_reference""")) {
            s.setString(1, merchantId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    references.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return references;
    }

    /** What the bank approved and did not void (only this run's merchant pays at this bank). */
    static Map<String, Long> bankApprovals(EmbeddedPostgres bank) throws Exception {
        Map<String, Long> approvals = new HashMap<>();
        try (Connection c = bank.getDatabase("postgres", "bank").getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     SELECT host_ref_num, count(*) FROM simulator_transactions
                     WHERE txn_type = 'Auth' AND approved AND voided_at IS NULL GROUP BY host_ref_num""")) {
            while (r.next()) {
                approvals.put(r.getString(1), r.getLong(2));
            }
        }
        return approvals;
    }

    /** After the old primary's rejoin, both nodes hold the same ledger. */
    static String compareNodes(AutoFailoverCluster cluster) throws Exception {
        List<String> views = new ArrayList<>();
        waitFor(Duration.ofSeconds(30), "both nodes to hold the same ledger", () -> {
            views.clear();
            for (String node : AutoFailoverCluster.NODES) {
                try (Connection c = cluster.node(node, "postgres"); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT count(*), coalesce(sum(amount_minor), 0) FROM transactions")) {
                    r.next();
                    views.add(r.getLong(1) + " transactions, " + r.getLong(2) + " minor");
                }
            }
            return views.get(0).equals(views.get(1));
        });
        return cluster.states() + "; each node: " + views.get(0);
    }

    // ------------------------------------------------------------------ processes

    Process startJava(String name, List<String> launch, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.addAll(launch);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve(name + ".log").toFile()).start();
        resources.add(0, () -> stop(process));
        log("started %s (pid %d)", name, process.pid());
        return process;
    }

    void waitUntilUp(String name, Process process, int port, String path) throws Exception {
        long t = System.nanoTime();
        waitFor(Duration.ofMinutes(4), name + " to answer " + path, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited " + process.exitValue() + "; see " + out.resolve(name + ".log"));
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200;
        });
        log("%s ready in %.1f s", name, seconds(t));
    }

    static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Stops everything this run started, newest first; safe to call twice (also the shutdown hook's work). */
    synchronized void closeAll() {
        List<AutoCloseable> all;
        synchronized (resources) {
            all = new ArrayList<>(resources);
            resources.clear();
        }
        for (AutoCloseable resource : all) {
            try {
                resource.close();
            } catch (Exception e) {
                log("closing %s: %s", resource, e);
            }
        }
    }

    static void requireTools() {
        assertThat(System.getProperty("user.name")).as("run as root (PostgreSQL then runs as the user postgres)").isEqualTo("root");
        for (String tool : List.of("/usr/bin/pg_autoctl", "/usr/sbin/haproxy", "/usr/bin/setpriv",
                AutoFailoverCluster.PG_BIN.resolve("pg_ctl").toString())) {
            assertThat(Path.of(tool)).as("%s (apt-get install postgresql-15 postgresql-15-auto-failover pg-auto-failover-cli haproxy)", tool)
                    .isExecutable();
        }
    }

    static int[] freePorts(int count) throws Exception {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            Set<Integer> ports = new HashSet<>();
            while (ports.size() < count) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports.stream().mapToInt(Integer::intValue).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    void writeAttempts(List<Attempt> attempts, long loadStart) throws Exception {
        StringBuilder csv = new StringBuilder("payer,kind,link,start_s,end_s,outcome,transaction,detail\n");
        attempts.stream().sorted((a, b) -> Long.compare(a.start(), b.start())).forEach(a -> csv.append(String.format(
                "%d,%s,%s,%.3f,%.3f,%s,%s,\"%s\"%n", a.payer(), a.kind(), a.linkId(), (a.start() - loadStart) / 1e9,
                (a.end() - loadStart) / 1e9, a.outcome(), a.transactionId() == null ? "" : a.transactionId(),
                String.valueOf(a.detail()).replace("\"", "'"))));
        Files.writeString(out.resolve("attempts.csv"), csv);
    }

    void writeReport(Map<String, Object> figures) throws Exception {
        StringBuilder md = new StringBuilder("# Failover fault run, " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)
                + "\n\nMachine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version") + "\n\n| figure | value |\n|---|---|\n");
        figures.forEach((k, v) -> md.append("| ").append(k).append(" | ")
                .append(v instanceof Double d ? String.format("%.1f s", d) : String.valueOf(v)).append(" |\n"));
        Files.writeString(out.resolve("failover.md"), md);
        System.out.println(md);
    }
}
