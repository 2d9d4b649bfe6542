package org.qasite.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A reader whose system is dark gets dark pages from the first paint, can switch to light with the header's button
 * (by keyboard too) and keeps that choice on the next page; highlighted code has its colours in both themes and a
 * copy button.
 */
@QuarkusTest
class ThemeBrowserTest {

    static final String CODE = "public class Hello {\n    // greets\n    String name = \"world\";\n}";

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    String url(String path) {
        return site.toString().replaceAll("/$", "") + path;
    }

    static Object js(ChromeDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The relative luminance (0 black, 1 white) of an element's computed colour property. */
    static double luminance(ChromeDriver driver, String selector, String property) {
        return ((Number) js(driver, """
                const c = getComputedStyle(document.querySelector(arguments[0]))[arguments[1]].match(/[\\d.]+/g).map(Number);
                const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);""", selector, property))
                .doubleValue();
    }

    static void systemPrefers(ChromeDriver driver, String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    @Test
    void aDarkSystemGetsDarkPagesAndTheTogglesChoiceIsRemembered() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member asker = data.member("theme-asker");
        Question question = data.question(asker, "How do I greet the world in Java?");
        data.answer(data.member("theme-answerer"), question,
                "Like this:\n\n```java\n" + CODE + "\n```\n\nPress <kbd>F5</kbd>.");
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            systemPrefers(driver, "dark");
            driver.get(url(question.path()));
            assertThat("the theme is set in the head, before the page is drawn",
                    js(driver, "return document.documentElement.getAttribute('data-bs-theme')"), equalTo("dark"));
            assertThat("a dark page", luminance(driver, "body", "backgroundColor"), lessThan(0.05));
            assertThat("with light text", luminance(driver, "body", "color"), greaterThan(0.6));
            double darkKeyword = luminance(driver, "#answers pre code .hl-k", "color");
            assertThat("keywords stand out of the dark code block", darkKeyword, greaterThan(0.2));
            assertThat(luminance(driver, "#answers kbd", "backgroundColor"), lessThan(0.05));

            WebElement toggle = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("theme-toggle")));
            assertThat(toggle.getAttribute("aria-pressed"), equalTo("true"));
            assertThat(toggle.getAccessibleName(), equalTo("Dark theme"));
            // by keyboard: the button is reached with Tab like any other and pressed with the space bar
            js(driver, "arguments[0].focus()", toggle);
            assertThat(driver.switchTo().activeElement(), equalTo(toggle));
            toggle.sendKeys(Keys.SPACE);
            wait.until(d -> "light".equals(js(driver, "return document.documentElement.getAttribute('data-bs-theme')")));
            assertThat(toggle.getAttribute("aria-pressed"), equalTo("false"));
            assertThat("a light page", luminance(driver, "body", "backgroundColor"), greaterThan(0.9));
            assertThat("keywords are darker on the light code block",
                    luminance(driver, "#answers pre code .hl-k", "color"), lessThan(darkKeyword));

            driver.navigate().refresh();
            assertThat("the choice outlives the page, whatever the system says",
                    js(driver, "return document.documentElement.getAttribute('data-bs-theme')"), equalTo("light"));
            assertThat(luminance(driver, "body", "backgroundColor"), greaterThan(0.9));
            driver.findElement(By.id("theme-toggle")).click();
            driver.get(url("/"));
            assertThat("and so does the switch back", luminance(driver, "body", "backgroundColor"), lessThan(0.05));
            assertThat(Browser.policyViolations(driver), empty());
        } finally {
            driver.quit();
        }
    }

    @Test
    void aLightSystemGetsLightPages() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        ChromeDriver driver = Browser.start();
        try {
            systemPrefers(driver, "light");
            driver.get(url("/"));
            assertThat(js(driver, "return document.documentElement.getAttribute('data-bs-theme')"), equalTo("light"));
            assertThat(luminance(driver, "body", "backgroundColor"), greaterThan(0.9));
        } finally {
            driver.quit();
        }
    }

    @Test
    void aCodeBlockHasACopyButtonThatSaysCopied() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member asker = data.member("copy-asker");
        Question question = data.question(asker, "How do I copy a code block?");
        data.answer(data.member("copy-answerer"), question, "```java\n" + CODE + "\n```");
        ChromeDriver driver = Browser.start();
        try {
            driver.executeCdpCommand("Browser.grantPermissions",
                    Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
            driver.get(url(question.path()));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            WebElement button = wait.until(ExpectedConditions
                    .elementToBeClickable(By.cssSelector("#answers .code-block [data-code-copy]")));
            assertThat(button.getText(), equalTo("Copy"));
            assertThat(button.getAccessibleName(), equalTo("Copy the code"));
            assertThat("a button, so the keyboard reaches it", button.getTagName(), equalTo("button"));
            button.click();
            wait.until(ExpectedConditions.textToBePresentInElement(button, "Copied"));
            assertThat(driver.findElement(By.cssSelector("#answers .code-block [role=status]")).getAttribute("textContent"),
                    equalTo("Copied"));
            Object copied = ((JavascriptExecutor) driver).executeAsyncScript(
                    "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('refused: ' + e))");
            assertThat("the code as written, without the button's word", copied, equalTo(CODE + "\n"));
            assertThat(driver.findElements(By.cssSelector("#answers pre code [data-code-copy]")), empty());
            assertThat(Browser.policyViolations(driver), empty());
        } finally {
            driver.quit();
        }
    }
}
