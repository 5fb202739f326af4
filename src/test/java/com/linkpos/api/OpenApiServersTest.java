package com.linkpos.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.LinkPosApplication;
import com.linkpos.support.Api;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * With {@code linkpos.public-base-url} configured, the description's one server is that address,
 * whatever the request's forwarded host says (as link URLs: API.md).
 */
class OpenApiServersTest {

    @TempDir
    Path dataDir;

    @Test
    void theServerIsTheConfiguredBaseUrl() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LinkPosApplication.class).run(
                "--server.port=0", "--linkpos.embedded-postgres.data-dir=" + dataDir, "--linkpos.bootstrap.demo-data=false",
                "--linkpos.public-base-url=https://pay.example.com/", "--logging.level.root=WARN")) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());

            JsonNode servers = api.get(null, "/v3/api-docs", "X-Forwarded-Host", "attacker.example",
                    "X-Forwarded-Proto", "http").json().path("servers");

            assertThat(servers.size()).isEqualTo(1);
            assertThat(servers.get(0).path("url").asString()).isEqualTo("https://pay.example.com");
        }
    }
}
