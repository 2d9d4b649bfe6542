package org.qasite.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Voting and accepting with the keyboard: the focus stays where the reader is, and what is chosen shows. */
@QuarkusTest
class KeyboardBrowserTest {

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
    void enterOnAVoteKeepsTheFocusAndTheVoteShowsFilled() {
        assumeTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member asker = data.member("kb-asker");
        Member voter = data.member("kb-voter");
        Question question = data.question(asker, "Does the focus stay on a vote button?");
        Answer own = data.answer(voter, question, "The voter's own answer: its votes are disabled for them.");
        WebDriver driver = Browser.start();
        try {
            logIn(driver, voter);
            driver.get(url(question.path()));
            By up = By.cssSelector("button[data-vote-for='question-" + question.id + "'][data-vote='1']");
            By down = By.cssSelector("button[data-vote-for='question-" + question.id + "'][data-vote='-1']");
            WebElement upVote = driver.findElement(up);
            String idle = background(driver, upVote);

            upVote.sendKeys(Keys.ENTER);
            waitFor(driver).until(ExpectedConditions.attributeToBe(up, "aria-pressed", "true"));
            assertThat(driver.findElement(By.cssSelector("[data-vote-widget]:has(" + "button[data-vote-for='question-"
                    + question.id + "']) [data-score]")).getText(), equalTo("1"));
            assertThat("the focus stays on the vote button", activeIs(driver, driver.findElement(up)), equalTo(true));

            new Actions(driver).sendKeys(Keys.TAB).perform();
            assertThat("the next Tab goes to the next control", activeIs(driver, driver.findElement(down)),
                    equalTo(true));
            assertThat("a keyboard focus has a visible ring", style(driver, driver.findElement(down), "outlineStyle"),
                    equalTo("solid"));

            // The voted state is filled with colour, unlike the idle button and the disabled ones of one's own answer.
            WebElement voted = driver.findElement(up);
            WebElement disabled = driver.findElement(
                    By.cssSelector("button[data-vote-for='answer-" + own.id + "'][data-vote='1']"));
            assertThat(disabled.isEnabled(), equalTo(false));
            String filled = background(driver, voted);
            assertThat(filled, not(equalTo("rgba(0, 0, 0, 0)")));
            assertThat(filled, not(equalTo(idle)));
            assertThat(filled, not(equalTo(background(driver, disabled))));
            assertThat(voted.getDomAttribute("aria-pressed"), equalTo("true"));
        } finally {
            driver.quit();
        }
    }

    @Test
    void theAuthorUnacceptsAndAcceptsAgainWithTheKeyboard() {
        assumeTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member asker = data.member("kb-accepter");
        Question question = data.question(asker, "Can the accepted mark be taken back?");
        Answer answer = data.answer(data.member("kb-answerer"), question, "It can, with Unaccept.");
        data.execute("UPDATE question SET accepted_answer_id = ?1 WHERE id = ?2", answer.id, question.id);
        WebDriver driver = Browser.start();
        try {
            logIn(driver, asker);
            driver.get(url(question.path()));
            By unaccept = By.cssSelector("button[data-unaccept-for='answer-" + answer.id + "']");
            By accept = By.cssSelector("button[data-accept-for='answer-" + answer.id + "']");
            By badge = By.cssSelector("[data-answer-id='" + answer.id + "'] [data-accepted-badge]");
            assertThat(driver.findElement(badge).isDisplayed(), equalTo(true));
            assertThat("no dead Accept button", driver.findElement(accept).isDisplayed(), equalTo(false));
            WebElement button = driver.findElement(unaccept);
            assertThat(button.getText(), equalTo("Unaccept"));

            button.sendKeys(Keys.ENTER);
            waitFor(driver).until(ExpectedConditions.invisibilityOfElementLocated(badge));
            assertThat(driver.findElement(accept).isDisplayed(), equalTo(true));
            assertThat("the focus moves to Accept", activeIs(driver, driver.findElement(accept)), equalTo(true));
            assertThat(data.count("SELECT coalesce(accepted_answer_id, 0) FROM question WHERE id = ?1", question.id),
                    equalTo(0L));

            driver.findElement(accept).sendKeys(Keys.ENTER);
            waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(badge));
            assertThat(activeIs(driver, driver.findElement(unaccept)), equalTo(true));
            assertThat(data.count("SELECT coalesce(accepted_answer_id, 0) FROM question WHERE id = ?1", question.id),
                    equalTo(answer.id));
        } finally {
            driver.quit();
        }
    }

    private void logIn(WebDriver driver, Member member) {
        String cookie = WebSession.loggedIn(member.username).sessionCookie();
        driver.get(url("/robots.txt"));
        driver.manage().addCookie(new Cookie("qa-session", cookie, "/"));
    }

    static boolean activeIs(WebDriver driver, WebElement element) {
        return (Boolean) ((JavascriptExecutor) driver).executeScript("return document.activeElement === arguments[0];",
                element);
    }

    static String style(WebDriver driver, WebElement element, String property) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(arguments[0])[arguments[1]];", element, property);
    }

    static String background(WebDriver driver, WebElement element) {
        return style(driver, element, "backgroundColor");
    }
}
