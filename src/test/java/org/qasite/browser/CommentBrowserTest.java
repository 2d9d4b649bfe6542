package org.qasite.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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

/** Comments in a real browser: @name completion with the keyboard, and "show more" in place. */
@QuarkusTest
class CommentBrowserTest {

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

    @Test
    void typingAnAtSuggestsThePeopleOfTheThreadAndTheKeyboardPicksOne() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member asker = data.member("mention-asker");
        Question question = data.question(asker, "Who can be mentioned in a comment?");
        Member first = data.member("mention-bee");
        Member second = data.member("mention-bob");
        data.answer(first, question, "An answer by the first.");
        data.answer(second, question, "An answer by the second.");
        Member commenter = data.member("mention-writer");
        WebDriver driver = Browser.start();
        try {
            Browser.logIn(driver, url(""), commenter);
            driver.get(url(question.path()));
            String key = "question-" + question.id;
            driver.findElement(By.cssSelector("#comments-" + key + " summary")).click();
            WebElement box = driver.findElement(By.cssSelector("form[data-comment-form-for='" + key + "'] textarea"));
            box.sendKeys("Thanks @mention-b");
            By options = By.cssSelector("#comments-" + key + " [role=listbox] [role=option]");
            waitFor(driver).until(ExpectedConditions.numberOfElementsToBe(options, 2));
            assertThat(driver.findElements(options).stream().map(o -> o.getAttribute("data-username")).toList(),
                    contains(first.username, second.username));
            assertThat(box.getAttribute("aria-expanded"), equalTo("true"));
            assertThat(box.getAttribute("aria-activedescendant"),
                    equalTo(driver.findElements(options).get(0).getAttribute("id")));
            box.sendKeys(Keys.ARROW_DOWN);
            assertThat(box.getAttribute("aria-activedescendant"),
                    equalTo(driver.findElements(options).get(1).getAttribute("id")));
            box.sendKeys(Keys.ENTER);
            waitFor(driver).until(ExpectedConditions.numberOfElementsToBe(options, 0));
            assertThat(box.getAttribute("value"), equalTo("Thanks @" + second.username + " "));
            assertThat(box.getAttribute("aria-expanded"), equalTo("false"));
            assertThat(driver.findElement(By.cssSelector("#comment-count-" + key)).getText(),
                    containsString(" / 600 characters"));

            box.sendKeys("and @mention-a");
            waitFor(driver).until(ExpectedConditions.numberOfElementsToBe(options, 1));
            box.sendKeys(Keys.ESCAPE);
            waitFor(driver).until(ExpectedConditions.numberOfElementsToBe(options, 0));
            box.sendKeys(" for the help.");
            box.submit();
            waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-comments-for='" + key
                    + "'] [data-comment-id] a[href='/members/" + second.username + "']")));
            assertThat(Browser.policyViolations(driver), empty());
        } finally {
            driver.quit();
        }
    }

    @Test
    void showMoreRevealsTheRestInPlaceAndWorksWithoutScripts() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member asker = data.member("more-asker");
        Question question = data.question(asker, "What if a post has many comments?");
        Answer answer = data.answer(data.member("more-answerer"), question, "An answer with many comments.");
        for (int i = 1; i <= 8; i++) {
            data.execute("INSERT INTO comment (question_id, answer_id, author_id, body, body_html, created_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?4, now() + make_interval(secs => ?5))", question.id, answer.id,
                    asker.id, "Remark number " + i, i);
        }
        String key = "answer-" + answer.id;
        By comments = By.cssSelector("[data-comments-for='" + key + "'] [data-comment-id]");
        By more = By.cssSelector("a[data-comments-more='" + key + "']");
        WebDriver driver = Browser.start();
        try {
            driver.get(url(question.path()));
            assertThat(driver.findElements(comments).size(), equalTo(5));
            String address = driver.getCurrentUrl();
            WebElement link = driver.findElement(more);
            assertThat(link.getText(), equalTo("Show 3 more comments"));
            link.click();
            waitFor(driver).until(ExpectedConditions.numberOfElementsToBe(comments, 8));
            assertThat(driver.findElements(more), empty());
            assertThat("no page load", driver.getCurrentUrl(), equalTo(address));
            List<String> texts = driver.findElements(comments).stream().map(WebElement::getText).toList();
            assertThat(texts.get(7), containsString("Remark number 8"));
        } finally {
            driver.quit();
        }
        WebDriver plain = Browser.startWithoutJavaScript();
        try {
            plain.get(url(question.path()));
            plain.findElement(more).click();
            waitFor(plain).until(ExpectedConditions.numberOfElementsToBe(comments, 8));
            assertThat(plain.getCurrentUrl(), endsWith("comments=" + key + "#comments-" + key));
        } finally {
            plain.quit();
        }
    }
}
