package org.qasite.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A browser set to Russian gets the site in Russian, in a real Chromium. */
@QuarkusTest
class RussianBrowserTest {

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    WebDriver browser;

    @BeforeEach
    void start() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        browser = Browser.startInLanguages("ru,en");
    }

    @AfterEach
    void quit() {
        browser.quit();
    }

    @Test
    void aQuestionPageInRussian() {
        Member author = data.member("ru-author");
        Question question = data.question(author, "Почему не работает LISTEN/NOTIFY?", "postgresql");
        data.answer(data.member("ru-one"), question, "Потому что соединение возвращается в пул.");
        data.answer(data.member("ru-two"), question, "Держите отдельное соединение для LISTEN.");

        browser.get(site.toString().replaceAll("/$", "") + "/questions/" + question.id);

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"), equalTo("ru"));
        assertThat(browser.findElement(By.cssSelector("nav a[href='/ask']")).getText(), equalTo("Задать вопрос"));
        assertThat(browser.findElement(By.id("answers-heading")).getText(), equalTo("2 ответа"));
        assertThat(browser.findElement(By.cssSelector("#login-link")).getText(), equalTo("Войти"));
    }

    @Test
    void theSearchSuggestionsInRussian() {
        String word = "ruzorb" + System.nanoTime() % 100_000_000;
        Member author = data.member("ru-search");
        Question question = data.question(author, "Как " + word + " список?", "java");
        for (int i = 0; i < 3; i++) {
            data.answer(author, question, "Ответ номер " + i + ", достаточно длинный.");
        }

        browser.get(site.toString());
        browser.findElement(By.id("search-input")).sendKeys(word.substring(0, 8));
        By options = By.cssSelector("#search-suggestions [role=option]");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.numberOfElementsToBe(options, 2));
        List<String> texts = browser.findElements(options).stream().map(WebElement::getText).toList();
        assertThat(texts.get(0), endsWith("3 ответа"));
        assertThat(texts.get(1), equalTo("Все результаты по запросу «" + word.substring(0, 8) + "…»"));
    }

    @Test
    void theScriptsSpeakRussianToo() {
        Member member = data.member("ru-writer");
        Question question = data.question(data.member("ru-asker"), "Что скажут скрипты по-русски?", "java");
        String base = site.toString().replaceAll("/$", "");
        Browser.logIn(browser, base, member);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(base + question.path());
        browser.findElement(By.cssSelector("#comments-question-" + question.id + " summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("comment-body-question-" + question.id)))
                .sendKeys("коротко");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("comment-count-question-" + question.id))).getText(),
                equalTo("7 из 600 символов (нужно не меньше 15)"));

        browser.findElement(By.cssSelector("#answer-form textarea[name=body]")).sendKeys("Черновик ответа");
        wait.until(d -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return Object.keys(localStorage).join(' ')")).contains("qa-draft:"));
        browser.navigate().refresh();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#answer-form [data-draft-restored]"))).getText(),
                equalTo("Черновик восстановлен. Удалить черновик"));
    }

    @Test
    void aVoteOverItsLimitIsRefusedInRussian() {
        Member voter = data.member("ru-voter");
        Question question = data.question(data.member("ru-voted"), "Сколько раз можно голосовать подряд?", "java");
        // the minute's votes spent elsewhere (the limit counts the member's votes, wherever they come from)
        WebSession session = WebSession.loggedIn(voter.username);
        for (int i = 1; i <= 60; i++) {
            session.postJson("/api/v1/questions/" + question.id + "/vote", Map.of("value", i % 2)).then()
                    .statusCode(200);
        }
        String base = site.toString().replaceAll("/$", "");
        Browser.logIn(browser, base, voter);

        browser.get(base + question.path());
        browser.findElement(By.cssSelector("button[data-vote-for='question-" + question.id + "'][data-vote='1']"))
                .click();
        WebElement error = browser.findElement(By.cssSelector("[data-vote-error]"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !error.getText().isBlank());
        assertThat(error.getText(), startsWith("Слишком быстро: голоса — не больше 60 в минуту."));
        assertThat(browser.findElement(By.cssSelector("form[data-vote-form] [data-score]")).getText(), equalTo("0"));
    }
}
