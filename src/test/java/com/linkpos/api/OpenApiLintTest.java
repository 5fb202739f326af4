package com.linkpos.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI description passes Spectral's recommended rules (`spectral:oas`, the ruleset in
 * .spectral.yaml): no error and no warning, as the tools of client authors would read it.
 */
@LinkPosTest
class OpenApiLintTest {

    @LocalServerPort
    int port;

    @Test
    void spectralFindsNothingToWarnAbout() throws Exception {
        Spectral spectral = Spectral.installed();
        Path description = saveLiveDescription(port, Path.of("target/openapi/api-docs.json"));

        List<Spectral.Finding> findings = spectral.lint(description, Path.of(".spectral.yaml"));

        assertThat(findings).as("Spectral's errors and warnings in %s", description)
                .filteredOn(finding -> finding.severity() <= 1).isEmpty();
    }

    /** The description as served now, indented so that Spectral's line numbers mean something. */
    static Path saveLiveDescription(int port, Path file) throws Exception {
        Api.Response docs = new Api(port).get(null, "/v3/api-docs");
        assertThat(docs.status()).as("GET /v3/api-docs").isEqualTo(200);
        Files.createDirectories(file.getParent());
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(file, json.writeValueAsString(docs.json()));
        return file;
    }
}
