package org.qasite.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Markdown editor in a real browser: pictures pasted in, the toolbar, counters, tag completion, similar questions. */
@QuarkusTest
class EditorBrowserTest {

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    String base() {
        return site.toString().replaceAll("/$", "");
    }

    static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @BeforeEach
    void browser() {
        assertTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
    }

    ChromeDriver askAsMember() {
        ChromeDriver browser = Browser.start();
        try {
            Member member = data.member("writer");
            Browser.logIn(browser, base(), member);
            browser.get(base() + "/ask");
            waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-editor-toolbar]")));
            return browser;
        } catch (RuntimeException | Error e) {
            browser.quit(); // the test's own try does not hold it yet
            throw e;
        }
    }

    /** Pastes a file into the textarea as the clipboard would: a PNG drawn on a canvas, or the bytes of a text. */
    static void paste(WebDriver browser, String name, boolean picture) {
        give(browser, "paste", name, picture);
    }

    /**
     * Gives the editor a file as a member would: pasted ("paste"), dropped on the text ("drop"), or chosen with the
     * upload button's file picker ("pick").
     */
    static void give(WebDriver browser, String how, String name, boolean picture) {
        ((JavascriptExecutor) browser).executeAsyncScript(
                """
                        const [how, name, picture, done] = arguments;
                        const send = (blob) => {
                          const file = new File([blob], name, { type: picture ? 'image/png' : 'text/plain' });
                          const transfer = new DataTransfer();
                          transfer.items.add(file);
                          const textarea = document.querySelector('textarea#body');
                          textarea.focus();
                          if (how === 'paste') {
                            textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
                          } else if (how === 'drop') {
                            textarea.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
                          } else {
                            const input = textarea.closest('[data-editor]').querySelector('input[type=file][data-upload-input]');
                            input.files = transfer.files;
                            input.dispatchEvent(new Event('change', { bubbles: true }));
                          }
                          done();
                        };
                        if (!picture) { send(new Blob(['just some text, not a picture ' + Date.now()])); return; }
                        const canvas = document.createElement('canvas');
                        canvas.width = 48; canvas.height = 32;
                        const g = canvas.getContext('2d');
                        g.fillStyle = '#' + Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0');
                        g.fillRect(0, 0, 48, 32);
                        g.fillStyle = '#' + Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0');
                        g.fillRect(Math.random() * 40, Math.random() * 24, 8, 8);
                        canvas.toBlob(send, 'image/png');
                        """,
                how, name, picture);
    }

    static String value(WebElement field) {
        return field.getDomProperty("value");
    }

    static Object script(WebDriver browser, String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    @Test
    void aPastedPictureIsUploadedWrittenAsMarkdownAndShownInThePreview() {
        ChromeDriver browser = askAsMember();
        try {
            WebElement body = browser.findElement(By.id("body"));
            body.sendKeys("Here is the chart:");
            paste(browser, "chart.png", true);
            waitFor(browser).until(d -> value(body).matches("(?s).*!\\[chart\\]\\(/uploads/[0-9a-f]{64}\\.png\\).*"));
            assertThat(value(body), not(containsString("Uploading")));
            assertThat(value(body), matchesPattern("(?s)Here is the chart:\n!\\[chart\\]\\(/uploads/[0-9a-f]{64}\\.png\\)\n"));
            // the preview shows the picture, loaded from the site
            WebElement image = waitFor(browser).until(ExpectedConditions
                    .presenceOfElementLocated(By.cssSelector("#body-preview img[src^='/uploads/']")));
            waitFor(browser).until(d -> ((Number) script(d, "return arguments[0].complete ? arguments[0].naturalWidth : 0;",
                    image)).intValue() == 48);
            assertThat(image.getDomAttribute("alt"), equalTo("chart"));
            assertThat(Browser.policyViolations(browser), empty());

            // dropped on the text, and picked with the upload button's file picker: the same
            give(browser, "drop", "dropped.png", true);
            waitFor(browser).until(d -> value(body).matches("(?s).*!\\[dropped\\]\\(/uploads/[0-9a-f]{64}\\.png\\).*"));
            give(browser, "pick", "picked.png", true);
            waitFor(browser).until(d -> value(body).matches("(?s).*!\\[picked\\]\\(/uploads/[0-9a-f]{64}\\.png\\).*"));
            waitFor(browser)
                    .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#body-preview img[src^='/uploads/']"), 3));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aFileThatIsNoPictureIsRefusedInTheReadersWordsAndLeavesTheTextAsItWas() {
        ChromeDriver browser = askAsMember();
        try {
            WebElement body = browser.findElement(By.id("body"));
            body.sendKeys("My text");
            paste(browser, "notes.png", false);
            WebElement refusal = waitFor(browser).until(ExpectedConditions
                    .visibilityOfElementLocated(By.cssSelector("[data-upload-error] [data-upload-refusal]")));
            assertThat(refusal.getText(), equalTo("notes.png was not uploaded: it is not a PNG, JPEG, GIF or WebP picture."));
            assertThat(value(body), equalTo("My text\n"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aPictureOverTheSizeLimitIsRefusedBeforeItIsSent() {
        ChromeDriver browser = askAsMember();
        try {
            WebElement body = browser.findElement(By.id("body"));
            body.sendKeys("My text");
            long uploadsBefore = data.count("SELECT count(*) FROM uploaded_image");
            // a phone's photo: larger than the site's limit and than what the HTTP layer reads at all
            script(browser,
                    """
                            const file = new File([new Uint8Array(5 * 1024 * 1024)], 'photo.jpg', { type: 'image/jpeg' });
                            const transfer = new DataTransfer();
                            transfer.items.add(file);
                            const textarea = document.querySelector('textarea#body');
                            textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
                            """);
            WebElement refusal = waitFor(browser).until(ExpectedConditions
                    .visibilityOfElementLocated(By.cssSelector("[data-upload-error] [data-upload-refusal]")));
            assertThat(refusal.getText(), startsWith("photo.jpg was not uploaded: it is larger than 2"));
            assertThat(value(body), equalTo("My text"));
            assertThat(data.count("SELECT count(*) FROM uploaded_image"), equalTo(uploadsBefore));
        } finally {
            browser.quit();
        }
    }

    @Test
    void theToolbarWritesMarkdownAroundTheSelectionAndKeepsTheFocusInTheText() {
        ChromeDriver browser = askAsMember();
        try {
            WebElement body = browser.findElement(By.id("body"));
            List<WebElement> buttons = browser.findElements(By.cssSelector("[data-editor-toolbar] button"));
            assertThat(buttons.stream().map(b -> b.getDomAttribute("type")).toList(), everyItem(equalTo("button")));
            assertThat(buttons.stream().map(WebElement::getAccessibleName).toList(), contains("Bold", "Italic", "Code",
                    "Code block", "Link", "Image", "Bulleted list", "Quote", "Upload a picture"));
            body.sendKeys("make this strong");
            script(browser, "arguments[0].setSelectionRange(10, 16);", body);
            browser.findElement(By.cssSelector("button[data-md=bold]")).click();
            assertThat(value(body), equalTo("make this **strong**"));
            assertThat(script(browser, "return document.activeElement.id;"), equalTo("body"));
            // the selection is still the word: typing replaces it
            body.sendKeys("bold");
            assertThat(value(body), equalTo("make this **bold**"));

            body.sendKeys(Keys.END, Keys.ENTER);
            body.sendKeys(Keys.chord(Keys.CONTROL, "i"));
            body.sendKeys("slanted");
            assertThat(value(body), equalTo("make this **bold**\n*slanted*"));

            body.sendKeys(Keys.END, Keys.ENTER, "docs");
            script(browser, "arguments[0].setSelectionRange(arguments[0].value.length - 4, arguments[0].value.length);", body);
            body.sendKeys(Keys.chord(Keys.CONTROL, "k"));
            body.sendKeys("https://example.org/docs"); // the address was selected: typing replaces it
            assertThat(value(body), equalTo("make this **bold**\n*slanted*\n[docs](https://example.org/docs)"));

            body.sendKeys(Keys.END, Keys.ENTER, "one");
            browser.findElement(By.cssSelector("button[data-md=list]")).click();
            assertThat(value(body), equalTo("make this **bold**\n*slanted*\n[docs](https://example.org/docs)\n- one"));
            assertThat(script(browser, "return document.activeElement.id;"), equalTo("body"));

            // from the keyboard: Tab to a button, Enter, and the focus is back in the text
            script(browser, "arguments[0].setSelectionRange(0, 4);", body);
            browser.findElement(By.cssSelector("button[data-md=code]")).sendKeys(Keys.ENTER);
            assertThat(value(body), containsString("`make` this"));
            assertThat(script(browser, "return document.activeElement.id;"), equalTo("body"));

            // the preview follows what the toolbar wrote
            waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#body-preview strong")));
            assertThat(browser.findElement(By.cssSelector("#body-preview a[href='https://example.org/docs']")).getText(),
                    equalTo("docs"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void onAMacTheToolbarNamesTheCommandKey() {
        ChromeDriver browser = Browser.start();
        try {
            browser.executeCdpCommand("Emulation.setUserAgentOverride", java.util.Map.of("userAgent",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
                    "platform", "MacIntel"));
            Browser.logIn(browser, base(), data.member("mac-writer"));
            browser.get(base() + "/ask");
            WebElement bold = waitFor(browser).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-editor-toolbar] [data-md=bold]")));
            assertThat(bold.getDomAttribute("title"), equalTo("Bold (\u2318B)"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void countersShowTheLimitsWhileTyping() {
        ChromeDriver browser = askAsMember();
        try {
            WebElement counter = browser.findElement(By.cssSelector("[data-counter-for=title]"));
            assertThat(counter.getText(), equalTo("0 / 150 characters (at least 10)"));
            WebElement title = browser.findElement(By.id("title"));
            title.sendKeys("Short");
            assertThat(counter.getText(), equalTo("5 / 150 characters (at least 10)"));
            assertThat(counter.getDomAttribute("class"), containsString("text-danger"));
            title.sendKeys(" but long enough");
            assertThat(counter.getText(), equalTo("21 / 150 characters"));
            title.sendKeys("x".repeat(125));
            assertThat(counter.getText(), equalTo("146 / 150 characters · 4 characters left"));
            title.sendKeys("x".repeat(10));
            assertThat(counter.getText(), equalTo("156 / 150 characters · 6 characters too many"));
            assertThat(counter.getDomAttribute("class"), containsString("text-danger"));
            // nothing is cut: the server says what is wrong when the form is sent
            assertThat(value(title).length(), equalTo(156));
            assertThat(browser.findElement(By.cssSelector("[data-counter-for=body]")).getText(),
                    equalTo("0 / 30000 characters (at least 20)"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void theTagsFieldSuggestsExistingTagsWithTheirCountsFromTheKeyboard() {
        String stem = "qz" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Member author = data.member("tagger");
        data.question(author, "Reading files in " + stem + " quickly", stem + "python");
        data.question(author, "Writing files in " + stem + " quickly", stem + "python");
        data.question(author, "Pyramids in " + stem + " schemes", stem + "pyramid");
        ChromeDriver browser = askAsMember();
        try {
            WebElement tags = browser.findElement(By.id("tags"));
            tags.sendKeys("java " + stem + "py");
            By options = By.cssSelector("#tags-suggestions [role=option]");
            waitFor(browser).until(ExpectedConditions.numberOfElementsToBe(options, 2));
            assertThat(tags.getDomAttribute("aria-expanded"), equalTo("true"));
            assertThat(browser.findElements(options).stream()
                    .map(o -> o.findElement(By.tagName("span")).getText() + " | "
                            + o.findElement(By.tagName("small")).getText())
                    .toList(), contains(stem + "python | 2 questions", stem + "pyramid | 1 question"));
            tags.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
            assertThat(tags.getDomAttribute("aria-activedescendant"), equalTo("tags-suggestions-1"));
            tags.sendKeys(Keys.ARROW_UP, Keys.ENTER);
            assertThat(value(tags), equalTo("java " + stem + "python "));
            assertThat(browser.findElements(options), hasSize(0));
            assertThat(tags.getDomAttribute("aria-expanded"), equalTo("false"));
            // Escape closes the list and keeps what was typed
            tags.sendKeys(stem + "pyr");
            waitFor(browser).until(ExpectedConditions.numberOfElementsToBe(options, 1));
            tags.sendKeys(Keys.ESCAPE);
            assertThat(browser.findElements(options), hasSize(0));
            assertThat(value(tags), equalTo("java " + stem + "python " + stem + "pyr"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void similarQuestionsAppearUnderTheTitleAndOpenInANewTab() {
        String word = "glimmerquack" + System.nanoTime() % 1_000_000;
        Member author = data.member("similar");
        long id = data.question(author, "How do I " + word + " a stream?").id;
        ChromeDriver browser = askAsMember();
        try {
            // a whole title, most of whose words the question does not have: any shared word is enough
            browser.findElement(By.id("title")).sendKeys("Can I " + word + " a stream without blocking the event loop?");
            WebElement link = waitFor(browser).until(ExpectedConditions
                    .visibilityOfElementLocated(By.cssSelector("#similar-questions a[data-similar-id='" + id + "']")));
            assertThat(link.getText(), equalTo("How do I " + word + " a stream?"));
            assertThat(link.getDomAttribute("target"), equalTo("_blank"));
            assertThat(link.getDomAttribute("rel"), equalTo("noopener"));
            assertThat(link.getDomAttribute("href"), matchesPattern("/questions/" + id + "/.*"));
            assertThat(browser.findElement(By.cssSelector("#similar-questions p")).getText(),
                    containsString("Similar questions"));
            assertThat(browser.findElements(By.cssSelector("#similar-questions a")).size(), greaterThan(0));
        } finally {
            browser.quit();
        }
    }

    @Test
    void withoutJavaScriptTheToolbarIsHiddenAndTheFormIsAPlainOne() {
        ChromeDriver browser = Browser.startWithoutJavaScript();
        try {
            Member member = data.member("plain");
            Browser.logIn(browser, base(), member);
            browser.get(base() + "/ask");
            assertThat(browser.findElement(By.cssSelector("[data-editor-toolbar]")).isDisplayed(), equalTo(false));
            assertThat(browser.findElement(By.id("body")).isDisplayed(), equalTo(true));
        } finally {
            browser.quit();
        }
    }
}
