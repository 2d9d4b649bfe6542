package org.qasite.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
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
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a member types in the answer and edit forms survives a reload and a refused submit, and goes once the post is
 * saved; a restored edit is still based on the revision it began from.
 */
@QuarkusTest
class DraftBrowserTest {

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    @Test
    void theAnswerFormKeepsItsDraftUntilTheAnswerIsSaved() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member member = data.member("drafter");
        Question question = data.question(data.member("asker"), "Does a draft survive a reload?");
        String key = "qa-draft:/questions/" + question.id + "/answers";
        WebDriver browser = Browser.start();
        try {
            String base = site.toString().replaceAll("/$", "");
            Browser.logIn(browser, base, member);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

            browser.get(base + question.path());
            browser.findElement(By.cssSelector("#answer-form textarea[name=body]")).sendKeys("x");
            wait.until(d -> stored(d, key) != null);
            // refused (too short): the draft stays, since the answer was not saved
            browser.findElement(By.cssSelector("#answer-form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("body-error")));
            browser.get(base + question.path());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#answer-form [data-draft-restored]")));
            assertThat(body(browser).getAttribute("value"), equalTo("x"));

            body(browser).sendKeys(" marks the spot, as typed before the reload.");
            wait.until(d -> String.valueOf(stored(d, key)).contains("as typed before the reload"));
            browser.navigate().refresh();
            WebElement notice = wait.until(ExpectedConditions
                    .visibilityOfElementLocated(By.cssSelector("#answer-form [data-draft-restored]")));
            assertThat(notice.getText(), equalTo("Draft restored. Discard"));
            assertThat(body(browser).getAttribute("value"), equalTo("x marks the spot, as typed before the reload."));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("body-preview"), "marks the spot"));

            browser.findElement(By.cssSelector("#answer-form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-flash]")));
            assertThat(stored(browser, key), nullValue());
            browser.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#answer-form textarea[name=body]")));
            assertThat(body(browser).getAttribute("value"), equalTo(""));
            assertThat(browser.findElements(By.cssSelector("[data-draft-restored]")), empty());
            assertThat(data.count("SELECT count(*) FROM answer WHERE question_id = ?1 AND body = ?2", question.id,
                    "x marks the spot, as typed before the reload."), equalTo(1L));
            assertThat(Browser.policyViolations(browser), empty());

            // a draft left when logging out does not stay for the next person at this browser
            body(browser).sendKeys("A draft of another answer.");
            wait.until(d -> stored(d, key) != null);
            browser.findElement(By.cssSelector("form[action='/logout'] button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-link")));
            assertThat(stored(browser, key), nullValue());
        } finally {
            browser.quit();
        }
    }

    @Test
    void aRestoredEditDraftStaysBasedOnItsRevision() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member member = data.member("edit-drafter");
        Question question = data.question(data.member("asker"), "Is an edit draft kept with its revision?");
        Answer answer = data.answer(member, question, "The answer before any edit.");
        WebDriver browser = Browser.start();
        try {
            String base = site.toString().replaceAll("/$", "");
            Browser.logIn(browser, base, member);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            browser.get(base + "/answers/" + answer.id + "/edit");
            WebElement field = browser.findElement(By.cssSelector("#edit-form textarea[name=body]"));
            field.clear();
            field.sendKeys("My edit, typed in the browser.");
            wait.until(d -> String.valueOf(stored(d, "qa-draft:/answers/" + answer.id + "/edit")).contains("typed"));
            // meanwhile the answer is edited elsewhere
            data.execute("UPDATE answer SET body = 'Edited elsewhere.', revision = 2 WHERE id = ?1", answer.id);
            data.execute("INSERT INTO answer_revision (answer_id, revision, author_id, body, created_at) VALUES"
                    + " (?1, 1, ?2, 'The answer before any edit.', now()), (?1, 2, ?2, 'Edited elsewhere.', now())",
                    answer.id, member.id);
            browser.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#edit-form [data-draft-restored]")));
            assertThat(browser.findElement(By.cssSelector("#edit-form textarea[name=body]")).getAttribute("value"),
                    equalTo("My edit, typed in the browser."));
            browser.findElement(By.cssSelector("#edit-form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-edit-conflict]")));
            assertThat(browser.findElement(By.cssSelector("#edit-form input[name=revision]")).getAttribute("value"),
                    equalTo("2"));
            assertThat(data.text("SELECT body FROM answer WHERE id = ?1", answer.id), equalTo("Edited elsewhere."));
        } finally {
            browser.quit();
        }
    }

    private static WebElement body(WebDriver browser) {
        return browser.findElement(By.cssSelector("#answer-form textarea[name=body]"));
    }

    private static Object stored(WebDriver browser, String key) {
        return ((JavascriptExecutor) browser).executeScript("return window.localStorage.getItem(arguments[0]);", key);
    }
}
