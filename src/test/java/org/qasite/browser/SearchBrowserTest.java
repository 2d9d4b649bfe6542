package org.qasite.browser;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The header search box in a real browser: debounced suggestions, the keyboard, and the way to all results. */
@QuarkusTest
class SearchBrowserTest {

    private static final AtomicLong WORDS = new AtomicLong(System.currentTimeMillis() % 1_000_000);
    private static final By OPTIONS = By.cssSelector("#search-suggestions [role=option]");

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    String word;
    List<Long> ids;

    String url(String path) {
        return site.toString().replaceAll("/$", "") + path;
    }

    static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @BeforeEach
    void questions() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        // a word no other test uses, so the suggestions hold only these questions
        word = "zorbulate" + WORDS.incrementAndGet();
        Member author = data.member("searcher");
        ids = List.of(data.question(author, "How do I " + word + " a list in Java?").id,
                data.question(author, "Why does " + word + " fail on Sundays?").id,
                data.question(author, "Is it safe to " + word + " twice?").id);
    }

    /** Opens the home page and counts, from then on, the page's calls to the suggestions endpoint. */
    static WebElement openHomeCountingSuggestRequests(WebDriver driver, String url) {
        driver.get(url);
        ((JavascriptExecutor) driver).executeScript("""
                window.__suggestRequests = 0;
                const original = window.fetch;
                window.fetch = function (resource, init) {
                  const target = typeof resource === 'string' ? resource : (resource && resource.url) || String(resource);
                  if (target.includes('/api/v1/search/suggest')) window.__suggestRequests++;
                  return original.apply(this, arguments);
                };""");
        return driver.findElement(By.id("search-input"));
    }

    static long suggestRequests(WebDriver driver) {
        return (Long) ((JavascriptExecutor) driver).executeScript("return window.__suggestRequests;");
    }

    /** Types as fast as WebDriver can, one key event per letter and no pauses between them. */
    static void typeQuickly(WebElement input, String text) {
        for (char c : text.toCharArray()) {
            input.sendKeys(String.valueOf(c));
        }
    }

    List<WebElement> waitForSuggestions(WebDriver driver) {
        waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(OPTIONS));
        return driver.findElements(OPTIONS);
    }

    @Test
    void typingQuicklyShowsMarkedSuggestionsAfterOneOrTwoRequests() {
        WebDriver driver = Browser.start();
        try {
            WebElement input = openHomeCountingSuggestRequests(driver, url("/"));
            assertThat(input.getAttribute("aria-expanded"), equalTo("false"));
            typeQuickly(input, word);

            List<WebElement> options = waitForSuggestions(driver);
            // the three questions and "See all results"
            waitFor(driver).until(ExpectedConditions.numberOfElementsToBe(OPTIONS, 4));
            options = driver.findElements(OPTIONS);
            assertThat(input.getAttribute("aria-expanded"), equalTo("true"));
            List<String> texts = options.stream().map(WebElement::getText).toList();
            assertThat(texts, hasItem(containsString("How do I " + word + " a list in Java?")));
            assertThat(texts, hasItem(containsString("Why does " + word + " fail on Sundays?")));
            assertThat(texts.get(3), containsString("See all results for"));
            List<WebElement> marks = driver.findElements(By.cssSelector("#search-suggestions [role=option] mark"));
            assertThat(marks.size(), greaterThanOrEqualTo(3));
            assertThat(marks.stream().map(WebElement::getText).toList(), everyItem(containsString("zorbulate")));

            // typing settles before the debounce runs out, so at most one request per pause
            long requests = suggestRequests(driver);
            assertThat("requests while typing " + word.length() + " letters", requests,
                    allOf(greaterThanOrEqualTo(1L), lessThanOrEqualTo(2L)));
        } finally {
            driver.quit();
        }
    }

    @Test
    void arrowDownSelectsEnterOpensAndEscapeCloses() {
        WebDriver driver = Browser.start();
        try {
            WebElement input = openHomeCountingSuggestRequests(driver, url("/"));
            typeQuickly(input, word);
            waitFor(driver).until(ExpectedConditions.numberOfElementsToBe(OPTIONS, 4));

            // Escape closes the list and leaves the text
            input.sendKeys(Keys.ESCAPE);
            waitFor(driver).until(ExpectedConditions.attributeToBe(input, "aria-expanded", "false"));
            assertThat(driver.findElements(OPTIONS).size(), is(0));
            assertThat(input.getAttribute("value"), equalTo(word));

            // ArrowDown opens it again, then marks the first option
            input.sendKeys(Keys.ARROW_DOWN);
            waitFor(driver).until(ExpectedConditions.numberOfElementsToBe(OPTIONS, 4));
            assertThat(input.getAttribute("aria-expanded"), equalTo("true"));
            assertThat(input.getAttribute("aria-activedescendant"), is((String) null));
            input.sendKeys(Keys.ARROW_DOWN);
            WebElement first = driver.findElements(OPTIONS).get(0);
            assertThat(first.getAttribute("aria-selected"), equalTo("true"));
            assertThat(driver.findElements(OPTIONS).get(1).getAttribute("aria-selected"), equalTo("false"));
            assertThat(input.getAttribute("aria-activedescendant"), equalTo(first.getAttribute("id")));
            String href = first.getAttribute("data-href");
            // the canonical address of one of them, /questions/{id}/{slug}
            assertThat(ids.stream().map(id -> "/questions/" + id).toList(),
                    hasItem(href.replaceFirst("^(/questions/[0-9]+)/[a-z0-9-]+$", "$1")));
            assertThat(driver.switchTo().activeElement(), equalTo(input));

            // Enter opens that question, not the search page
            input.sendKeys(Keys.ENTER);
            waitFor(driver).until(ExpectedConditions.urlMatches(".*/questions/\\d+/[a-z0-9-]+$"));
            assertThat(driver.getCurrentUrl(), equalTo(url(href)));
            assertThat(driver.findElement(By.tagName("h1")).getText(), containsString(word));
        } finally {
            driver.quit();
        }
    }

    @Test
    void seeAllResultsOpensTheSearchPage() {
        WebDriver driver = Browser.start();
        try {
            WebElement input = openHomeCountingSuggestRequests(driver, url("/"));
            typeQuickly(input, word);
            waitFor(driver).until(ExpectedConditions.numberOfElementsToBe(OPTIONS, 4));
            WebElement all = driver.findElement(By.id("search-suggestion-all"));
            assertThat(all.getText(), containsString(word));
            all.click();

            waitFor(driver).until(ExpectedConditions.urlContains("/search?q="));
            assertThat(driver.getCurrentUrl(), equalTo(url("/search?q=" + word)));
            WebElement results = waitFor(driver)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("search-results")));
            List<Long> found = results.findElements(By.cssSelector("[data-question-id]")).stream()
                    .map(hit -> Long.parseLong(hit.getAttribute("data-question-id"))).toList();
            assertThat(found, hasItems(ids.toArray(Long[]::new)));
            assertThat(found.size(), is(3));
        } finally {
            driver.quit();
        }
    }

    /** The "…" after the words says the last one is taken as a start, exactly when the results page takes it so. */
    @Test
    void seeAllResultsSaysWhatTheResultsPageSearches() {
        WebDriver driver = Browser.start();
        try {
            WebElement input = openHomeCountingSuggestRequests(driver, url("/"));
            for (String[] typed : new String[][] { { word + " [Java]", word + "… [java]" },
                    { word + " [java] ", word + "… [java]" }, { "\"" + word + "\"", "\"" + word + "\"" },
                    { "java -" + word, "java -" + word }, { word + " x", word + " x" }, { word + " li", word + " li…" } }) {
                input.clear();
                typeQuickly(input, typed[0]);
                waitFor(driver).until(ExpectedConditions.textToBe(By.id("search-suggestion-all"),
                        "See all results for “" + typed[1] + "”"));
            }
        } finally {
            driver.quit();
        }
    }

    @Test
    void oneLetterShowsNothingAndAsksNothing() {
        WebDriver driver = Browser.start();
        try {
            WebElement input = openHomeCountingSuggestRequests(driver, url("/"));
            input.sendKeys("z");
            // well past the debounce: a request would have gone and come back within it
            await("no suggestion request").pollInSameThread().during(Duration.ofMillis(800))
                    .atMost(Duration.ofSeconds(5)).until(() -> suggestRequests(driver), is(0L));
            assertThat(driver.findElements(OPTIONS).size(), is(0));
            assertThat(driver.findElement(By.id("search-suggestions")).isDisplayed(), is(false));
            assertThat(input.getAttribute("aria-expanded"), equalTo("false"));
        } finally {
            driver.quit();
        }
    }
}
