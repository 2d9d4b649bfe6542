package org.qasite.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A newcomer signs up, asks, gets an answer, and votes and accepts without reloading, in a real browser. */
@QuarkusTest
class BrowserFlowTest {

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    String url(String path) {
        return site.toString().replaceAll("/$", "") + path;
    }

    static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    static void type(WebDriver driver, String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void signUpAskAnswerVoteAndAccept() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        String username = TestData.uniqueName("browser");
        Member helper = data.member("helper");
        WebDriver asker = Browser.start();
        WebDriver answerer = Browser.start();
        try {
            // sign up with the form, which logs the newcomer in
            asker.get(url("/signup"));
            type(asker, "username", username);
            type(asker, "email", username + "@example.org");
            type(asker, "password", "browser-pass-1");
            type(asker, "password_confirm", "browser-pass-1");
            asker.findElement(By.cssSelector("#signup-form button[type=submit]")).click();
            waitFor(asker).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/logout']")));
            assertThat(asker.findElement(By.cssSelector("[role=status]")).getText(), containsString("Welcome"));

            // ask, watching the live Markdown preview
            asker.findElement(By.linkText("Ask a question")).click();
            waitFor(asker).until(ExpectedConditions.urlContains("/ask"));
            type(asker, "title", "How do browsers test this site?");
            type(asker, "body", "With **headless** Chromium, driven from JUnit.");
            waitFor(asker).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#body-preview strong"), "headless"));
            type(asker, "tags", "testing, browser");
            asker.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
            waitFor(asker).until(ExpectedConditions.urlMatches(".*/questions/\\d+/[a-z0-9-]+$"));
            String questionUrl = asker.getCurrentUrl();
            assertThat(asker.findElement(By.tagName("h1")).getText(), equalTo("How do browsers test this site?"));
            assertTrue(asker.findElements(By.id("answers-empty")).size() == 1, "the empty state is shown");

            // another member answers through the answer form
            Browser.logIn(answerer, url(""), helper);
            answerer.get(questionUrl);
            type(answerer, "body", "Selenium and `chromedriver` do it.");
            answerer.findElement(By.cssSelector("#answer-form button[type=submit]")).click();
            WebElement answer = waitFor(answerer)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#answers [data-answer-id]")));
            assertThat(answer.getText(), containsString("Selenium and chromedriver do it."));
            String answerId = answer.getAttribute("data-answer-id");

            // the answerer votes the question up: the score changes without a page load
            ((JavascriptExecutor) answerer).executeScript("window.__samePage = true;");
            answerer.findElement(By.cssSelector("button[data-vote-for^='question-'][data-vote='1']")).click();
            waitFor(answerer).until(ExpectedConditions.textToBe(By.cssSelector(".question [data-score]"), "1"));
            assertThat(((JavascriptExecutor) answerer).executeScript("return window.__samePage === true;"),
                    equalTo(true));
            assertThat(answerer.findElement(By.cssSelector("button[data-vote-for^='question-'][data-vote='1']"))
                    .getAttribute("aria-pressed"), equalTo("true"));

            // the asker sees the answer, votes it up and accepts it, again without a page load
            asker.get(questionUrl);
            ((JavascriptExecutor) asker).executeScript("window.__samePage = true;");
            asker.findElement(By.cssSelector("button[data-vote-for='answer-" + answerId + "'][data-vote='1']")).click();
            waitFor(asker).until(ExpectedConditions
                    .textToBe(By.cssSelector("[data-answer-id='" + answerId + "'] [data-score]"), "1"));
            asker.findElement(By.cssSelector("[data-answer-id='" + answerId + "'] form[data-accept-form] button"))
                    .click();
            waitFor(asker).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-answer-id='" + answerId + "'] [data-accepted-badge]")));
            assertThat(((JavascriptExecutor) asker).executeScript("return window.__samePage === true;"),
                    equalTo(true));

            // and the database agrees
            assertThat(data.count("SELECT rating FROM answer WHERE id = ?1", Long.parseLong(answerId)), equalTo(1L));
            assertThat(data.count("SELECT accepted_answer_id FROM question WHERE id = (SELECT question_id FROM answer"
                    + " WHERE id = ?1)", Long.parseLong(answerId)), equalTo(Long.parseLong(answerId)));
            // nothing on the way was refused by the pages' Content Security Policy
            assertThat(Browser.policyViolations(asker), org.hamcrest.Matchers.empty());
            assertThat(Browser.policyViolations(answerer), org.hamcrest.Matchers.empty());
        } finally {
            asker.quit();
            answerer.quit();
        }
    }
}
