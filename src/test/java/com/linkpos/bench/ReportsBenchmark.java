package com.linkpos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports benchmark (bench/README.md): LinkPOS as it ships (the packaged jar, its own JVM with
 * -Xmx256m) against its own embedded PostgreSQL, seeded with SQL, measured over HTTP.
 * <p>
 * Not a unit test: its name ends in "Benchmark", so surefire never runs it; only the {@code bench}
 * profile runs it, through failsafe, after {@code package}. Settings are system properties
 * ({@code -Dbench.rows=50000} on the Maven command line reaches the test JVM).
 */
class ReportsBenchmark {

    // The targets.
    static final double SEARCH_P95_TARGET_MS = 50;
    static final double CSV_TARGET_ROWS_PER_S = 100_000;
    static final double XLSX_TARGET_ROWS_PER_S = 20_000;
    static final long TARGET_SCALE = 1_000_000;

    static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // zonky narrates initdb and the server log at INFO: only its warnings here
        if (org.slf4j.LoggerFactory.getLogger("io.zonky") instanceof ch.qos.logback.classic.Logger zonky) {
            zonky.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    // Settings.
    final long rows = Long.getLong("bench.rows", 1_000_000);
    final long exportRows = Long.getLong("bench.exportRows", rows);
    final int merchants = Integer.getInteger("bench.merchants", 100);
    final int days = Integer.getInteger("bench.days", 30);
    final int warmup = Integer.getInteger("bench.warmup", 200);
    final int searches = Integer.getInteger("bench.searches", 300);
    final long seed = Long.getLong("bench.seed", 42);
    final String heap = System.getProperty("bench.xmx", "256m");
    final boolean countXlsxRows = Boolean.parseBoolean(System.getProperty("bench.countXlsxRows", "true"));
    final boolean enforce = Boolean.parseBoolean(System.getProperty("bench.enforce", "false"));
    final String extraAppArgs = System.getProperty("bench.appArgs", "");
    final Path jar = Path.of(System.getProperty("bench.jar", "target/linkpos-0.1.0-SNAPSHOT.jar"));
    final Path out = Path.of(System.getProperty("bench.out", "target/bench"));

    final String bankKey = "bench_bank_key_" + Long.toHexString(new Random().nextLong());
    final String bankPassword = "bench-bank-" + Long.toHexString(new Random().nextLong());
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    String base;
    Process app;

    record Merchant(String id, String key) {
    }

    record Latencies(double p50, double p95, double p99, double max, double mean, double rowsPerPage) {
    }

    record Export(String format, long rows, long bytes, double seconds, double firstByteSeconds, long peakHeap,
                  long heapMax, String problem) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    @Test
    void reports() throws Exception {
        Files.createDirectories(out);
        try (var old = Files.list(out)) { // an earlier run's files (the data directory is cleaned by zonky)
            for (Path file : old.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
        assertThat(jar).as("the packaged application (run through the bench profile: ./mvnw -Pbench verify)").exists();
        Instant started = Instant.now();
        double loadAtStart = os().getSystemLoadAverage();
        log("LinkPOS reports benchmark: %,d search rows over %d merchants, %,d export rows, %d days", rows, merchants,
                exportRows, days);
        Path dataDir = out.resolve("pgdata");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                // as the application's own embedded server (EmbeddedPostgresConfiguration), plus room for the bulk load
                .setServerConfig("max_connections", "200")
                .setServerConfig("max_wal_size", "4GB")
                .start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Thread stopper = new Thread(this::stopApp, "bench-stop-app");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                startApp(url);
                run(postgres, started, loadAtStart);
            } catch (Throwable failure) {
                log("FAILED: %s; the application's log: %s", failure, out.resolve("app.log").toAbsolutePath());
                printTail(out.resolve("app.log"), 40);
                throw failure;
            } finally {
                stopApp();
                Runtime.getRuntime().removeShutdownHook(stopper);
            }
        }
    }

    void run(EmbeddedPostgres postgres, Instant started, double loadAtStart) throws Exception {
        // c. merchants through the bank API
        long t = System.nanoTime();
        List<Merchant> searchMerchants = createMerchants("Bench Mağaza", "bench", merchants);
        Merchant big = createMerchants("Bench Büyük Mağaza", "benchbig", 1).get(0);
        log("%d merchants created through the bank API in %.1f s", merchants + 1, seconds(t));

        // d. transactions straight into the ledger
        Instant end = Instant.now().minus(1, ChronoUnit.MINUTES);
        Instant start = end.minus(days, ChronoUnit.DAYS);
        String pgVersion;
        long seedStart = System.nanoTime();
        try (Connection db = postgres.getPostgresDatabase().getConnection()) {
            db.setAutoCommit(true);
            pgVersion = queryString(db, "SHOW server_version");
            seed(db, "s", ids(searchMerchants), rows, start, end);
            seed(db, "b", List.of(big.id()), exportRows, start, end);
            t = System.nanoTime();
            try (Statement statement = db.createStatement()) {
                statement.execute("VACUUM (ANALYZE) transactions");
                statement.execute("VACUUM (ANALYZE) batches");
                statement.execute("ANALYZE merchants");
                statement.execute("CHECKPOINT");
            }
            log("VACUUM ANALYZE and CHECKPOINT in %.1f s", seconds(t));
            long total = queryLong(db, "SELECT count(*) FROM transactions");
            assertThat(total).as("seeded rows").isEqualTo(rows + exportRows);
        }
        double seedSeconds = seconds(seedStart);

        // e. İşlem Arama, first page of one day
        Latencies search = search(searchMerchants);

        // f. the exports of the big merchant, every row
        PortalLogin metrics = new PortalLogin();
        LocalDate today = LocalDate.now(ISTANBUL);
        String range = "&from=" + LocalDate.ofInstant(start, ISTANBUL) + "&to=" + today;
        LocalDate yesterday = today.minusDays(1);
        warmUpExports(big, "&from=" + yesterday + "&to=" + yesterday);
        Export csv = export(big, "csv", range, metrics);
        Export xlsx = export(big, "xlsx", range, metrics);
        assertThat(app.isAlive()).as("the application survived the exports").isTrue();
        GcLog gc = GcLog.read(out.resolve("app-gc.log"));
        try (Connection db = postgres.getPostgresDatabase().getConnection()) {
            plans(db, searchMerchants.get(0), big, yesterday, LocalDate.ofInstant(start, ISTANBUL), today);
        }

        // g. the table
        String table = table(started, loadAtStart, pgVersion, seedSeconds, search, csv, xlsx, gc);
        Files.writeString(out.resolve("reports.md"), table);
        System.out.println();
        System.out.println(table);
        log("table written to %s", out.resolve("reports.md").toAbsolutePath());

        List<String> problems = new ArrayList<>();
        if (csv.problem() != null) {
            problems.add("CSV: " + csv.problem());
        }
        if (xlsx.problem() != null) {
            problems.add("XLSX: " + xlsx.problem());
        }
        if (enforce) {
            if (search.p95() > SEARCH_P95_TARGET_MS) {
                problems.add("search p95 " + ms(search.p95()) + " > " + SEARCH_P95_TARGET_MS + " ms");
            }
            if (csv.rowsPerSecond() < CSV_TARGET_ROWS_PER_S) {
                problems.add("CSV " + rate(csv.rowsPerSecond()) + " < target");
            }
            if (xlsx.rowsPerSecond() < XLSX_TARGET_ROWS_PER_S) {
                problems.add("XLSX " + rate(xlsx.rowsPerSecond()) + " < target");
            }
        }
        assertThat(problems).as("benchmark problems (the table is in %s)", out.resolve("reports.md")).isEmpty();
    }

    // ---------------------------------------------------------------- the application

    void startApp(String jdbcUrl) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://localhost:" + port;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-Xlog:gc:file=" + out.resolve("app-gc.log").toAbsolutePath(),
                "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--linkpos.bootstrap.bank-api-key=" + bankKey,
                "--linkpos.bootstrap.bank-admin-password=" + bankPassword,
                "--linkpos.bootstrap.demo-data=false",
                "--management.endpoints.web.exposure.include=health,metrics",
                "--logging.level.root=WARN"));
        if (!extraAppArgs.isBlank()) {
            command.addAll(Arrays.asList(extraAppArgs.trim().split("\\s+")));
        }
        log("starting the application: java -Xmx%s -jar %s --server.port=%d …%s", heap, jar.getFileName(), port,
                extraAppArgs.isBlank() ? "" : " " + extraAppArgs);
        Path appLog = out.resolve("app.log");
        app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(appLog.toFile()).start();
        long t = System.nanoTime();
        long deadline = t + Duration.ofMinutes(3).toNanos();
        while (true) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application stopped while starting, exit code " + app.exitValue());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application did not report UP within 3 minutes");
            }
            Thread.sleep(250);
        }
        log("application UP in %.1f s (pid %d)", seconds(t), app.pid());
    }

    void stopApp() {
        Process process = app;
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- c. merchants

    List<Merchant> createMerchants(String name, String user, int count) throws Exception {
        // two at a time: creating a merchant hashes its admin's password, which is CPU work on purpose
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Merchant>> futures = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                int n = i;
                futures.add(pool.submit(() -> createMerchant(name + " " + n, String.format("%s%03d", user, n))));
            }
            List<Merchant> created = new ArrayList<>();
            for (Future<Merchant> future : futures) {
                created.add(future.get());
            }
            return created;
        } finally {
            pool.shutdownNow();
        }
    }

    Merchant createMerchant(String name, String username) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("name", name, "email", username + "@bench.example",
                "admin", java.util.Map.of("username", username, "password", "bench-password-" + username)));
        HttpResponse<String> merchant = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/merchants"))
                .header("Authorization", "Bearer " + bankKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(merchant.statusCode()).as("create merchant: %s", merchant.body()).isEqualTo(201);
        String id = JSON.readTree(merchant.body()).path("id").asString();
        HttpResponse<String> key = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/merchants/" + id + "/api-keys"))
                .header("Authorization", "Bearer " + bankKey).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(key.statusCode()).as("issue key: %s", key.body()).isEqualTo(201);
        return new Merchant(id, JSON.readTree(key.body()).path("key").asString());
    }

    static List<String> ids(List<Merchant> merchants) {
        return merchants.stream().map(Merchant::id).toList();
    }

    // ---------------------------------------------------------------- d. the ledger

    /**
     * {@code count} transactions over {@code merchantIds} (row i belongs to merchant i % m), evenly spread
     * from {@code start} to {@code end} in the order of i, as a ledger fills: per merchant every 40 rows
     * one VOID and one REFUND of the sale two rows earlier (which is marked voided / partly refunded), 7%
     * of the other sales DECLINED; cards from the simulator's BIN table; approved rows in the daily batch
     * of their business day (closed, today's open). Deterministic: the same settings give the same rows.
     */
    void seed(Connection db, String tag, List<String> merchantIds, long count, Instant start, Instant end) throws SQLException {
        long t = System.nanoTime();
        LocalDate day0 = LocalDate.ofInstant(start, ISTANBUL);
        LocalDate lastDay = LocalDate.ofInstant(end, ISTANBUL);
        try (PreparedStatement batches = db.prepareStatement("""
                INSERT INTO batches (merchant_id, batch_number, business_day, opened_at, closed_at, closed_by)
                SELECT ids[m], d + 1, ?::date + d, (?::date + d)::timestamp AT TIME ZONE 'Europe/Istanbul',
                       CASE WHEN ?::date + d < ?::date THEN (?::date + d + 1)::timestamp AT TIME ZONE 'Europe/Istanbul' END,
                       CASE WHEN ?::date + d < ?::date THEN 'auto' END
                FROM (SELECT ?::text[] AS ids) p, generate_subscripts(p.ids, 1) AS m,
                     generate_series(0, ?::date - ?::date) AS d""")) {
            Date d0 = Date.valueOf(day0);
            Date last = Date.valueOf(lastDay);
            batches.setDate(1, d0);
            batches.setDate(2, d0);
            batches.setDate(3, d0);
            batches.setDate(4, last);
            batches.setDate(5, d0);
            batches.setDate(6, d0);
            batches.setDate(7, last);
            batches.setArray(8, db.createArrayOf("text", merchantIds.toArray()));
            batches.setDate(9, last);
            batches.setDate(10, d0);
            batches.executeUpdate();
        }
        String sql = """
                WITH p AS (
                    SELECT ?::text AS tag, ?::text[] AS ids, ?::bigint AS mc, ?::bigint AS n,
                           ?::timestamptz AS t0, ?::float8 AS span, ?::date AS day0
                ), g AS (
                    SELECT i, i % p.mc AS m, i / p.mc AS k,
                           ((i * 2654435761) % 4294967296) >> 12 AS u,
                           (((i - 2 * p.mc) * 2654435761) % 4294967296) >> 12 AS uo,
                           p.t0 + ((i + ((i * 2654435761) % 4294967296 % 1000) / 1000.0) * p.span / p.n)
                                  * interval '1 second' AS at
                    FROM p, generate_series(?::bigint, ?::bigint) AS i
                ), t AS (
                    SELECT g.*, CASE WHEN k >= 2 AND k % 40 = 0 THEN 'VOID'
                                     WHEN k >= 2 AND k % 40 = 1 THEN 'REFUND' ELSE 'SALE' END AS type
                    FROM g
                ), v AS (
                    SELECT t.*,
                           CASE WHEN type = 'SALE' THEN u ELSE uo END AS cu,
                           CASE WHEN type = 'SALE' THEN k ELSE k - 2 END AS ck,
                           (type = 'SALE' AND k % 40 NOT IN (38, 39) AND (u / 17) % 100 < 7) AS declined
                    FROM t
                ), w AS (
                    SELECT v.*, 1000 + ((cu / 11) % 50000) * 50 AS sale_minor, (cu % 7)::int + 1 AS card,
                           (ARRAY['05', '51', '54', '12'])[((u / 19) % 4)::int + 1] AS decline_code
                    FROM v
                )
                INSERT INTO transactions (id, merchant_id, type, status, order_number, amount_minor, currency,
                    installments, card_bin, card_last4, card_brand, card_issuer, card_type, auth_code, host_reference,
                    response_code, response_message, md_status, eci, payer_note, original_transaction_id,
                    refunded_minor, voided, batch_number, created_at)
                SELECT 'txn_' || upper(substr(md5(p.tag || w.i), 1, 26)),
                       p.ids[(w.m + 1)::int],
                       w.type,
                       CASE WHEN w.declined THEN 'DECLINED' ELSE 'APPROVED' END,
                       'ORD-' || lpad(w.m::text, 3, '0') || '-' || w.ck,
                       CASE WHEN w.type = 'REFUND' THEN w.sale_minor / 2 ELSE w.sale_minor END,
                       'TRY',
                       CASE (w.cu / 13) % 10 WHEN 0 THEN 3 WHEN 1 THEN 6 ELSE 1 END,
                       (ARRAY['415565', '545616', '979203', '979202', '550472', '540061', '555555'])[w.card],
                       lpad(((w.cu / 7) % 10000)::text, 4, '0'),
                       (ARRAY['VISA', 'MASTERCARD', 'TROY', 'TROY', 'MASTERCARD', 'MASTERCARD', 'MASTERCARD'])[w.card],
                       (ARRAY['QNB Finansbank', 'QNB Finansbank', 'QNB Finansbank', 'QNB Finansbank', 'HSBC Bank A.Ş.',
                              'QNB Finansbank', 'Türkiye İş Bankası'])[w.card],
                       (ARRAY['CREDIT', 'CREDIT', 'CREDIT', 'DEBIT', 'CREDIT', 'CREDIT', 'CREDIT'])[w.card],
                       CASE WHEN NOT w.declined THEN lpad(((w.u * 7919 + w.k) % 1000000)::text, 6, '0') END,
                       lpad(((w.u * 1000003 + w.i) % 1000000000000)::text, 12, '0'),
                       CASE WHEN w.declined THEN w.decline_code ELSE '00' END,
                       CASE WHEN NOT w.declined THEN 'Approved' WHEN w.decline_code = '05' THEN 'Do not honour'
                            WHEN w.decline_code = '51' THEN 'Insufficient funds' WHEN w.decline_code = '54' THEN 'Expired card'
                            ELSE 'Invalid transaction' END,
                       CASE WHEN w.type = 'SALE' THEN '1' END,
                       CASE WHEN w.type <> 'SALE' THEN NULL WHEN w.card IN (2, 5, 6, 7) THEN '02' ELSE '05' END,
                       CASE WHEN w.type = 'SALE' AND (w.u / 23) % 20 = 0 THEN 'Fatura no ' || w.k END,
                       CASE WHEN w.type <> 'SALE' THEN 'txn_' || upper(substr(md5(p.tag || (w.i - 2 * p.mc)), 1, 26)) END,
                       CASE WHEN w.type = 'SALE' AND w.k % 40 = 39 AND w.i + 2 * p.mc < p.n THEN w.sale_minor / 2 ELSE 0 END,
                       w.type = 'SALE' AND w.k % 40 = 38 AND w.i + 2 * p.mc < p.n,
                       CASE WHEN NOT w.declined THEN (w.at AT TIME ZONE 'Europe/Istanbul')::date - p.day0 + 1 END,
                       w.at
                FROM w, p""";
        long chunk = 200_000;
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (long lo = 0; lo < count; lo += chunk) {
                long hi = Math.min(count, lo + chunk) - 1;
                insert.setString(1, tag);
                insert.setArray(2, db.createArrayOf("text", merchantIds.toArray()));
                insert.setLong(3, merchantIds.size());
                insert.setLong(4, count);
                insert.setTimestamp(5, Timestamp.from(start));
                insert.setDouble(6, Duration.between(start, end).toMillis() / 1000.0);
                insert.setDate(7, Date.valueOf(day0));
                insert.setLong(8, lo);
                insert.setLong(9, hi);
                insert.executeUpdate();
                log("  seeded %,d / %,d rows (%s)", hi + 1, count, tag.equals("s") ? "search set" : "export merchant");
            }
        }
        log("%,d transactions for %d merchant(s) in %.1f s", count, merchantIds.size(), seconds(t));
    }

    // ---------------------------------------------------------------- e. the search

    Latencies search(List<Merchant> merchants) throws Exception {
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(ISTANBUL);
        long rowsSeen = 0;
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < warmup + searches; i++) {
            Merchant merchant = merchants.get(random.nextInt(merchants.size()));
            // a full day: one of the days before today (today is not over, the first day is cut by the start)
            LocalDate day = today.minusDays(1 + random.nextInt(days - 1));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/transactions?from=" + day + "&to=" + day + "&limit=50"))
                    .header("Authorization", "Bearer " + merchant.key()).timeout(Duration.ofSeconds(30)).build();
            long t = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - t) / 1e6;
            assertThat(response.statusCode()).as("search %s", new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            JsonNode data = JSON.readTree(response.body()).path("data");
            assertThat(data.size()).as("a day of a merchant has transactions").isPositive();
            if (i >= warmup) {
                millis.add(ms);
                rowsSeen += data.size();
            }
        }
        Files.write(out.resolve("search-latencies-ms.txt"),
                millis.stream().map(m -> String.format(Locale.ROOT, "%.3f", m)).toList());
        Collections.sort(millis);
        Latencies result = new Latencies(percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
                millis.get(millis.size() - 1), millis.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                (double) rowsSeen / searches);
        log("search: %d requests after %d warm-up: p50 %s, p95 %s, p99 %s, max %s (%.1f rows a page)", searches, warmup,
                ms(result.p50()), ms(result.p95()), ms(result.p99()), ms(result.max()), result.rowsPerPage());
        return result;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    // ---------------------------------------------------------------- f. the exports

    Export export(Merchant merchant, String format, String range, PortalLogin metrics) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/transactions/export?format=" + format + range))
                .header("Authorization", "Bearer " + merchant.key()).build();
        Path file = out.resolve("export." + format);
        Files.deleteIfExists(file);
        long heapMax = metrics.heap("jvm.memory.max");
        HeapPoller poller = new HeapPoller(metrics);
        Thread polling = new Thread(poller, "bench-heap-poller");
        polling.setDaemon(true);
        log("%s export of %,d rows…", format.toUpperCase(Locale.ROOT), exportRows);
        polling.start();
        long rows = 0;
        long bytes = 0;
        long t = System.nanoTime();
        double firstByte;
        String problem = null;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            firstByte = seconds(t);
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    problem = String.format(Locale.ROOT, "HTTP %d after %.1f s: %s", response.statusCode(), seconds(t),
                            new String(body.readNBytes(120), StandardCharsets.UTF_8).replace('|', '/'));
                } else if (format.equals("csv")) {
                    byte[] buffer = new byte[1 << 16];
                    long lines = 0;
                    for (int read; (read = body.read(buffer)) > 0; ) {
                        bytes += read;
                        for (int i = 0; i < read; i++) {
                            if (buffer[i] == '\n') {
                                lines++;
                            }
                        }
                    }
                    rows = lines - 1; // the header
                } else {
                    bytes = Files.copy(body, file); // to a file, not to memory; counted afterwards
                }
            }
        } catch (IOException broken) {
            firstByte = Double.NaN;
            problem = "the download broke off: " + broken;
        }
        double seconds = seconds(t);
        poller.stop.set(true);
        polling.join();
        if (format.equals("xlsx") && problem == null) {
            if (countXlsxRows) {
                long c = System.nanoTime();
                try {
                    rows = xlsxRows(file);
                    log("  (%,d rows counted in the XLSX in %.1f s, not part of the measurement)", rows, seconds(c));
                } catch (java.util.zip.ZipException corrupt) {
                    problem = String.format(Locale.ROOT, "HTTP 200 but a truncated XLSX (%s) after %.1f s, %,d bytes",
                            corrupt.getMessage(), seconds, bytes);
                }
            } else {
                rows = exportRows;
                if (bytes < exportRows * 20) {
                    problem = "implausibly small XLSX: " + bytes + " bytes for " + exportRows + " rows";
                }
            }
        }
        if (problem == null && rows != exportRows) {
            problem = "expected " + exportRows + " rows, got " + rows + " in " + String.format(Locale.ROOT, "%.1f", seconds) + " s";
        }
        Files.deleteIfExists(file);
        if (problem != null && (problem.startsWith("HTTP 503") || appLogMentions("AsyncRequestTimeoutException"))) {
            // a silent 503 before the first byte, a logged AsyncRequestTimeoutException and a cut-off body after it
            problem += " — the signature of Spring MVC's async request timeout (Tomcat's 30 s unless "
                    + "spring.mvc.async.request-timeout is set)";
        }
        Export export = new Export(format.toUpperCase(Locale.ROOT), rows, bytes, seconds, firstByte, poller.peak.get(),
                heapMax, problem);
        log("%s: %,d rows, %,d bytes in %.2f s = %s (first byte after %.2f s), peak heap %s of %s%s", export.format(),
                rows, bytes, seconds, rate(export.rowsPerSecond()), firstByte, mb(export.peakHeap()), mb(heapMax),
                problem == null ? "" : " — PROBLEM: " + problem);
        return export;
    }

    /** One day of the big merchant in each format, read and dropped: the export code runs compiled, as on a busy server. */
    void warmUpExports(Merchant merchant, String range) throws Exception {
        long t = System.nanoTime();
        for (String format : List.of("csv", "xlsx", "csv", "xlsx")) {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/transactions/export?format=" + format + range))
                    .header("Authorization", "Bearer " + merchant.key()).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertThat(response.statusCode()).as("warm-up export").isEqualTo(200);
        }
        log("exports warmed up (one day, each format twice) in %.1f s", seconds(t));
    }

    /**
     * The plans PostgreSQL chooses for the two queries, as the application sends them (Ledger.SELECT with the
     * search's WHERE and ORDER BY), into plans.txt: where to look first when a figure is off.
     */
    void plans(Connection db, Merchant merchant, Merchant big, LocalDate day, LocalDate from, LocalDate to) throws Exception {
        String select = """
                SELECT t.*, b.closed_at IS NOT NULL AS batch_closed FROM transactions t
                LEFT JOIN batches b ON b.merchant_id = t.merchant_id AND b.batch_number = t.batch_number
                WHERE t.merchant_id = '%s' AND t.created_at >= '%s' AND t.created_at < '%s'
                ORDER BY t.created_at DESC, t.id DESC""";
        String search = String.format(select, merchant.id(), day.atStartOfDay(ISTANBUL).toInstant(),
                day.plusDays(1).atStartOfDay(ISTANBUL).toInstant()) + " LIMIT 51";
        String export = String.format(select, big.id(), from.atStartOfDay(ISTANBUL).toInstant(),
                to.plusDays(1).atStartOfDay(ISTANBUL).toInstant());
        StringBuilder text = new StringBuilder();
        for (String[] query : new String[][] {{"search (first page of one day)", "EXPLAIN (ANALYZE, BUFFERS) " + search},
                {"export (every row of the big merchant)", "EXPLAIN (ANALYZE, BUFFERS) " + export}}) {
            text.append("-- ").append(query[0]).append('\n').append(query[1]).append("\n\n");
            try (Statement statement = db.createStatement(); ResultSet plan = statement.executeQuery(query[1])) {
                while (plan.next()) {
                    text.append(plan.getString(1)).append('\n');
                }
            }
            text.append('\n');
        }
        Files.writeString(out.resolve("plans.txt"), text);
    }

    /** Rows of every sheet of an XLSX, less each sheet's header row: a byte scan for "<row ", no parsing. */
    static long xlsxRows(Path file) throws IOException {
        byte[] needle = "<row ".getBytes(StandardCharsets.US_ASCII);
        long rows = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.getName().matches("xl/worksheets/sheet\\d+\\.xml")) {
                    continue;
                }
                rows--; // the header row
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] buffer = new byte[1 << 16];
                    int matched = 0;
                    for (int read; (read = in.read(buffer)) > 0; ) {
                        for (int i = 0; i < read; i++) {
                            byte b = buffer[i];
                            if (b == needle[matched]) {
                                if (++matched == needle.length) {
                                    rows++;
                                    matched = 0;
                                }
                            } else {
                                matched = b == needle[0] ? 1 : 0;
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** The application's heap in use, every 100 ms, through /actuator/metrics: the highest seen. */
    static final class HeapPoller implements Runnable {
        final PortalLogin metrics;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong peak = new AtomicLong();

        HeapPoller(PortalLogin metrics) {
            this.metrics = metrics;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                try {
                    peak.accumulateAndGet(metrics.heap("jvm.memory.used"), Math::max);
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    return;
                } catch (Exception ignored) {
                    // a missed sample is no reason to stop sampling
                }
            }
        }
    }

    /** A bank operator's portal session: /actuator/metrics is behind the portal's login. */
    final class PortalLogin {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();

        PortalLogin() throws Exception {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
            String form = "username=bank&password=" + URLEncoder.encode(bankPassword, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().firstValue("Location").orElse("")).as("bank operator login")
                    .doesNotContain("error");
            heap("jvm.memory.used"); // fails now rather than during the export
        }

        long heap(String metric) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/actuator/metrics/" + metric + "?tag=area:heap")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/actuator/metrics/" + metric + ": HTTP " + response.statusCode());
            }
            for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
                if ("VALUE".equals(measurement.path("statistic").asString())) {
                    return (long) measurement.path("value").asDouble();
                }
            }
            throw new IllegalStateException("no VALUE in " + response.body());
        }
    }

    /** Heap before each collection, from the application's -Xlog:gc file: the true high-water mark. */
    record GcLog(int collections, long maxBeforeMb, long capacityMb) {
        static GcLog read(Path file) throws IOException {
            if (!Files.exists(file)) {
                return new GcLog(0, 0, 0);
            }
            Pattern pause = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
            int count = 0;
            long max = 0;
            long capacity = 0;
            for (String line : Files.readAllLines(file)) {
                Matcher m = pause.matcher(line);
                if (m.find()) {
                    count++;
                    max = Math.max(max, Long.parseLong(m.group(1)));
                    capacity = Math.max(capacity, Long.parseLong(m.group(3)));
                }
            }
            return new GcLog(count, max, capacity);
        }
    }

    // ---------------------------------------------------------------- g. the table

    String table(Instant started, double loadAtStart, String pgVersion, double seedSeconds, Latencies search,
                 Export csv, Export xlsx, GcLog gc) {
        OperatingSystemMXBean os = os();
        StringBuilder md = new StringBuilder();
        md.append("# LinkPOS reports benchmark\n\n");
        if (rows < TARGET_SCALE || exportRows < TARGET_SCALE) {
            md.append("> **Smoke run** at a smaller scale than the targets' 1,000,000 rows: the figures show the ")
                    .append("benchmark works, the verdicts do not apply.\n\n");
        }
        md.append("- Date: ").append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(started.atOffset(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS))).append(" (took ")
                .append(Duration.between(started, Instant.now()).toSeconds()).append(" s, seeding ")
                .append(String.format(Locale.ROOT, "%.0f", seedSeconds)).append(" s of it)\n");
        md.append("- Machine: ").append(os.getAvailableProcessors()).append(" cores").append(cpuModel())
                .append(", ").append(String.format(Locale.ROOT, "%.1f", os.getTotalMemorySize() / 1024.0 / 1024 / 1024))
                .append(" GiB RAM, ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(String.format(Locale.ROOT, "; load average %.2f at the start, %.2f at the end", loadAtStart,
                        os.getSystemLoadAverage())).append('\n');
        md.append("- Java: ").append(System.getProperty("java.vm.vendor")).append(' ')
                .append(System.getProperty("java.runtime.version")).append("; the application runs as `java -Xmx")
                .append(heap).append(" -jar ").append(jar.getFileName()).append('`')
                .append(extraAppArgs.isBlank() ? "" : " with `" + extraAppArgs + "`").append('\n');
        md.append("- PostgreSQL: ").append(pgVersion)
                .append(" (embedded, io.zonky.test; default settings but max_wal_size=4GB for the load), same machine\n");
        md.append(String.format(Locale.ROOT, "- Data: %,d transactions over %d merchants (search), %,d of one merchant "
                + "(exports), spread over %d days; VACUUM ANALYZE after loading\n", rows, merchants, exportRows, days));
        md.append(String.format(Locale.ROOT, "- Search: %d requests after %d warm-up, one at a time, each a random merchant "
                + "and a random full day, `limit=50` (%.1f rows a page on average); client on the same machine\n",
                searches, warmup, search.rowsPerPage()));
        md.append("\n| Measure | Result | Target | Met |\n|---|---|---|---|\n");
        String searchName = "İşlem Arama, first page of one day (`GET /api/v1/transactions`)";
        row(md, searchName + ", p50", ms(search.p50()), "", "");
        row(md, searchName + ", **p95**", ms(search.p95()), "≤ 50 ms", verdict(search.p95() <= SEARCH_P95_TARGET_MS));
        row(md, searchName + ", p99", ms(search.p99()), "", "");
        row(md, searchName + ", max", ms(search.max()), "", "");
        exportRows(md, csv, CSV_TARGET_ROWS_PER_S);
        exportRows(md, xlsx, XLSX_TARGET_ROWS_PER_S);
        md.append("\nPeak heap: the largest `jvm.memory.used` (area heap) seen by polling `/actuator/metrics` every ")
                .append("100 ms during the export (it includes garbage not yet collected). ")
                .append(String.format(Locale.ROOT, "The application's GC log (%d collections over the whole run) shows at "
                        + "most %d MB in use before a collection, of %d MB.", gc.collections(), gc.maxBeforeMb(), gc.capacityMb()))
                .append(" Export rate = rows / time from sending the request to the last byte.\n");
        return md.toString();
    }

    void exportRows(StringBuilder md, Export export, double target) {
        String name = export.format() + " export of one merchant's " + String.format(Locale.ROOT, "%,d", exportRows)
                + " rows (`format=" + export.format().toLowerCase(Locale.ROOT) + "`)";
        if (export.problem() != null) {
            row(md, name, "**failed**: " + export.problem(), "≥ " + rate(target), "**NO**");
            return;
        }
        row(md, name, String.format(Locale.ROOT, "%s (%,d rows in %.2f s, %.1f MB, first byte after %.2f s)",
                rate(export.rowsPerSecond()), export.rows(), export.seconds(), export.bytes() / 1e6, export.firstByteSeconds()),
                "≥ " + rate(target), verdict(export.rowsPerSecond() >= target));
        row(md, export.format() + " export, peak heap used", mb(export.peakHeap()) + " of " + mb(export.heapMax()),
                "-Xmx" + heap, verdict(true));
    }

    static void row(StringBuilder md, String measure, String result, String target, String met) {
        md.append("| ").append(measure).append(" | ").append(result).append(" | ").append(target).append(" | ")
                .append(met).append(" |\n");
    }

    static String verdict(boolean met) {
        return met ? "yes" : "**NO**";
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String rate(double rowsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f rows/s", rowsPerSecond);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024);
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> " (" + l.substring(l.indexOf(':') + 1).strip() + ")").orElse("");
        } catch (IOException | UncheckedIOException notLinux) {
            return "";
        }
    }

    static OperatingSystemMXBean os() {
        return (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    }

    // ---------------------------------------------------------------- helpers

    static String queryString(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    static long queryLong(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void log(String format, Object... args) {
        System.out.println("[bench " + java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] "
                + String.format(Locale.ROOT, format, args));
    }

    boolean appLogMentions(String text) {
        try (var lines = Files.lines(out.resolve("app.log"))) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException | UncheckedIOException unreadable) {
            return false;
        }
    }

    static void printTail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(line -> System.out.println("  app| " + line));
        } catch (IOException | RuntimeException unreadable) {
            // nothing to show
        }
    }
}
