package org.qasite.browser;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qasite.events.EventStream;
import org.qasite.events.EventType;
import org.qasite.live.LiveRooms;
import org.qasite.live.Rooms;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.AnswerInput;
import org.qasite.question.AnswerService;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Live answers as people see them: one person reads a question in one browser while another answers it in theirs,
 * and the reader's page changes without a reload.
 */
@QuarkusTest
class LiveBrowserTest {

    /** Generous: two cores, and other builds may be running beside this one. */
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern ANSWERED = Pattern.compile(".*/questions/\\d+/[a-z0-9-]+#answer-(\\d+)$");

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    @Inject
    AnswerService answers;

    @Inject
    Rooms rooms;

    @Inject
    EventStream events;

    @Inject
    ObjectMapper json;

    @Inject
    @RedisClientName("streams")
    RedisDataSource streams;

    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeEach
    void chromiumIsInstalled() {
        assumeTrue(Browser.available(), "Chromium and ChromeDriver are installed (bin/services --browser)");
    }

    @AfterEach
    void quitBrowsers() {
        List<String> refused = new ArrayList<>();
        for (WebDriver browser : browsers) {
            try {
                refused.addAll(Browser.policyViolations(browser));
            } catch (RuntimeException e) {
                // a browser that is gone already has nothing to say
            }
        }
        for (WebDriver browser : browsers) {
            try {
                browser.quit();
            } catch (RuntimeException e) {
                // the others must be quit all the same
            }
        }
        browsers.clear();
        // the live socket, the scripts and the styles all pass the pages' Content Security Policy
        assertThat(refused, org.hamcrest.Matchers.empty());
    }

