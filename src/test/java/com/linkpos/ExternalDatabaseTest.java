package com.linkpos;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.TestData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** With spring.datasource.url set, LinkPOS uses that PostgreSQL server and starts none of its own. */
class ExternalDatabaseTest {

    @TempDir
    Path unusedDataDir;

    @Test
    void aConfiguredServerIsUsedInsteadOfTheEmbeddedOne() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String url = server.getJdbcUrl("postgres", "postgres");
            Path dataDir = unusedDataDir.resolve("data");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LinkPosApplication.class).run(
                    "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--linkpos.embedded-postgres.data-dir=" + dataDir,
                    "--linkpos.bootstrap.bank-api-key=" + TestData.BANK_KEY)) {
                Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
                Api.Merchant merchant = api.newMerchant();
                assertThat(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"7.00\"}").status()).isEqualTo(201);
            }
            assertThat(dataDir).doesNotExist();
            try (var connection = server.getPostgresDatabase().getConnection();
                 var result = connection.createStatement().executeQuery("SELECT count(*) FROM links WHERE amount_minor = 700")) {
                result.next();
                assertThat(result.getLong(1)).as("the link is in the configured server").isEqualTo(1);
            }
        }
    }
}
