package org.qasite.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The unread count as a member sees it: it rises while they read another page when someone answers their question,
 * and falls, in every tab they have open, once they open the notification.
 */
@QuarkusTest
class NotificationBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeEach
    void chromiumIsInstalled() {
        assumeTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
    }

    @AfterEach
    void quitBrowsers() {
        List<String> refused = new ArrayList<>();
        for (WebDriver browser : browsers) {
            try {
                refused.addAll(Browser.policyViolations(browser));
            } catch (RuntimeException e) {
                // a browser that is gone already has nothing to say
            }
            try {
                browser.quit();
            } catch (RuntimeException e) {
                // the others must be quit all the same
            }
        }
        browsers.clear();
        // the /ws/me socket and the inbox script pass the pages' Content Security Policy
        assertThat(refused, empty());
    }

    @Test
    void theBadgeRisesLiveAndFallsInEveryTabOnceTheNotificationIsOpened() {
        Member asker = data.member("badge");
        Member ann = data.member("ann");
        Question question = data.question(asker, "Does the badge rise while I read something else?");
        WebDriver browser = Browser.start();
        browsers.add(browser);
        Browser.logIn(browser, url(""), asker);

        // the second tab stays on the inbox, the first reads the hot questions
        browser.get(url("/notifications"));
        String inboxTab = browser.getWindowHandle();
        assertThat(browser.findElements(By.id("notifications-empty")).size(), equalTo(1));
        browser.switchTo().newWindow(WindowType.TAB);
        String readingTab = browser.getWindowHandle();
        browser.get(url("/hot"));
        ((JavascriptExecutor) browser).executeScript("window.samePageMarker = true;");
        assertThat(badge(browser), equalTo(""));

        String location = WebSession.loggedIn(ann.username)
                .postJson("/api/v1/questions/" + question.id + "/answers",
                        Map.of("body", "An answer that the asker's badge tells of at once."))
                .then().statusCode(201).extract().header("Location");
        long answerId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        waitFor(browser).until(b -> badge(b).equals("1"));
        assertThat("the page was not reloaded", Boolean.TRUE.equals(
                ((JavascriptExecutor) browser).executeScript("return window.samePageMarker === true;")), equalTo(true));
        assertThat(browser.findElement(By.cssSelector("#notifications-link")).getDomProperty("textContent")
                .replaceAll("\\s+", " ").strip(), equalTo("Notifications 1 unread"));
        assertThat(browser.findElement(By.cssSelector("[data-unread-status]")).getDomProperty("textContent"),
                equalTo("1 unread notification."));

        // the inbox tab got the new line on top, and the count
        browser.switchTo().window(inboxTab);
        WebElement item = waitFor(browser).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#notifications [data-notification-id]")));
        assertThat(item.getText(), containsString(ann.displayName + " answered your question " + question.title));
        assertThat(browser.findElements(By.id("notifications-empty")), empty());
        waitFor(browser).until(b -> badge(b).equals("1"));
        assertThat(browser.findElement(By.cssSelector("[data-inbox-unread]")).getText(), equalTo("1"));

        // the reading tab opens the inbox and follows the notification to the question
        browser.switchTo().window(readingTab);
        browser.get(url("/notifications"));
        browser.findElement(By.cssSelector("[data-notification-id] a[data-notification-link]")).click();
        waitFor(browser).until(ExpectedConditions.urlContains(question.path() + "#answer-" + answerId));
        assertThat("read by opening the question", badge(browser), equalTo(""));
        assertThat(data.count("SELECT count(*) FROM notification WHERE member_id = ?1 AND read_at IS NULL",
                asker.id), equalTo(0L));

        // the tab that stayed open falls to 0 without a reload
        browser.switchTo().window(inboxTab);
        waitFor(browser).until(b -> badge(b).isEmpty());
        assertThat(browser.findElement(By.cssSelector("[data-inbox-unread]")).getText(), equalTo("0"));
        assertThat(browser.findElements(By.id("notifications-empty")).size(), equalTo(0));
    }

    private static String badge(WebDriver browser) {
        return browser.findElement(By.cssSelector("[data-unread]")).getDomProperty("textContent").strip();
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }

    private String url(String path) {
        return site.toString().replaceAll("/$", "") + path;
    }
}
