package org.qasite.browser;

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
import org.openqa.selenium.WebDriver;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** axe-core finds no serious or critical accessibility problem on the main pages, for a visitor and for a member. */
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
        Answer accepted = data.answer(member, question, "axe-core's, with **no** serious violation.\n\n```\ncode\n```");
        data.answer(data.member("a11y-other"), question, "A second answer, to vote on.");
        data.execute("UPDATE question SET accepted_answer_id = ?1 WHERE id = ?2", accepted.id, question.id);

        Map<String, List<String>> found = new LinkedHashMap<>();
        WebDriver visitor = Browser.start();
        try {
            for (String path : List.of("/", question.path(), "/login", "/signup", "/tags", "/users",
                    "/search?q=accessibility", "/tag/accessibility", "/unanswered")) {
                check(visitor, path, "visitor", found);
            }
        } finally {
            visitor.quit();
        }
        WebDriver logged = Browser.start();
        try {
            logIn(logged, asker);
            for (String path : List.of("/", question.path(), "/ask", "/notifications", "/settings",
                    "/members/" + asker.username)) {
                check(logged, path, "member", found);
            }
        } finally {
            logged.quit();
        }
        assertTrue(found.isEmpty(), () -> "axe-core found serious or critical violations:\n" + found.entrySet().stream()
                .map(e -> e.getKey() + "\n  " + String.join("\n  ", e.getValue())).collect(Collectors.joining("\n")));
    }

    private void check(WebDriver driver, String path, String who, Map<String, List<String>> found) {
        driver.get(url(path));
        List<String> violations = Axe.seriousViolations(driver);
        if (!violations.isEmpty()) {
            found.put(path + " (" + who + ")", violations);
        }
    }

    /** The session cookie of a login through the site, given to the browser. */
    private void logIn(WebDriver driver, Member member) {
        String cookie = WebSession.loggedIn(member.username).sessionCookie();
        driver.get(url("/robots.txt"));
        driver.manage().addCookie(new Cookie("qa-session", cookie, "/"));
    }
}
