package org.qasite.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.question.QuestionResource;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Phones (390 and 360 px wide): 44 px touch targets, nothing wider than the screen, a one-line pager, and the menu open
 * without JavaScript.
 */
@QuarkusTest
class PhoneBrowserTest {

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

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = { 360, 390 })
    void noPageIsWiderThanThePhoneAndTheTargetsAreBigEnough(int width) {
        assumeTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Question question = data.question(data.member("phone-asker"), "Does the question page fit a small phone?",
                "phones", "touch");
        data.answer(data.member("phone-answerer"), question, "An answer to vote on.");
        WebDriver phone = Browser.startPhone(width, 844);
        try {
            logIn(phone, data.member("phone-reader"));
            List<String> wide = new ArrayList<>();
            for (String path : List.of("/", question.path(), "/tags", "/users", "/search?q=phone", "/ask",
                    "/notifications", "/settings", "/login")) {
                phone.get(url(path));
                if (overflows(phone)) {
                    wide.add(path + " is " + js(phone, "return document.documentElement.scrollWidth;") + " px wide");
                }
            }
            assertThat("pages wider than the " + width + " px screen", wide, empty());

            phone.get(url(question.path()));
            for (WebElement vote : phone.findElements(By.cssSelector("button[data-vote-for]"))) {
                assertThat("vote button width", vote.getRect().getWidth(), greaterThanOrEqualTo(44));
                assertThat("vote button height", vote.getRect().getHeight(), greaterThanOrEqualTo(44));
            }
            WebElement tag = phone.findElement(By.cssSelector("article[data-question-id] a[href='/tag/phones']"));
            assertThat("tag height", tag.getRect().getHeight(), greaterThanOrEqualTo(44));

            phone.findElement(By.cssSelector(".navbar-toggler")).click();
            waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("search-input")));
            assertThat("search box height", phone.findElement(By.id("search-input")).getRect().getHeight(),
                    greaterThanOrEqualTo(44));
            for (WebElement control : phone.findElements(By.cssSelector("#main-nav .nav-link, #main-nav .btn"))) {
                assertThat("header control " + control.getText(), control.getRect().getHeight(),
                        greaterThanOrEqualTo(44));
            }
            assertThat("the open menu fits", overflows(phone), equalTo(false));
        } finally {
            phone.quit();
        }
    }

    @Test
    void at360PixelsThePagerKeepsToOneLine() {
        assumeTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Question question = data.question(data.member("pager-asker"), "Does the pager fit a small phone?");
        // nine pages of answers: on page five the pager has every kind of link (first, gaps, neighbours, last)
        for (int i = 0; i < 9 * QuestionResource.ANSWERS_PER_PAGE; i++) {
            data.answer(data.member("pager-answerer"), question, "Answer number " + i + " to the pager question.");
        }
        WebDriver phone = Browser.startPhone(360, 740);
        try {
            phone.get(url(question.path() + "?page=5"));
            List<WebElement> items = phone.findElements(By.cssSelector("nav .pagination > li"));
            WebElement next = phone.findElement(By.cssSelector(".pagination a[rel=next]"));
            WebElement first = items.stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
            assertThat("Next on the pager's line, not below it", next.getRect().getY(), equalTo(first.getRect().getY()));
            assertThat("pager link height", next.getRect().getHeight(), greaterThanOrEqualTo(44));
            assertThat("pager link width", next.getRect().getWidth(), greaterThanOrEqualTo(44));
            assertThat("Next keeps its name for screen readers", next.getAttribute("textContent").strip(),
                    equalTo("Next›"));
            assertThat(overflows(phone), equalTo(false));
        } finally {
            phone.quit();
        }
    }

    @Test
    void at360PixelsTheSearchSuggestionsFitTheScreen() {
        assumeTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        data.question(data.member("suggest-asker"), "Phones show search suggestions within the screen");
        WebDriver phone = Browser.startPhone(360, 740);
        try {
            phone.get(url("/"));
            phone.findElement(By.cssSelector(".navbar-toggler")).click();
            waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("search-input")));
            phone.findElement(By.id("search-input")).sendKeys("phones");
            waitFor(phone)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-suggestions [role=option]")));
            WebElement suggestions = phone.findElement(By.id("search-suggestions"));
            assertThat("the suggestions' right edge", suggestions.getRect().getX() + suggestions.getRect().getWidth(),
                    lessThanOrEqualTo(360));
            assertThat(overflows(phone), equalTo(false));
        } finally {
            phone.quit();
        }
    }

    @Test
    void withoutJavaScriptThePhoneMenuIsOpenAndWorks() {
        assumeTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        WebDriver phone = Browser.startPhoneWithoutJavaScript(360, 740);
        try {
            phone.get(url("/"));
            assertThat("a screen 360 px wide", js(phone, "return window.innerWidth;"), equalTo(360L));
            assertThat("the ☰ button, which needs the script, is left out",
                    phone.findElement(By.cssSelector(".navbar-toggler")).isDisplayed(), equalTo(false));
            assertThat(phone.findElement(By.id("search-input")).isDisplayed(), equalTo(true));
            assertThat(phone.findElement(By.id("login-link")).isDisplayed(), equalTo(true));
            phone.findElement(By.cssSelector("#main-nav a[href='/tags']")).click();
            waitFor(phone).until(ExpectedConditions.urlContains("/tags"));
            phone.findElement(By.id("search-input")).sendKeys("anything\n");
            waitFor(phone).until(ExpectedConditions.urlContains("/search?q=anything"));
            phone.findElement(By.id("login-link")).click();
            waitFor(phone).until(ExpectedConditions.urlContains("/login"));
            assertThat(phone.findElement(By.id("username")).isDisplayed(), equalTo(true));
        } finally {
            phone.quit();
        }
        // With the script, the menu stays folded behind ☰ until asked for.
        WebDriver scripted = Browser.startPhone(360, 740);
        try {
            scripted.get(url("/"));
            assertThat(scripted.findElement(By.cssSelector(".navbar-toggler")).isDisplayed(), equalTo(true));
            assertThat(scripted.findElement(By.id("search-input")).isDisplayed(), equalTo(false));
        } finally {
            scripted.quit();
        }
    }

    private static boolean overflows(WebDriver driver) {
        return (Boolean) js(driver, "return document.documentElement.scrollWidth > window.innerWidth;");
    }

    private static Object js(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void logIn(WebDriver driver, Member member) {
        String cookie = WebSession.loggedIn(member.username).sessionCookie();
        driver.get(url("/robots.txt"));
        driver.manage().addCookie(new Cookie("qa-session", cookie, "/"));
    }

}
