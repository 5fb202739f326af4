package com.linkpos.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A program the tests run (npm, Spectral, openapi-generator, axe's install): its exit code and what it printed. */
public record Command(List<String> arguments, Path directory, Duration timeout) {

    public record Result(int exitCode, String output) {
    }

    public static Command of(Path directory, Duration timeout, String... arguments) {
        return new Command(List.of(arguments), directory, timeout);
    }

    /** Runs it to the end; stdout and stderr together, so that a failure shows both. Fails on a timeout. */
    public Result run() throws IOException, InterruptedException {
        Path log = Files.createTempFile("linkpos-command", ".log");
        try {
            Process process = new ProcessBuilder(arguments).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("Timed out after " + timeout + ": " + String.join(" ", arguments) + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Runs it and fails the test unless it ends well. */
    public String runOrFail() throws IOException, InterruptedException {
        Result result = run();
        if (result.exitCode() != 0) {
            throw new AssertionError("Exit code " + result.exitCode() + " of " + String.join(" ", arguments) + "\n"
                    + result.output());
        }
        return result.output();
    }

    /** Where a program is on the PATH, if it is. */
    public static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
    }
}
