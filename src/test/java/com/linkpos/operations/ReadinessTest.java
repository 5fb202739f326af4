package com.linkpos.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.LinkPosApplication;
import com.linkpos.support.Eventually;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * [O2] Readiness follows the database: an instance on a PostgreSQL of its own says UP, DOWN (503) while that
 * PostgreSQL is stopped, and UP again once it is back, without a restart; liveness stays UP throughout (a process
 * whose database is away needs no restart). Metrics are still served meanwhile, without the database's gauges.
 */
class ReadinessTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    private record Answer(int status, String body) {
        boolean says(int expectedStatus, String state) {
            return status == expectedStatus && body.replace(" ", "").contains("\"status\":\"" + state + "\"");
        }
    }

    private Answer get(int port, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static EmbeddedPostgres startDatabase(int port, File data) throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }

    @Test
    void readinessGoesDownAndUpWithTheDatabase() throws Exception {
        int dbPort = freePort();
        File pgData = dataDir.resolve("pg").toFile();
        EmbeddedPostgres database = startDatabase(dbPort, pgData);
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplicationBuilder(LinkPosApplication.class).run("--server.port=0",
                    "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--linkpos.bootstrap.demo-data=false",
                    "--logging.level.root=WARN");
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(get(port, "/actuator/health/readiness").says(200, "UP")).isTrue();
            assertThat(get(port, "/actuator/health/liveness").says(200, "UP")).isTrue();

            database.close();
            Eventually.within(Duration.ofSeconds(30), () -> get(port, "/actuator/health/readiness").says(503, "DOWN"),
                    "readiness DOWN while the database is stopped");
            assertThat(get(port, "/actuator/health/liveness").says(200, "UP")).as("alive all the same").isTrue();
            Answer metrics = get(port, "/actuator/prometheus");
            assertThat(metrics.status()).as("metrics without the database").isEqualTo(200);
            assertThat(Scrape.of(metrics.body()).has("linkpos_payments_total")).isTrue();

            database = startDatabase(dbPort, pgData);
            Eventually.within(Duration.ofSeconds(30), () -> get(port, "/actuator/health/readiness").says(200, "UP"),
                    "readiness UP once the database is back");
        } finally {
            if (app != null) {
                app.close();
            }
            database.close();
        }
    }
}
