package org.qasite.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A visitor who has to log in for a vote or an answer comes back to that answer or that form, in a real browser. */
@QuarkusTest
class LoginReturnBrowserTest {

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    Member author;
    Member visitor;
    WebDriver browser;

    @BeforeEach
    void start() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        author = data.member("author");
        visitor = data.member("visitor");
        browser = Browser.start();
    }

    @AfterEach
    void quit() {
        browser.quit();
    }

    /** Opens the question page as a visitor would. */
    void open(Question question) {
        browser.get(site.toString().replaceAll("/$", "") + question.path());
    }

    /** Fills in the login form the browser was sent to, as the visitor, and sends it. */
    void logIn() {
        BrowserFlowTest.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        Browser.sendLoginForm(browser, visitor.username, TestData.PASSWORD);
        Browser.waitForLogin(browser);
    }

    @Test
    void aVisitorsVoteOnAnAnswerLeadsThroughTheLoginBackToThatAnswer() {
        Question question = data.question(author, "Which answer deserves the vote of a visitor?", "voting");
        Answer answer = data.answer(author, question, "This answer is the one the visitor votes up.");
        data.answer(author, question, "Another answer, above it, newest first.");
        open(question);
        String upVote = "button[data-vote-for='answer-" + answer.id + "'][data-vote='1']";
        browser.findElement(By.cssSelector(upVote)).click();

        logIn();
        assertThat(browser.getCurrentUrl(), endsWith(question.path() + "#answer-" + answer.id));
        // the vote itself was not cast: the member, now logged in, casts it where they left off
        browser.findElement(By.cssSelector(upVote)).click();
        BrowserFlowTest.waitFor(browser).until(ExpectedConditions
                .textToBe(By.cssSelector("[data-answer-id='" + answer.id + "'] [data-score]"), "1"));
        assertThat(data.count("SELECT rating FROM answer WHERE id = ?1", answer.id), equalTo(1L));
        assertThat(Browser.policyViolations(browser), empty());
    }

    @Test
    void logInToAnswerLeadsBackToTheAnswerForm() {
        Question question = data.question(author, "Who logs in to answer this question?", "answering");
        open(question);
        browser.findElement(By.cssSelector("[data-login-to-answer]")).click();

        logIn();
        assertThat(browser.getCurrentUrl(), endsWith(question.path() + "#answer-form"));
        assertThat(browser.findElement(By.cssSelector("form#answer-form button[type=submit]")).getText(),
                containsString("Post your answer"));
    }
}
