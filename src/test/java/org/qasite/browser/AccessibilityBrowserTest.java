package org.qasite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * axe-core finds no serious or critical accessibility problem on the main pages, for a visitor and for a member, in the
 * light and in the dark theme (a system that prefers dark, emulated), highlighted code included.
 */
@QuarkusTest
class AccessibilityBrowserTest {

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    String url(String path) {
        return site.toString().replaceAll("/$", "") + path;
    }

    @Test
    void theMainPagesHaveNoSeriousAccessibilityViolations() {
        assumeTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member asker = data.member("a11y-asker");
        Member member = data.member("a11y-member");
        Question question = data.question(asker, "Which accessibility checks does the site pass?", "accessibility");
        // A fenced block with a language, so that the colours of highlighted keywords, strings, comments, numbers
        // and annotations are checked too.
        Answer accepted = data.answer(member, question, "axe-core's, with **no** serious violation.\n\n```java\n" + CODE
                + "\n```\n\nPress <kbd>F5</kbd>.");
        data.answer(data.member("a11y-other"), question, "A second answer, to vote on.");
        data.execute("UPDATE question SET accepted_answer_id = ?1 WHERE id = ?2", accepted.id, question.id);

        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String theme : List.of("light", "dark")) {
            ChromeDriver visitor = Browser.start();
            try {
                ThemeBrowserTest.systemPrefers(visitor, theme);
                visitor.get(url(question.path()));
                assertEquals("hl-c hl-k hl-m hl-n hl-s hl-t", ((JavascriptExecutor) visitor).executeScript("""
                        return [...new Set([...document.querySelectorAll('#answers pre code span[class^="hl-"]')]
                          .map((e) => e.className))].sort().join(' ')"""), "the code block is highlighted");
                for (String path : List.of("/", question.path(), "/login", "/signup", "/tags", "/users",
                        "/search?q=accessibility", "/tag/accessibility", "/unanswered")) {
                    check(visitor, path, "visitor", theme, found);
                }
            } finally {
                visitor.quit();
            }
            ChromeDriver logged = Browser.start();
            try {
                ThemeBrowserTest.systemPrefers(logged, theme);
                logIn(logged, asker);
                for (String path : List.of("/", question.path(), "/ask", "/notifications", "/settings",
                        "/members/" + asker.username)) {
                    check(logged, path, "member", theme, found);
                }
            } finally {
                logged.quit();
            }
        }
        assertTrue(found.isEmpty(), () -> "axe-core found serious or critical violations:\n" + found.entrySet().stream()
                .map(e -> e.getKey() + "\n  " + String.join("\n  ", e.getValue())).collect(Collectors.joining("\n")));
    }

    static final String CODE = """
            @Override
            public String greet(int times) {
                // the greeting, said a number of times
                return "Hello, world! ".repeat(times + 1); /* at least once */
            }""";

    private void check(WebDriver driver, String path, String who, String theme, Map<String, List<String>> found) {
        driver.get(url(path));
        Object shown = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.getAttribute('data-bs-theme')");
        List<String> violations = theme.equals(shown) ? Axe.seriousViolations(driver)
                : List.of("the page is not in the " + theme + " theme but in " + shown);
        if (!violations.isEmpty()) {
            found.put(path + " (" + who + ", " + theme + " theme)", violations);
        }
    }

    /** The session cookie of a login through the site, given to the browser. */
    private void logIn(WebDriver driver, Member member) {
        String cookie = WebSession.loggedIn(member.username).sessionCookie();
        driver.get(url("/robots.txt"));
        driver.manage().addCookie(new Cookie("qa-session", cookie, "/"));
    }
}
