package org.qasite.browser;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qasite.browser.BrowserFlowTest.type;
import static org.qasite.browser.BrowserFlowTest.waitFor;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A member who forgot the password sets a new one, and one confirms an address, with the mail's links, in a browser. */
@QuarkusTest
class AccountBrowserTest {

    private static final Pattern LINK = Pattern
            .compile("http://qa\\.example\\.org(/(?:reset-password|verify-email)\\?token=[A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "violet trumpet harbour lantern";

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    String url(String path) {
        return site.toString().replaceAll("/$", "") + path;
    }

    String linkOfMail(String address, int count) {
        List<Mail> mails = await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.getMailsSentTo(address),
                m -> m.size() >= count);
        Matcher m = LINK.matcher(mails.get(count - 1).getText());
        assertTrue(m.find(), "a link in the mail");
        return m.group(1);
    }

    @Test
    void aForgottenPasswordIsResetWithTheMailsLink() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member member = data.member("forgetful");
        WebDriver browser = Browser.start();
        try {
            browser.get(url("/login"));
            browser.findElement(By.linkText("Forgot password?")).click();
            waitFor(browser).until(ExpectedConditions.urlContains("/forgot-password"));
            type(browser, "email", member.email);
            browser.findElement(By.cssSelector("#forgot-password-form button[type=submit]")).click();
            waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                    "If an account uses " + member.email));

            browser.get(url(linkOfMail(member.email, 1)));
            assertThat(browser.findElement(By.cssSelector("[data-reset-username]")).getText(),
                    containsString(member.username));
            type(browser, "password", NEW_PASSWORD);
            type(browser, "password_confirm", NEW_PASSWORD);
            browser.findElement(By.cssSelector("#reset-password-form button[type=submit]")).click();
            waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                    "Your password is changed"));
            Browser.logIn(browser, url(""), member.username, NEW_PASSWORD);
            assertThat(Browser.policyViolations(browser), empty());
        } finally {
            browser.quit();
        }
    }

    @Test
    void anAddressIsConfirmedWithTheLinkSentAgainFromTheSettings() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
        Member member = data.member("unconfirmed");
        data.execute("UPDATE member SET email_verified_at = NULL WHERE id = ?1", member.id);
        WebDriver browser = Browser.start();
        try {
            Browser.logIn(browser, url(""), member);
            browser.get(url("/settings"));
            assertThat(browser.findElement(By.id("email-status")).getText(), containsString("not confirmed yet"));
            browser.findElement(By.cssSelector("#resend-verification-form button[type=submit]")).click();
            waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                    "A new link is on its way"));

            browser.get(url(linkOfMail(member.email, 1)));
            assertThat(browser.findElement(By.cssSelector("[data-email-confirmed]")).getText(),
                    containsString(member.email));
            browser.findElement(By.linkText("Back to your settings")).click();
            waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-email-verified=true]")));
            assertThat(browser.findElements(By.id("resend-verification-form")), empty());
            assertThat(Browser.policyViolations(browser), empty());
        } finally {
            browser.quit();
        }
    }
}
