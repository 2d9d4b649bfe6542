package org.qasite.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qasite.browser.BrowserFlowTest.type;
import static org.qasite.browser.BrowserFlowTest.waitFor;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A member changes the password on the settings page, and logs in with the new one. */
@QuarkusTest
class PasswordChangeBrowserTest {

    static final String NEW_PASSWORD = "violet harbour ladder 7";

    @TestHTTPResource("/login")
    URL login;

    @TestHTTPResource("/settings")
    URL settings;

    @Inject
    TestData data;

    /** Sends the login form; what follows is for the caller to wait for. */
    void logIn(WebDriver driver, String username, String password) {
        driver.get(login.toString());
        Browser.sendLoginForm(driver, username, password);
    }

    @Test
    void aMemberChangesThePasswordAndLogsInWithTheNewOne() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member member = data.member("browserpw");
        WebDriver driver = Browser.start();
        try {
            logIn(driver, member.username, TestData.PASSWORD);
            waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/logout']")));
            driver.get(settings.toString());
            assertThat(driver.findElement(By.cssSelector("#session-list [data-session-current] [data-session-browser]"))
                    .getText(), containsString("Chrom"));

            // a wrong current password: the form again, the message beside the field
            type(driver, "current_password", "not my password");
            type(driver, "password", NEW_PASSWORD);
            type(driver, "password_confirm", NEW_PASSWORD);
            driver.findElement(By.cssSelector("#password-form button[type=submit]")).click();
            assertThat(waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("current_password-error"))).getText(), equalTo("This is not your current password."));

            type(driver, "current_password", TestData.PASSWORD);
            type(driver, "password", NEW_PASSWORD);
            type(driver, "password_confirm", NEW_PASSWORD);
            driver.findElement(By.cssSelector("#password-form button[type=submit]")).click();
            assertThat(waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status]")))
                    .getText(), containsString("Your password is changed."));
            assertThat(driver.getCurrentUrl(), equalTo(settings.toString()));

            driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
            waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#login-link")));
            logIn(driver, member.username, TestData.PASSWORD);
            waitFor(driver).until(ExpectedConditions.urlContains("error=true"));
            logIn(driver, member.username, NEW_PASSWORD);
            waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/logout']")));
        } finally {
            driver.quit();
        }
    }
}
