package org.qasite.browser;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;

/** Headless Chromium from the system packages, each call a fresh profile (a separate person). */
final class Browser {

    static final String CHROMIUM = System.getProperty("qa.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("qa.chromedriver", "/usr/bin/chromedriver");

    private Browser() {
    }

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    static ChromeDriver start() {
        return start(new ChromeOptions());
    }

    /** A browser whose user turned JavaScript off: every page must still work with plain forms and links. */
    static ChromeDriver startWithoutJavaScript() {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        return start(options);
    }

    /** A browser whose user reads these languages, best first ("ru,en"): Chromium weighs them in Accept-Language. */
    static ChromeDriver startInLanguages(String languages) {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        options.addArguments("--lang=" + languages.split(",")[0]);
        return start(options);
    }

    /** A phone of this screen width in CSS pixels (a touch screen, the page laid out for its width). */
    static ChromeDriver startPhone(int width, int height) {
        return start(phone(new ChromeOptions(), width, height));
    }

    /**
     * A phone's screen whose user turned JavaScript off; without touch events, in which ChromeDriver's clicks hang when
     * the page runs no script.
     */
    static ChromeDriver startPhoneWithoutJavaScript(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", false)));
        return start(options);
    }

    private static ChromeOptions phone(ChromeOptions options, int width, int height) {
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        return options;
    }

    private static ChromeDriver start(ChromeOptions options) {
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000");
        // Bootstrap scrolls smoothly otherwise, and a click on a button still gliding into view lands on its neighbour.
        options.addArguments("--force-prefers-reduced-motion");
        // the console, to find what the Content Security Policy refused
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /**
     * What the page's Content Security Policy refused since the last call (Chromium writes each refusal to the
     * console): a script, a style or a connection the pages need but the policy forgot, or markup that breaks it.
     */
    static List<String> policyViolations(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    /** Fills in and sends the login form the browser shows; what follows is for the caller to wait for. */
    static void sendLoginForm(WebDriver browser, String username, String password) {
        type(browser, "username", username);
        type(browser, "password", password);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    }

    /** Opens the login page of the site at {@code base} and sends its form; the caller waits for what follows. */
    static void sendLogin(WebDriver browser, String base, String username, String password) {
        browser.get(base.replaceAll("/$", "") + "/login");
        sendLoginForm(browser, username, password);
    }

    /** Logs in on the site at {@code base} and waits for the member's header (its logout form). */
    static void logIn(WebDriver browser, String base, String username, String password) {
        sendLogin(browser, base, username, password);
        waitForLogin(browser);
    }

    /** Logs in as the member, with the password every test member has. */
    static void logIn(WebDriver browser, String base, Member member) {
        logIn(browser, base, member.username, TestData.PASSWORD);
    }

    /** Waits until the page is a member's: the header shows the logout form. */
    static void waitForLogin(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/logout']")));
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
