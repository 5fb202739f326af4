package com.linkpos.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.LinkPosApplication;
import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.TestData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

/**
 * [X1] 10,000 rows in one upload, as CSV and then as XLSX (its texts in a shared strings table, as Excel
 * writes them), to the application as its own process with a 256 MB heap: every row made into a link (a
 * few refused), the result file whole, the process alive. Prints rows/s and the
 * heap's peak (the GC log's largest heap in use before a collection, garbage included, and the largest
 * live after one) for docs/PERFORMANCE.md; asserts no timing.
 */
class BulkLinksSmallHeapTest {

    private static final int ROWS = BulkUploads.MAX_ROWS;
    private static final int REFUSED = 10;

    @TempDir
    Path dir;

    @Test
    void tenThousandRowsInOneUploadWithA256MegabyteHeap() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start()) {
            int port = freePort();
            Path gcLog = dir.resolve("gc.log");
            Process app = start(database, port, gcLog);
            try {
                Api api = new Api(port);
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(database.getJdbcUrl("postgres", "postgres"),
                        "postgres", "", true));
                List<String> figures = new ArrayList<>();
                figures.add(upload(api, jdbc, app, gcLog, "csv", csv(rows(TestData.unique("TEN")))));
                // Excel's way: the texts in the shared strings table, which POI's event API holds while it reads
                figures.add(upload(api, jdbc, app, gcLog, "xlsx", xlsx(rows(TestData.unique("TEN")))));
                assertThat(app.isAlive()).as("the application with -Xmx256m").isTrue();
                figures.forEach(System.out::println);
                Files.createDirectories(Path.of("target"));
                Files.write(Path.of("target", "bulk-10k.txt"), figures);
            } finally {
                app.destroy();
                if (!app.waitFor(30, TimeUnit.SECONDS)) {
                    app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** The rows of a file: every field of the template; every 1,000th row refused (a negative amount), every 5th with an e-mail. */
    private static List<List<String>> rows(String prefix) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(BulkColumns.FIELDS);
        for (int i = 1; i <= ROWS; i++) {
            boolean refused = i % (ROWS / REFUSED) == 0;
            rows.add(List.of(prefix + "-" + i, refused ? "-5.00" : (i % 997 + 1) + "." + String.format(Locale.ROOT, "%02d", i % 100),
                    "TRY", Integer.toString(i % 3 + 1), "", "", "SINGLE", "Fatura " + i + ", Aralık", Boolean.toString(i % 2 == 0), "",
                    i % 5 == 0 ? "musteri" + i + "@example.com" : ""));
        }
        return rows;
    }

    private static byte[] csv(List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        for (List<String> row : rows) {
            csv.append(String.join(",", row.stream().map(cell -> cell.contains(",") ? "\"" + cell + "\"" : cell).toList())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, true);
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Linkler");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }

    /** One upload of {@link #ROWS} rows by a new merchant, checked; its figures as a line. */
    private String upload(Api api, JdbcClient jdbc, Process app, Path gcLog, String format, byte[] file) throws Exception {
        Api.Merchant merchant = api.newMerchant();
        long gcFrom = Files.size(gcLog);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        long cpuBefore = cpuMillis(app);
        long started = System.nanoTime();
        Api.Response accepted = api.upload(merchant.key(), "/api/v1/links/bulk", "ten-thousand." + format, file);
        long answered = System.nanoTime();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String id = accepted.json().path("id").asString();
        JsonNode[] status = {null};
        Eventually.within(Duration.ofMinutes(5), () -> {
            status[0] = api.get(merchant.key(), "/api/v1/links/bulk/" + id).json();
            return "DONE".equals(status[0].path("status").asString());
        }, "10,000 rows done");
        long finished = System.nanoTime();
        long cpu = cpuMillis(app) - cpuBefore;
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();

        assertThat(status[0].path("rows").asInt()).isEqualTo(ROWS);
        assertThat(status[0].path("created").asInt()).isEqualTo(ROWS - REFUSED);
        assertThat(status[0].path("refused").asInt()).isEqualTo(REFUSED);
        assertThat(status[0].path("errors").valueStream().map(e -> e.path("code").asString()).distinct().toList())
                .containsExactly("amount_not_positive");
        assertThat(jdbc.sql("SELECT count(*) FROM links WHERE merchant_id = ?").param(merchant.id()).query(Long.class).single())
                .isEqualTo(ROWS - REFUSED);
        assertThat(jdbc.sql("SELECT count(*) FROM notifications n JOIN links l ON l.id = n.link_id WHERE l.merchant_id = ?")
                .param(merchant.id()).query(Long.class).single()).isEqualTo(ROWS / 5 - REFUSED); // the refused rows had e-mails
        List<String> result = new String(api.download(merchant.key(), "/api/v1/links/bulk/" + id + "/result?format=csv"),
                StandardCharsets.UTF_8).lines().toList();
        assertThat(result).hasSize(ROWS + 1);
        assertThat(result.stream().skip(1).filter(line -> line.contains("/pay/")).count()).isEqualTo(ROWS - REFUSED);

        double seconds = (finished - started) / 1e9;
        return String.format(Locale.ROOT, "Bulk links [X1], -Xmx256m, %s: %,d rows (%,d bytes) in %.1f s = %,.0f rows/s "
                        + "(202 after %.2f s); heap (the GC log, -Xlog:gc, during this upload): at most %d MB in use before a "
                        + "collection (garbage included), at most %d MB live after one, of 256 MB; application CPU %.2f ms a row; "
                        + "load average %s at the start, %s at the end",
                format.toUpperCase(Locale.ROOT), ROWS, file.length, seconds, ROWS / seconds, (answered - started) / 1e9,
                gcPeak(gcLog, 1, gcFrom), gcPeak(gcLog, 2, gcFrom), (double) cpu / ROWS, loadBefore, loadAfter);
    }

    private Process start(EmbeddedPostgres database, int port, Path gcLog) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBin, "-Xmx256m", "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"),
                LinkPosApplication.class.getName(), "--server.port=" + port,
                "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
                "--linkpos.bootstrap.bank-api-key=" + TestData.BANK_KEY, "--linkpos.bootstrap.demo-data=false",
                "--logging.level.root=WARN",
                "--logging.level.com.linkpos.link.BulkUploads=INFO")
                .redirectErrorStream(true).redirectOutput(dir.resolve("app.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        Eventually.within(Duration.ofSeconds(120), () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("UP");
            } catch (Exception notYet) {
                return false;
            }
        }, "the application to start");
        return process;
    }

    /** The largest heap in use the GC log shows: group 1 before a collection, group 2 after it (MB). */
    private static long gcPeak(Path gcLog, int group, long from) throws Exception {
        String log = Files.readString(gcLog);
        Matcher m = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)").matcher(log.substring((int) Math.min(from, log.length())));
        long most = 0;
        while (m.find()) {
            most = Math.max(most, Long.parseLong(m.group(group)));
        }
        return most;
    }

    /** CPU time the process has used (user and system, /proc/<pid>/stat), in milliseconds; 0 where there is no /proc. */
    private static long cpuMillis(Process process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // USER_HZ is 100 on Linux
        } catch (Exception noProc) {
            return 0;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