    @Test
    void theFirstAnswerReplacesTheEmptyStateWithoutAReload() {
        Question question = data.question(data.member("asker"), "Who answers first, live?");
        Member poster = data.member("poster");
        WebDriver reader = person();
        open(reader, question, "", 1);
        assertThat(reader.findElements(By.id("answers-empty")), hasSize(1));
        assertThat(text(reader, "[data-answer-count]"), equalTo("0"));
        assertThat(reader.findElement(By.cssSelector("[data-live]")).getDomAttribute("data-live-mode"),
                equalTo("insert"));

        WebDriver writer = member(poster);
        writer.get(url(question.path()));
        long answerId = postAnswer(writer, "The first answer, and it shows up **live**.");

        WebElement shown = waitFor(reader).until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("#answers [data-answer-id='" + answerId + "']")));
        assertThat(shown.getText(), containsString("The first answer, and it shows up live."));
        assertThat(shown.findElement(By.cssSelector("strong")).getText(), equalTo("live"));
        assertThat(reader.findElements(By.id("answers-empty")), empty());
        assertThat(text(reader, "[data-answer-count]"), equalTo("1"));
        assertThat(text(reader, "[data-answer-noun]"), equalTo("answer"));
        assertThat(answerIds(reader), contains(answerId));
        assertThat("the page was not reloaded", samePage(reader), equalTo(true));
    }

    @Test
    void onTheFirstPageANewAnswerGoesOnTopOnceEvenWhenItComesTwice() {
        Member asker = data.member("asker");
        Question question = data.question(asker, "What goes on top of the newest answers?");
        for (int i = 1; i <= 3; i++) {
            data.answer(data.member("earlier"), question, "Earlier answer number " + i + ".");
        }
        WebDriver reader = member(asker); // the question's author: their copy of the answer has an accept button
        open(reader, question, "", 1);
        List<Long> before = answerIds(reader);
        assertThat(before, hasSize(3));

        WebDriver writer = member(data.member("poster"));
        open(writer, question, "", 2);
        long answerId = postAnswer(writer, "A fresh answer that goes above the others.");

        By newAnswer = By.cssSelector("#answers [data-answer-id='" + answerId + "']");
        waitFor(reader).until(ExpectedConditions.presenceOfElementLocated(newAnswer));
        List<Long> expected = new ArrayList<>(List.of(answerId));
        expected.addAll(before);
        assertThat(answerIds(reader), equalTo(expected));
        assertThat(reader.findElement(newAnswer).getDomAttribute("class"), containsString("highlight"));
        assertThat(text(reader, "[data-answer-count]"), equalTo("4"));
        assertThat(samePage(reader), equalTo(true));

        // The poster's new page may be told about their own answer again (its position can be older than the
        // answer's entry), and the relay may publish an event twice: either way each page shows the answer once. An
        // answer after the repeat is the barrier: a socket delivers in stream order, so once that one is in, so was
        // the repeat.
        await().atMost(WAIT).until(() -> rooms.viewers(question.id).size() == 2);
        publishAgain(answerId);
        Answer later = answers.answer(data.member("later").id, question.id,
                new AnswerInput("Yet another answer, after the poster's."));
        List<Long> all = new ArrayList<>(List.of(later.id));
        all.addAll(expected);
        for (WebDriver page : List.of(reader, writer)) {
            waitFor(page).until(ExpectedConditions
                    .presenceOfElementLocated(By.cssSelector("#answers [data-answer-id='" + later.id + "']")));
            assertThat(page.findElements(newAnswer), hasSize(1));
            assertThat(answerIds(page), equalTo(all));
            assertThat(text(page, "[data-answer-count]"), equalTo("5"));
        }
        assertThat("the poster cannot vote on their own answer", writer
                .findElement(By.cssSelector("button[data-vote-for='answer-" + answerId + "'][data-vote='1']")).isEnabled(),
                equalTo(false));

        // The question's author accepts the answer that arrived live, still without a reload.
        reader.findElement(By.cssSelector("[data-answer-id='" + answerId + "'] form[data-accept-form] button")).click();
        waitFor(reader).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-answer-id='" + answerId + "'] [data-accepted-badge]")));
        assertThat(data.count("SELECT accepted_answer_id FROM question WHERE id = ?1", question.id), equalTo(answerId));
        assertThat(samePage(reader), equalTo(true));
    }

    @Test
    void offTheFirstPageOrSortedByVotesAnAlertLinksToTheNewAnswerAndTheListStays() {
        Question question = data.question(data.member("asker"), "Where does a new answer go on page two?");
        Member earlier = data.member("earlier");
        for (int i = 1; i <= 12; i++) {
            data.answer(earlier, question, "Answer number " + i + " of a busy question.");
        }
        WebDriver secondPage = person();
        open(secondPage, question, "?page=2", 1);
        WebDriver byVotes = person();
        open(byVotes, question, "?sort=votes", 2);
        List<Long> onSecondPage = answerIds(secondPage);
        List<Long> onVotesPage = answerIds(byVotes);
        assertThat(onSecondPage, hasSize(2));
        assertThat(onVotesPage, hasSize(10));
        List<WebDriver> readers = List.of(secondPage, byVotes);
        for (WebDriver reader : readers) {
            assertThat(reader.findElement(By.cssSelector("[data-live]")).getDomAttribute("data-live-mode"),
                    equalTo("alert"));
            assertThat(reader.findElement(By.cssSelector("[data-live-alert]")).isDisplayed(), equalTo(false));
        }

        WebDriver writer = member(data.member("poster"));
        writer.get(url(question.path()));
        long answerId = postAnswer(writer, "An answer the readers of other pages hear about.");

        By alert = By.cssSelector("[data-live-alert][role=alert]");
        for (WebDriver reader : readers) {
            waitFor(reader).until(ExpectedConditions.visibilityOfElementLocated(alert));
            assertThat(text(reader, "[data-live-alert]"), containsString("A new answer was posted."));
            assertThat(reader.findElement(By.cssSelector("[data-live-alert] a")).getDomAttribute("href"),
                    equalTo("/answers/" + answerId));
            assertThat(text(reader, "[data-answer-count]"), equalTo("13"));
        }

        // The same answer again (the relay may publish twice) is not another answer; a second one is.
        publishAgain(answerId);
        Answer later = answers.answer(data.member("later").id, question.id,
                new AnswerInput("A second answer the readers of other pages hear about."));
        for (WebDriver reader : readers) {
            waitFor(reader).until(ExpectedConditions.textToBe(By.cssSelector("[data-answer-count]"), "14"));
            waitFor(reader).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-live-alert] a"), "href",
                    url("/answers/" + later.id)));
            assertThat(text(reader, "[data-live-alert]"), containsString("2 new answers were posted."));
            assertThat(reader.findElements(By.cssSelector("[data-answer-id='" + answerId + "']")), empty());
            assertThat(samePage(reader), equalTo(true));
        }
        assertThat("the list is untouched", answerIds(secondPage), equalTo(onSecondPage));
        assertThat("the list is untouched", answerIds(byVotes), equalTo(onVotesPage));

        // The link leads to the newest answers.
        secondPage.findElement(By.cssSelector("[data-live-alert] a")).click();
        waitFor(secondPage)
                .until(ExpectedConditions.urlMatches(".*/questions/" + question.id + "/[a-z0-9-]+#answer-" + later.id));
        assertThat(answerIds(secondPage).subList(0, 2), contains(later.id, answerId));
    }

    @Test
    void aDroppedConnectionComesBackByItselfWithTheAnswerPostedMeanwhile() {
        Question question = data.question(data.member("asker"), "Does the page catch up after a dropped connection?");
        Answer old = data.answer(data.member("earlier"), question, "An answer from before the page was opened.");
        WebDriver reader = person();
        open(reader, question, "", 1);
        By status = By.cssSelector("[data-live-status]");
        assertThat(reader.findElement(status).isDisplayed(), equalTo(false));

        // The reader's network goes away (so its reconnect attempts fail) and the server drops its connection.
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        ((ChromeDriver) reader).setNetworkConditions(offline);
        LiveRooms.dropConnections(rooms, question.id);
        await().atMost(WAIT).until(() -> rooms.viewers(question.id).isEmpty());
        waitFor(reader).until(ExpectedConditions.visibilityOfElementLocated(status));
        Answer meanwhile = answers.answer(data.member("poster").id, question.id,
                new AnswerInput("Posted while the reader's connection was down."));
        assertThat("the answer was committed while the reader was away", rooms.viewers(question.id), empty());
        ((ChromeDriver) reader).deleteNetworkConditions();

        By shown = By.cssSelector("#answers [data-answer-id='" + meanwhile.id + "']");
        waitFor(reader).until(ExpectedConditions.presenceOfElementLocated(shown));
        waitFor(reader).until(ExpectedConditions.invisibilityOfElementLocated(status));
        assertThat(answerIds(reader), contains(meanwhile.id, old.id));
        assertThat(text(reader, "[data-answer-count]"), equalTo("2"));
        assertThat("caught up by replay, not by reloading", samePage(reader), equalTo(true));
        assertThat(rooms.viewers(question.id), hasSize(1));
    }

    @Test
    void theViewerCountFollowsASecondReaderComingAndGoing() {
        Question question = data.question(data.member("asker"), "How many people are reading this right now?");
        WebDriver first = person();
        open(first, question, "", 1);
        By viewers = By.cssSelector("[data-viewers]");
        waitFor(first).until(ExpectedConditions.attributeToBe(viewers, "data-viewers", "1"));
        assertThat(text(first, "[data-viewers]"), equalTo("1 viewing now"));

        // Another person: a member, since two visitors from one address (both browsers run here) are one reader.
        WebDriver second = member(data.member("second-reader"));
        open(second, question, "", 2);
        waitFor(first).until(ExpectedConditions.attributeToBe(viewers, "data-viewers", "2"));
        assertThat(text(first, "[data-viewers]"), equalTo("2 viewing now"));
        // The second page's count came with its socket's greeting, itself included.
        waitFor(second).until(ExpectedConditions.attributeToBe(viewers, "data-viewers", "2"));
        assertThat(text(second, "[data-viewers]"), equalTo("2 viewing now"));

        second.get(url("/"));
        waitFor(first).until(ExpectedConditions.attributeToBe(viewers, "data-viewers", "1"));
        assertThat(text(first, "[data-viewers]"), equalTo("1 viewing now"));
        assertThat(samePage(first), equalTo(true));
    }

    @Test
    void withoutJavaScriptThePageReadsAndTheFormAnswers() {
        Question question = data.question(data.member("asker"), "Can I answer with scripts turned off?");
        Member poster = data.member("noscript");
        WebDriver browser = Browser.startWithoutJavaScript();
        browsers.add(browser);
        Browser.logIn(browser, url(""), poster);
        browser.get(url(question.path()));
        assertThat(browser.findElement(By.tagName("h1")).getText(), equalTo("Can I answer with scripts turned off?"));
        assertThat(browser.findElements(By.id("answers-empty")), hasSize(1));
        assertThat(browser.findElement(By.cssSelector("[data-live-status]")).isDisplayed(), equalTo(false));
        assertThat(browser.findElement(By.cssSelector("[data-live-alert]")).isDisplayed(), equalTo(false));
        WebElement viewers = browser.findElement(By.cssSelector("[data-viewers]"));
        assertThat("no socket, no count", viewers.isDisplayed(), equalTo(false));
        assertThat(viewers.getDomAttribute("title"), equalTo("People who have this question open now"));

        type(browser, "body", "Plain forms work **without** any script.");
        // Scripts really are off: for a whole second, no preview is rendered and no live connection is opened.
        await("no preview and no connection").pollInSameThread().during(Duration.ofSeconds(1)).atMost(WAIT)
                .untilAsserted(() -> {
                    assertThat(text(browser, "#body-preview"), equalTo("The preview appears here as you type."));
                    assertThat(rooms.viewers(question.id), empty());
                });
        long answerId = submitAnswer(browser);

        WebElement shown = browser.findElement(By.cssSelector("#answers [data-answer-id='" + answerId + "']"));
        assertThat(shown.getText(), containsString("Plain forms work without any script."));
        assertThat(browser.findElements(By.id("answers-empty")), empty());
        assertThat(text(browser, "[data-answer-count]"), equalTo("1"));
        assertThat(data.count("SELECT count(*) FROM answer WHERE question_id = ?1", question.id), equalTo(1L));
    }

    /** Publishes an answer's event once more, as the relay may: it publishes at least once, not exactly once. */
    private void publishAgain(long answerId) {
        StreamMessage<String, String, String> entry = streams.stream(String.class, String.class, String.class)
                .xrevrange("qa:events", StreamRange.of("+", "-"), 500).stream()
                .filter(e -> EventType.ANSWER_CREATED.wireName.equals(e.payload().get(EventStream.FIELD_TYPE))
                        && answerId(e.payload().get(EventStream.FIELD_PAYLOAD)) == answerId)
                .findFirst().orElseThrow(() -> new AssertionError("no event for answer " + answerId));
        events.publish(entry.payload());
    }

    private long answerId(String payload) {
        try {
            return json.readTree(payload).path("answerId").asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebDriver person() {
        WebDriver browser = Browser.start();
        browsers.add(browser);
        return browser;
    }

    private WebDriver member(Member member) {
        WebDriver browser = person();
        Browser.logIn(browser, url(""), member);
        return browser;
    }

    /**
     * Opens the question and waits until its live connection is in the room ({@code inRoom} connections in all), so
     * that what happens next happens while the page is live. Marks the page to tell a reload from an update.
     */
    private void open(WebDriver browser, Question question, String query, int inRoom) {
        browser.get(url(question.path() + query));
        ((JavascriptExecutor) browser).executeScript("window.samePageMarker = true;");
        await().atMost(WAIT).until(() -> rooms.viewers(question.id).size() == inRoom);
    }

    private static boolean samePage(WebDriver browser) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return window.samePageMarker === true;"));
    }

    /** Answers with the form of the question page the browser shows, and returns the new answer's id. */
    private long postAnswer(WebDriver browser, String body) {
        type(browser, "body", body);
        return submitAnswer(browser);
    }

    /** Sends the answer form, lands back on the question page (post/redirect/get) and returns the answer's id. */
    private long submitAnswer(WebDriver browser) {
        browser.findElement(By.cssSelector("#answer-form button[type=submit]")).click();
        waitFor(browser).until(ExpectedConditions.urlMatches(ANSWERED.pattern()));
        Matcher m = ANSWERED.matcher(browser.getCurrentUrl());
        assertThat(browser.getCurrentUrl(), m.matches(), equalTo(true));
        long id = Long.parseLong(m.group(1));
        waitFor(browser).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#answers [data-answer-id='" + id + "']")));
        return id;
    }

    private static List<Long> answerIds(WebDriver browser) {
        return browser.findElements(By.cssSelector("#answers [data-answer-id]")).stream()
                .map(e -> Long.parseLong(e.getDomAttribute("data-answer-id"))).toList();
    }

    private static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }

    private String url(String path) {
        return site.toString().replaceAll("/$", "") + path;
    }
}
