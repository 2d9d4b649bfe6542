package org.qasite.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core's accessibility rules run in the page the browser shows: the violations of impact "serious" or "critical",
 * each as one readable line (rule, impact, what it means, the elements and what axe says to fix).
 */
final class Axe {

    private static volatile String source;

    private Axe() {
    }

    /** The serious and critical violations of the page now shown; an empty list when it passes. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // Injected by WebDriver, which the page's Content Security Policy does not govern (the site's own pages allow
        // only their own scripts).
        js.executeScript(source());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then((r) => done(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
                    .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ': ' + n.failureSummary) }))))
                  .catch((e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
                """);
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
            StringBuilder line = new StringBuilder().append(violation.get("id")).append(" (").append(violation.get("impact"))
                    .append("): ").append(violation.get("help"));
            for (Object node : (List<Object>) violation.get("nodes")) {
                line.append("\n    ").append(String.valueOf(node).replace("\n", " / "));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String source() {
        if (source == null) {
            source = read("META-INF/resources/webjars/axe-core/" + version() + "/axe.min.js");
        }
        return source;
    }

    private static String version() {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Axe.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the test class path (the axe-core test dependency)");
        }
        return in;
    }
}
