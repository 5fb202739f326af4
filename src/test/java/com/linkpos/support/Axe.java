package com.linkpos.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core, the accessibility checker, as pinned by src/test/axe/package-lock.json: npm installs
 * it into target/axe on first use; the browser tests inject it into a page and run it there. Without
 * Node's npm the check fails and says how to get it: a page nobody checked is not one that passed.
 */
public final class Axe {

    private static final Path PINNED = Path.of("src/test/axe");
    private static final Path HOME = Path.of("target/axe").toAbsolutePath();
    private static final Path SCRIPT = HOME.resolve("node_modules/axe-core/axe.min.js");

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** axe-core, installed if it is not yet (or not as pinned). */
    public static Axe installed() throws IOException, InterruptedException {
        PinnedNpm.install(PINNED, HOME, SCRIPT, "axe-core");
        return new Axe(Files.readString(SCRIPT));
    }

    /** The violations of the page the browser shows now (WCAG 2.1 A and AA, and axe's best practices), as lines. */
    public List<String> violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(source);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                   .then(r => done(r.violations.map(v => ({id: v.id, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
                   .catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));
                """);
        List<String> lines = new ArrayList<>();
        for (Object violation : (List<?>) result) {
            Map<?, ?> v = (Map<?, ?>) violation;
            lines.add(v.get("id") + ": " + v.get("help") + " " + v.get("nodes"));
        }
        return lines;
    }
}
