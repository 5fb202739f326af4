package com.linkpos;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its data: a link made before a restart is there after it, and the
 * first-start users are not created twice.
 */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LinkPosApplication.class).run(
                "--server.port=0",
                "--linkpos.embedded-postgres.data-dir=" + dataDir,
                "--linkpos.bootstrap.bank-api-key=" + TestData.BANK_KEY,
                "--linkpos.bootstrap.demo-password=" + TestData.DEMO_PASSWORD);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void dataSurvivesARestart() {
        String id;
        String key;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            Api.Merchant merchant = api.newMerchant();
            key = merchant.key();
            id = api.post(key, "/api/v1/links", "{\"amount\": \"42.00\", \"orderNumber\": \"KEEP-1\"}")
                    .json().path("id").asString();
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            Api.Response link = api.get(key, "/api/v1/links/" + id);
            assertThat(link.status()).isEqualTo(200);
            assertThat(link.json().path("amount").asString()).isEqualTo("42.00");
            assertThat(link.json().path("orderNumber").asString()).isEqualTo("KEEP-1");
            Integer bankUsers = second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT count(*) FROM users WHERE username IN ('bank', 'demo')").query(Integer.class).single();
            assertThat(bankUsers).isEqualTo(2);
        }
    }

}
