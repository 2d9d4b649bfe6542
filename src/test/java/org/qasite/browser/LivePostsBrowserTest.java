package org.qasite.browser;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
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
import org.qasite.question.Comment;
import org.qasite.question.PageComments;
import org.qasite.question.Question;
import org.qasite.testsupport.PostChanges;
import org.qasite.testsupport.TestData;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Edits, deletions and comments as a reader sees them: the question is open in one browser while its posts change
 * (as the edit, delete and comment pages change them), and the page follows without a reload.
 */
@QuarkusTest
class LivePostsBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    @Inject
    PostChanges changes;

    @Inject
    AnswerService answers;

    @Inject
    Rooms rooms;

    @Inject
    EventStream events;

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
                browser.quit();
            } catch (RuntimeException e) {
                // a browser that is gone already has nothing to say
            }
        }
        browsers.clear();
        assertThat(refused, empty());
    }

    @Test
    void anEditReplacesThePostInPlaceWithAHighlightAndTheReaderKeepsTheirVote() {
        Member author = data.member("answerer");
        Member asker = data.member("asker");
        Question question = data.question(asker, "Does an edit show up while I read?");
        Answer older = data.answer(author, question, "An older answer that nobody edits.");
        Answer answer = data.answer(author, question, "The answer before its edit.");
        WebDriver reader = member(asker); // the question's author: answers come with an accept form for them
        open(reader, question);
        By upVote = By.cssSelector("button[data-vote-for='answer-" + answer.id + "'][data-vote='1']");
        reader.findElement(upVote).click();
        waitFor(reader).until(ExpectedConditions.attributeToBe(upVote, "aria-pressed", "true"));
        waitFor(reader).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-viewers]"), "data-viewers", "1"));

        changes.editAnswer(answer.id, author.id, "The answer after its edit, with **more** detail.");
        By body = By.cssSelector("[data-answer-id='" + answer.id + "'] .post-body");
        waitFor(reader).until(ExpectedConditions.textToBe(body, "The answer after its edit, with more detail."));
        assertThat(reader.findElement(By.cssSelector("[data-answer-id='" + answer.id + "']")).getDomAttribute("class"),
                containsString("highlight"));
        assertThat("in its place", answerIds(reader), equalTo(List.of(answer.id, older.id)));
        assertThat("the reader's vote stays", reader.findElement(upVote).getDomAttribute("aria-pressed"),
                equalTo("true"));
        assertThat(text(reader, "[data-answer-id='" + answer.id + "'] [data-score]"), equalTo("1"));
        assertThat("the pushed accept form gets the page's CSRF token", reader.findElements(By.cssSelector(
                "[data-answer-id='" + answer.id + "'] form[data-accept-form] input[name='csrf-token']")), hasSize(1));

        changes.editQuestion(question.id, asker.id, "The question's body, edited while it is read.");
        By questionBody = By.cssSelector("article[data-question-id='" + question.id + "'] .post-body");
        waitFor(reader).until(ExpectedConditions.textToBe(questionBody, "The question's body, edited while it is read."));
        assertThat(reader.findElement(By.cssSelector("article[data-question-id]")).getDomAttribute("class"),
                containsString("highlight"));
        assertThat("the viewer count stays in the byline", text(reader, "[data-viewers]"), equalTo("1 viewing now"));
        assertThat(samePage(reader), equalTo(true));
    }

    @Test
    void aChangeAboveWhatTheReaderLooksAtDoesNotMoveIt() {
        Member author = data.member("answerer");
        Member asker = data.member("asker");
        Question question = data.question(asker, "Does the page jump when something above me changes?");
        String paragraphs = "A paragraph that makes the answer tall enough.\n\n".repeat(6);
        List<Answer> posted = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            posted.add(data.answer(author, question, "Answer " + i + ".\n\n" + paragraphs));
        }
        WebDriver reader = person();
        open(reader, question);
        // The reader reads the oldest answer, at the bottom of the list; the question and the newer answers are above.
        By oldest = By.cssSelector("[data-answer-id='" + posted.get(0).id + "']");
        ((JavascriptExecutor) reader).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                reader.findElement(oldest));
        long before = top(reader, oldest);
        assertThat("the question is out of view", top(reader, By.cssSelector("article[data-question-id]")) < 0,
                equalTo(true));

        changes.editQuestion(question.id, asker.id, "The question, much longer now.\n\n" + paragraphs + paragraphs);
        waitFor(reader).until(ExpectedConditions.textMatches(
                By.cssSelector("article[data-question-id] .post-body"), Pattern.compile(
                        "^The question, much longer now.*", Pattern.DOTALL)));
        assertThat(Math.abs(top(reader, oldest) - before) <= 2, equalTo(true));

        changes.deleteAnswer(posted.get(5).id, author.id);
        waitFor(reader).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-deleted-answer-id='" + posted.get(5).id + "']")));
        assertThat(Math.abs(top(reader, oldest) - before) <= 2, equalTo(true));
        assertThat(samePage(reader), equalTo(true));
    }

    /** Where the element's top is in the viewport, in CSS pixels (negative: above it). */
    private static long top(WebDriver browser, By element) {
        Number top = (Number) ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].getBoundingClientRect().top;", browser.findElement(element));
        return Math.round(top.doubleValue());
    }

    @Test
    void aDeletedAnswerLeavesThePageWithTheCountAndADeletedQuestionIsSaidSo() {
        Member author = data.member("answerer");
        Member asker = data.member("asker");
        Question question = data.question(asker, "What does a reader see of a deletion?");
        Answer kept = data.answer(data.member("other"), question, "An answer that stays.");
        Answer answer = data.answer(author, question, "An answer its author deletes while it is read.");
        data.execute("UPDATE question SET accepted_answer_id = ?1 WHERE id = ?2", answer.id, question.id);
        WebDriver reader = person();
        open(reader, question);
        assertThat(text(reader, "[data-answer-count]"), equalTo("2"));
        assertThat(reader.findElements(By.cssSelector("[data-accepted-link]")), hasSize(1));

        changes.deleteAnswer(answer.id, author.id);
        By deleted = By.cssSelector("#answers [data-answer-id='" + answer.id + "']");
        waitFor(reader).until(ExpectedConditions.numberOfElementsToBe(deleted, 0));
        assertThat(text(reader, "[data-deleted-answer-id='" + answer.id + "']"), equalTo("This answer was deleted."));
        assertThat("the accepted mark went with the answer", reader.findElements(By.cssSelector("[data-accepted-line]")),
                hasSize(0));
        assertThat(text(reader, "[data-answer-count]"), equalTo("1"));
        assertThat(text(reader, "[data-answer-noun]"), equalTo("answer"));
        assertThat(answerIds(reader), equalTo(List.of(kept.id)));

        // Undeleted, it comes back where it was.
        changes.undeleteAnswer(answer.id, author.id);
        waitFor(reader).until(ExpectedConditions.numberOfElementsToBe(deleted, 1));
        assertThat(answerIds(reader), equalTo(List.of(answer.id, kept.id)));
        assertThat(text(reader, "[data-answer-count]"), equalTo("2"));

        changes.deleteQuestion(question.id, asker.id);
        By notice = By.cssSelector("[data-question-deleted][role=alert]");
        waitFor(reader).until(ExpectedConditions.visibilityOfElementLocated(notice));
        assertThat(reader.findElement(notice).getText(), equalTo("This question was deleted."));

        // Undeleted, the notice goes and the question is shown again.
        changes.undeleteQuestion(question.id, asker.id);
        waitFor(reader).until(ExpectedConditions.numberOfElementsToBe(notice, 0));
        assertThat(reader.findElements(By.cssSelector("article[data-question-id='" + question.id + "']")), hasSize(1));
        assertThat(samePage(reader), equalTo(true));
    }

    @Test
    void aCommentAppearsUnderItsPostOnceAndLeavesWhenDeleted() {
        Member commenter = data.member("commenter");
        Question question = data.question(data.member("asker"), "Where does a live comment show?");
        Answer answer = data.answer(data.member("answerer"), question, "An answer that gets a comment.");
        WebDriver reader = person();
        open(reader, question);

        Comment comment = changes.comment(commenter.id, question.id, answer.id, "A comment under the *answer*.");
        By shown = By.cssSelector("#answer-" + answer.id + " [data-comments-for='answer-" + answer.id
                + "'] [data-comment-id='" + comment.id + "']");
        waitFor(reader).until(ExpectedConditions.presenceOfElementLocated(shown));
        assertThat(reader.findElement(shown).getText(), containsString("A comment under the answer."));
        assertThat(reader.findElement(shown).getDomAttribute("class"), containsString("highlight"));

        // The same event again (the relay publishes at least once) is not a second comment; one on the question is.
        publishAgain(EventType.COMMENT_CREATED, "\"commentId\":" + comment.id + ",");
        Comment onQuestion = changes.comment(commenter.id, question.id, null, "A comment under the question.");
        waitFor(reader).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-comments-for='question-" + question.id + "'] [data-comment-id='" + onQuestion.id
                        + "']")));
        assertThat(reader.findElements(By.cssSelector("[data-comment-id='" + comment.id + "']")), hasSize(1));

        changes.deleteComment(comment.id);
        waitFor(reader).until(ExpectedConditions.numberOfElementsToBe(shown, 0));
        assertThat(samePage(reader), equalTo(true));
    }

    @Test
    void aReaderWhoseConnectionDroppedGetsTheChangesByReplay() {
        Member author = data.member("answerer");
        Question question = data.question(data.member("asker"), "Does the page catch up on edits after a drop?");
        Answer edited = data.answer(author, question, "An answer edited while the reader is offline.");
        Answer deleted = data.answer(author, question, "An answer deleted while the reader is offline.");
        streamHasAnEntry();
        WebDriver reader = person();
        open(reader, question);
        By status = By.cssSelector("[data-live-status]");

        // The reader's network goes away (so its reconnect attempts fail) and the server drops its connection.
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        ((ChromeDriver) reader).setNetworkConditions(offline);
        LiveRooms.dropConnections(rooms, question.id);
        await().atMost(WAIT).until(() -> rooms.viewers(question.id).isEmpty());
        waitFor(reader).until(ExpectedConditions.visibilityOfElementLocated(status));
        changes.editAnswer(edited.id, author.id, "The answer as edited while the reader was offline.");
        Comment comment = changes.comment(data.member("commenter").id, question.id, null,
                "A comment made while the reader was offline.");
        changes.deleteAnswer(deleted.id, author.id);
        assertThat("the changes were made while the reader was away", rooms.viewers(question.id), empty());
        ((ChromeDriver) reader).deleteNetworkConditions();

        // The script tries again after its backoff, which grew while the network was away: up to 16 s here.
        new WebDriverWait(reader, WAIT.multipliedBy(2)).until(ExpectedConditions.textToBe(
                By.cssSelector("[data-answer-id='" + edited.id + "'] .post-body"),
                "The answer as edited while the reader was offline."));
        waitFor(reader).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-comments-for='question-" + question.id + "'] [data-comment-id='" + comment.id + "']")));
        waitFor(reader).until(ExpectedConditions
                .numberOfElementsToBe(By.cssSelector("#answers [data-answer-id='" + deleted.id + "']"), 0));
        waitFor(reader).until(ExpectedConditions.invisibilityOfElementLocated(status));
        assertThat(text(reader, "[data-answer-count]"), equalTo("1"));
        assertThat("caught up by replay, not by reloading", samePage(reader), equalTo(true));
    }

    @Test
    void aMemberCommentsUnderAnAnswerThatArrivedLiveAndAVisitorIsAskedToLogIn() {
        Member asker = data.member("asker");
        Question question = data.question(asker, "Can I comment on an answer that just arrived?");
        WebDriver reader = member(data.member("reader")); // neither the question's nor the answer's author
        open(reader, question);
        WebDriver visitor = person();
        visitor.get(url(question.path()));
        await().atMost(WAIT).until(() -> rooms.viewers(question.id).size() == 2);

        Answer answer = answers.answer(data.member("answerer").id, question.id,
                new AnswerInput("An answer that arrives while the question is read."));
        String post = "#answer-" + answer.id;
        waitFor(reader).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(post)));
        assertThat("no login link for a member", reader.findElements(By.cssSelector(post + " [data-login-to-comment]")),
                empty());
        assertThat("the comment form gets the page's CSRF token", reader.findElements(By.cssSelector(post
                + " form[data-comment-form-for] input[name='csrf-token']")), hasSize(1));
        waitFor(visitor).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(post)));
        assertThat(text(visitor, post + " [data-login-to-comment]"), equalTo("Log in to comment"));
        assertThat("no comment box for a visitor", visitor.findElements(By.cssSelector(post + " [data-comment-toggle]")),
                empty());

        reader.findElement(By.cssSelector(post + " [data-comment-toggle] summary")).click();
        reader.findElement(By.cssSelector(post + " textarea[data-comment-body]"))
                .sendKeys("A comment on the answer that just arrived.");
        reader.findElement(By.cssSelector(post + " form[data-comment-form-for] button[type=submit]")).click();
        waitFor(reader).until(ExpectedConditions.textMatches(By.cssSelector(post + " [data-comments-for]"),
                Pattern.compile(".*A comment on the answer that just arrived\\..*", Pattern.DOTALL)));
    }

    @Test
    void aCommentBeingWrittenStaysOpenWithItsTextWhenItsAnswerIsEdited() {
        Member author = data.member("answerer");
        Question question = data.question(data.member("asker"), "Does an edit throw away the comment I am writing?");
        Answer answer = data.answer(author, question, "The answer before its edit.");
        WebDriver reader = member(data.member("reader"));
        open(reader, question);
        String post = "#answer-" + answer.id;
        reader.findElement(By.cssSelector(post + " [data-comment-toggle] summary")).click();
        By box = By.cssSelector(post + " textarea[data-comment-body]");
        reader.findElement(box).sendKeys("A comment half");

        changes.editAnswer(answer.id, author.id, "The answer after its edit.");
        waitFor(reader).until(ExpectedConditions.textToBe(By.cssSelector(post + " .post-body"),
                "The answer after its edit."));
        assertThat("the box stays open", reader.findElement(By.cssSelector(post + " [data-comment-toggle]"))
                .getDomProperty("open"), equalTo("true"));
        assertThat(reader.findElement(box).getDomProperty("value"), equalTo("A comment half"));
        assertThat("no login link for a member", reader.findElements(By.cssSelector(post + " [data-login-to-comment]")),
                empty());
        reader.switchTo().activeElement().sendKeys(" written, then finished.");
        assertThat("the focus stays in the box", reader.findElement(box).getDomProperty("value"),
                equalTo("A comment half written, then finished."));
        assertThat(samePage(reader), equalTo(true));
    }

    @Test
    void showMoreCommentsStaysAfterAnEditOfItsPost() {
        Member author = data.member("answerer");
        Member commenter = data.member("commenter");
        Question question = data.question(data.member("asker"), "Do the hidden comments stay reachable after an edit?");
        Answer answer = data.answer(author, question, "An answer with many comments, edited later.");
        for (int i = 0; i < PageComments.SHOWN + 2; i++) {
            changes.comment(commenter.id, question.id, answer.id, "Comment number " + i + " under the answer.");
        }
        WebDriver reader = person();
        open(reader, question);
        By more = By.cssSelector("#answer-" + answer.id + " a[data-comments-more='answer-" + answer.id + "']");
        assertThat(text(reader, "#answer-" + answer.id + " [data-comments-more]"), equalTo("Show 2 more comments"));

        changes.editAnswer(answer.id, author.id, "An answer with many comments, as edited.");
        waitFor(reader).until(ExpectedConditions.textToBe(By.cssSelector("#answer-" + answer.id + " .post-body"),
                "An answer with many comments, as edited."));
        assertThat(reader.findElements(more), hasSize(1));
        assertThat(reader.findElements(By.cssSelector("[data-comments-for='answer-" + answer.id + "'] [data-comment-id]")),
                hasSize(PageComments.SHOWN));
        assertThat(text(reader, "#answer-" + answer.id + " [data-login-to-comment]"), equalTo("Log in to comment"));

        reader.findElement(more).click();
        waitFor(reader).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("[data-comments-for='answer-" + answer.id + "'] [data-comment-id]"), PageComments.SHOWN + 2));
        assertThat(samePage(reader), equalTo(true));
    }

    /**
     * A page of an empty stream starts from 0-0, which is too old to replay from once entries come (it reloads instead):
     * an answer elsewhere gives the stream its first entry, as any site that ever had an answer has.
     */
    private void streamHasAnEntry() {
        if (streams.stream(String.class, String.class, String.class).xlen("qa:events") == 0) {
            Question elsewhere = data.question(data.member("asker"), "A question that gives the stream an entry");
            changes.editQuestion(elsewhere.id, elsewhere.author.id, "An edit, so that the stream has an entry.");
        }
        await().atMost(WAIT).until(() -> streams.stream(String.class, String.class, String.class).xlen("qa:events") > 0);
    }

    /** Publishes the newest event of this type whose payload holds {@code fragment} once more, as the relay may. */
    private void publishAgain(EventType type, String fragment) {
        StreamMessage<String, String, String> entry = streams.stream(String.class, String.class, String.class)
                .xrevrange("qa:events", StreamRange.of("+", "-"), 500).stream()
                .filter(e -> type.wireName.equals(e.payload().get(EventStream.FIELD_TYPE))
                        && e.payload().get(EventStream.FIELD_PAYLOAD).replace(" ", "").contains(fragment))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " event with " + fragment));
        events.publish(entry.payload());
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

    /** Opens the question and waits until its live connection is in the room; marks the page to tell a reload. */
    private void open(WebDriver browser, Question question) {
        browser.get(url(question.path()));
        ((JavascriptExecutor) browser).executeScript("window.samePageMarker = true;");
        await().atMost(WAIT).until(() -> rooms.viewers(question.id).size() == 1);
    }

    private static boolean samePage(WebDriver browser) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return window.samePageMarker === true;"));
    }

    private static List<Long> answerIds(WebDriver browser) {
        return browser.findElements(By.cssSelector("#answers [data-answer-id]")).stream()
                .map(e -> Long.parseLong(e.getDomAttribute("data-answer-id"))).toList();
    }

    private static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }

    private String url(String path) {
        return site.toString().replaceAll("/$", "") + path;
    }
}
