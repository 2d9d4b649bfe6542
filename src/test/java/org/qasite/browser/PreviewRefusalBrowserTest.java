package org.qasite.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
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

/** The editor's preview says why a text over its budget cannot be shown, and recovers once it fits. */
@QuarkusTest
class PreviewRefusalBrowserTest {

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    @Test
    void theEditorShowsTheRefusalInThePreview() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member member = data.member("previewer");
        WebDriver browser = Browser.start();
        try {
            String base = site.toString().replaceAll("/$", "");
            Browser.logIn(browser, base, member);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            browser.get(base + "/ask");

            // Pasted at once, as a member would paste it: 300 columns.
            enter(browser, "|a".repeat(300) + "|\n" + "|-".repeat(300) + "|\n" + "a\n".repeat(600));
            WebElement refusal = wait.until(ExpectedConditions
                    .visibilityOfElementLocated(By.cssSelector("#body-preview [data-preview-error]")));
            assertThat(refusal.getText(), startsWith("A table may have at most 50 columns; this text has one with 300."));
            assertThat(refusal.getAttribute("role"), equalTo("status"));

            enter(browser, "A table that fits:\n\n| a | b |\n|---|---|\n| **1** | 2 |\n");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#body-preview td strong"), "1"));
            assertThat(browser.findElements(By.cssSelector("#body-preview [data-preview-error]")).size(), equalTo(0));
        } finally {
            browser.quit();
        }
    }

    private static void enter(WebDriver browser, String text) {
        ((JavascriptExecutor) browser).executeScript("const field = document.getElementById('body');"
                + " field.value = arguments[0]; field.dispatchEvent(new Event('input', { bubbles: true }));", text);
    }
}
