package com.linkpos.api;

import com.linkpos.support.Command;
import com.linkpos.support.PinnedNpm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stoplight's Spectral, the OpenAPI linter, as pinned (with its whole dependency tree) by
 * src/test/spectral/package-lock.json: npm installs it into target/spectral on first use, from npm's
 * cache after that. It needs Node.js and npm; without them the lint test fails and says how to get
 * them, because a description nobody linted is not one that passed.
 */
final class Spectral {

    private static final Path PINNED = Path.of("src/test/spectral");
    private static final Path HOME = Path.of("target/spectral").toAbsolutePath();
    private static final Path CLI = HOME.resolve("node_modules/@stoplight/spectral-cli/dist/index.js");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One thing Spectral found; severity 0 is an error, 1 a warning, 2 information, 3 a hint. */
    record Finding(String code, String message, String path, int severity, int line) {

        @Override
        public String toString() {
            return (severity == 0 ? "error" : severity == 1 ? "warning" : "info") + " " + code + " at " + path
                    + " (line " + line + "): " + message;
        }
    }

    private final Path node;

    private Spectral(Path node) {
        this.node = node;
    }

    /** Spectral, installed if it is not yet (or not as pinned). */
    static Spectral installed() throws IOException, InterruptedException {
        Path node = Command.onPath("node").orElseThrow(() -> new AssertionError(
                "Node.js is needed to run Spectral on the OpenAPI description, and there is no `node` on the PATH. "
                        + "Install Node.js 20 and npm (Debian: apt-get install nodejs npm; .ci/run does)."));
        PinnedNpm.install(PINNED, HOME, CLI, "Spectral");
        return new Spectral(node);
    }

    /** Lints the document with the ruleset; everything it finds. */
    List<Finding> lint(Path document, Path ruleset) throws IOException, InterruptedException {
        Path report = HOME.resolve("report.json");
        Files.deleteIfExists(report);
        Command.Result result = Command.of(HOME, Duration.ofMinutes(2), node.toString(), CLI.toString(), "lint",
                document.toAbsolutePath().toString(), "--ruleset", ruleset.toAbsolutePath().toString(),
                "--format", "json", "--output", report.toString(), "--quiet").run();
        if (!Files.exists(report) || (result.exitCode() != 0 && result.exitCode() != 1)) {
            throw new AssertionError("Spectral did not run (exit code " + result.exitCode() + "):\n" + result.output());
        }
        return JSON.readTree(report.toFile()).valueStream().map(Spectral::finding).toList();
    }

    private static Finding finding(JsonNode result) {
        String path = String.join(".", result.path("path").valueStream().map(JsonNode::asString).toList());
        return new Finding(result.path("code").asString(), result.path("message").asString(), path,
                result.path("severity").asInt(), result.path("range").path("start").path("line").asInt() + 1);
    }
}
