package org.qasite.web.compression;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The style sheet carries only the parts of Bootstrap the site uses (web/app/_bootstrap.scss), so a page that starts
 * using a class of another part would show it unstyled: every Bootstrap class that a template or a page script names
 * must be in the sheet the site serves. A failure names the class and where it is used; the fix is to import its
 * component in _bootstrap.scss (docs/front-end.md).
 */
@QuarkusTest
class CssCoverageTest {

    private static final Pattern CLASS_SELECTOR = Pattern.compile("\\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{[^{}]*\\}");
    private static final Pattern TEMPLATE_CLASS = Pattern.compile("class=\"([^\"]*)\"");
    /** className = '…', classList.add('…', '…'), and class="…" inside a script's markup. */
    private static final Pattern SCRIPT_CLASS = Pattern.compile(
            "className\\s*=\\s*'([^']*)'|classList\\.(?:add|remove|toggle|replace)\\(([^)]*)\\)|class=\\\\?\"([^\"\\\\]*)");
    private static final Pattern QUTE = Pattern.compile("\\{[^{}]*\\}");

    @Test
    void everyBootstrapClassThePagesUseIsInTheStyleSheet() throws IOException {
        Set<String> bootstrap = classes(fullBootstrap());
        String href = Jsoup.parse(given().get("/").then().statusCode(200).extract().asString())
                .select("link[rel=stylesheet]").attr("href");
        String served = given().get(href).then().statusCode(200).extract().asString();
        Set<String> sheet = classes(served);

        TreeMap<String, String> used = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            files.filter(file -> file.toString().endsWith(".html")).forEach(file -> collect(file, TEMPLATE_CLASS, used));
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/web/app"))) {
            files.filter(file -> file.toString().endsWith(".js")).forEach(file -> collect(file, SCRIPT_CLASS, used));
        }
        assertThat("the scan finds the pages' classes", used.keySet(), hasItems("btn", "navbar", "card", "d-flex"));

        TreeSet<String> missing = new TreeSet<>();
        used.forEach((name, where) -> {
            if (bootstrap.contains(name) && !sheet.contains(name)) {
                missing.add(name + " (" + where + ")");
            }
        });
        assertThat("Bootstrap classes the pages use that the style sheet lacks", missing, empty());
        assertThat("the sheet is Bootstrap's, trimmed", sheet.size(), lessThan(bootstrap.size()));
        assertThat(sheet.size(), greaterThan(500));
    }

    private static void collect(Path file, Pattern pattern, TreeMap<String, String> used) {
        String text = read(file);
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) == null) {
                    continue;
                }
                String value = QUTE.matcher(m.group(g)).replaceAll(" ");
                for (String token : value.split("[\\s,'\"]+")) {
                    if (token.matches("-?[_a-zA-Z][_a-zA-Z0-9-]*")) {
                        used.putIfAbsent(token, Path.of("src/main/resources").relativize(file).toString());
                    }
                }
            }
        }
    }

    private static Set<String> classes(String css) {
        Set<String> names = new TreeSet<>();
        Matcher rule = RULE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (rule.find()) {
            Matcher selector = CLASS_SELECTOR.matcher(rule.group(1));
            while (selector.find()) {
                names.add(selector.group(1));
            }
        }
        return names;
    }

    /** Bootstrap's complete style sheet, from the mvnpm jar the bundle is built from. */
    private static String fullBootstrap() throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.mvnpm/bootstrap/pom.properties")) {
            pom.load(in);
        }
        String path = "META-INF/resources/_static/bootstrap/" + pom.getProperty("version") + "/dist/css/bootstrap.css";
        try (InputStream in = loader.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
