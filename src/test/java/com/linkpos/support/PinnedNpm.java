package com.linkpos.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The npm packages a test runs (Spectral, axe-core), as pinned with their whole tree by a package-lock.json
 * under src/test: installed into target/ on first use, from npm's cache after that, again only when the
 * lock changes. Without npm the test fails and says how to get it.
 */
public final class PinnedNpm {

    private PinnedNpm() {
    }

    /** Installs {@code pinned}'s packages into {@code home}, unless {@code installed} is there as pinned already. */
    public static void install(Path pinned, Path home, Path installed, String what) throws IOException, InterruptedException {
        Path npm = Command.onPath("npm").orElseThrow(() -> new AssertionError(
                "npm is needed to install " + what + ", and there is no `npm` on the PATH. "
                        + "Install Node.js and npm (Debian: apt-get install nodejs npm; .ci/run does)."));
        Path lock = pinned.resolve("package-lock.json");
        boolean current = Files.exists(installed) && Files.exists(home.resolve("package-lock.json"))
                && Files.mismatch(lock, home.resolve("package-lock.json")) == -1;
        if (!current) {
            Files.createDirectories(home);
            Files.copy(pinned.resolve("package.json"), home.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(lock, home.resolve("package-lock.json"), StandardCopyOption.REPLACE_EXISTING);
            // --ignore-scripts: nothing of the tree runs at install time (one package would phone home)
            Command.of(home, Duration.ofMinutes(10), npm.toString(), "ci", "--ignore-scripts", "--no-audit", "--no-fund",
                    "--update-notifier=false").runOrFail();
        }
    }
}
