package org.qasite.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Finding a tag by typing in the /tags filter, and the tabs of a tag's page, in a real browser. */
@QuarkusTest
class BrowseBrowserTest {

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

    static List<String> shownTags(WebDriver driver) {
        return driver.findElements(By.cssSelector("#tag-list [data-tag]")).stream()
                .map(e -> e.getDomAttribute("data-tag")).toList();
    }

    @Test
    void typingInTheFilterNarrowsTheListAndATagsTabKeepsTheTag() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        String p = "bb" + System.nanoTime() % 100_000_000;
        Member author = data.member("browser-tagger");
        data.question(author, "A question about the alpha of this test", p + "-alpha");
        data.question(author, "A question about the beta of this test", p + "-beta", p + "-alpha");
        WebDriver driver = Browser.start();
        try {
            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.get(url("/tags?q=" + p));
            assertThat(shownTags(driver), contains(p + "-alpha", p + "-beta"));

            WebElement filter = driver.findElement(By.id("tag-filter"));
            filter.sendKeys("-b");
            waitFor(driver).until(d -> shownTags(d).equals(List.of(p + "-beta")));
            assertThat("the address says what is shown", driver.getCurrentUrl(), endsWith("/tags?q=" + p + "-b"));
            filter.sendKeys("zz");
            waitFor(driver).until(d -> !d.findElements(By.id("tags-empty")).isEmpty());

            driver.get(url("/tags?q=" + p + "-alpha"));
            driver.findElement(By.cssSelector("[data-tag='" + p + "-alpha'] a")).click();
            waitFor(driver).until(d -> d.getCurrentUrl().endsWith("/tag/" + p + "-alpha"));
            driver.findElement(By.cssSelector("[data-list-tabs] a[data-tab=hot]")).click();
            waitFor(driver).until(d -> d.getCurrentUrl().endsWith("/tag/" + p + "-alpha?sort=hot"));
            WebElement active = driver.findElement(By.cssSelector("[data-list-tabs] a.active"));
            assertThat(active.getDomAttribute("data-tab"), equalTo("hot"));
            assertThat(active.getDomAttribute("aria-current"), equalTo("page"));
            assertThat(driver.findElement(By.tagName("h1")).getText(), equalTo("Questions tagged [" + p + "-alpha]"));
            assertThat(driver.findElements(By.cssSelector("#questions [data-question-summary]")).size(), equalTo(2));

            // a row is compact: title, two lines of excerpt and the tags line
            Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.querySelector('#questions [data-question-summary]').getBoundingClientRect().height;");
            assertThat(height.doubleValue(), lessThanOrEqualTo(110.0));
        } finally {
            driver.quit();
        }
    }
}
