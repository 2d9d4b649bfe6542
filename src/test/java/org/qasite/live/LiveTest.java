package org.qasite.live;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qasite.TestData;
import org.qasite.WebSession;
import org.qasite.answer.Answer;
import org.qasite.answer.AnswerInput;
import org.qasite.answer.AnswerService;
import org.qasite.member.Member;
import org.qasite.question.Question;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class LiveTest {

    private static final Pattern POSITION = Pattern.compile("data-live-position=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestData data;

    @Inject
    AnswerService answers;

    @Inject
    Rooms rooms;

    @Inject
    LiveStream liveStream;

    @Inject
    @RedisClientName("streams")
    RedisDataSource streams;

    private final List<LiveClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(LiveClient::close);
    }

    private LiveClient viewer(long questionId, String since) {
        LiveClient client = LiveClient.open(base, questionId, since);
        clients.add(client);
        return client.ready();
    }

    private Answer answer(Question question, String body) {
        Member author = data.member("live-answerer");
        return answers.answer(author.id, question.id, new AnswerInput(body));
    }

    /** The stream position the question page embeds for its script. */
    private static String pagePosition(WebSession session, long questionId, String query) {
        String html = session.get("/questions/" + questionId + query).then().statusCode(200).extract().asString();
        Matcher m = POSITION.matcher(html);
        if (!m.find()) {
            throw new AssertionError("the page has no data-live-position");
        }
        return m.group(1);
    }

    @Test
    void everyViewerOfTheQuestionGetsTheNewAnswerAndViewersOfAnotherGetNothing() {
        Question a = data.question(data.member("asker"), "Which viewers hear about a new answer?");
        Question b = data.question(data.member("asker"), "A question nobody answers live");
        LiveClient first = viewer(a.id, null);
        LiveClient second = viewer(a.id, null);
        LiveClient other = viewer(b.id, null);

        Answer posted = answer(a, "Everyone reading the question sees this <b>at once</b>.");

        await().atMost(Duration.ofSeconds(10)).until(() -> first.answerIds().contains(posted.id)
                && second.answerIds().contains(posted.id));
        JsonNode message = first.answers().get(0);
        assertThat(message.path("html").asText(), containsString("data-answer-id=\"" + posted.id + "\""));
        assertThat("member text arrives escaped, as the page shows it", message.path("html").asText(),
                containsString("&lt;b&gt;at once&lt;/b&gt;"));
        assertThat(message.path("answers").asInt(), equalTo(1));
        assertThat(message.path("position").asText(), not(equalTo("")));
        // Once both viewers of A have it, the reader has handled the entry: B's viewer would have it by now, or soon.
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> other.answers().isEmpty());
        assertThat(first.answerIds(), contains(posted.id));
    }

    @Test
    void aReconnectWithThePagePositionGetsExactlyTheAnswersItMissed() {
        Question question = data.question(data.member("asker"), "What did I miss while away?");
        Question elsewhere = data.question(data.member("asker"), "Something else entirely");
        Answer before = answer(question, "Posted before the page was read, so the page shows it.");
        WebSession reader = WebSession.visitor();
        await().atMost(Duration.ofSeconds(10)).until(() -> pagePosition(reader, question.id, "").equals(newestEntry()));
        String position = pagePosition(reader, question.id, "");

        Answer missed1 = answer(question, "First answer posted while the reader was offline.");
        answer(elsewhere, "An answer to another question, which the reader must not get.");
        Answer missed2 = answer(question, "Second answer posted while the reader was offline.");
        // The three answers are in the stream (nothing else writes to it meanwhile).
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.stream(String.class, String.class, String.class)
                .xrange("qa:events", StreamRange.of("(" + position, "+")).size() >= 3);

        LiveClient client = viewer(question.id, position);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.answers().size() >= 2);
        assertThat(client.received.toString(), client.answerIds(), contains(missed1.id, missed2.id));
        assertThat(client.answerIds(), not(contains(before.id)));
        assertThat(client.gotReload(), equalTo(false));
    }

    @Test
    void aPositionWhoseFollowingEntriesWereTrimmedGetsReload() {
        Question question = data.question(data.member("asker"), "What if the stream forgot?");
        WebSession reader = WebSession.visitor();
        String position = pagePosition(reader, question.id, "");
        Answer lost = answer(question, "This answer's entry is trimmed away before the reader comes back.");
        String entry = await().atMost(Duration.ofSeconds(10)).until(this::newestEntry,
                id -> !id.equals(position) && !id.equals("0-0"));
        streams.execute("XDEL", "qa:events", entry);

        LiveClient client = viewer(question.id, position);
        await().atMost(Duration.ofSeconds(10)).until(client::gotReload);
        assertThat("the reload tells the truth instead of an incomplete replay", client.answerIds(),
                not(contains(lost.id)));
    }

    @Test
    void aStreamWhoseEntriesWereAllDeletedGivesItsLastIdNotZero() {
        String key = "qa:test:emptied";
        String id = streams.stream(String.class, String.class, String.class).xadd(key, Map.of("a", "b"));
        streams.execute("XDEL", key, id);
        // From "0-0", a replay would find a deleted entry after the position and ask for a reload on every page view.
        assertThat(liveStream.last(key, Duration.ofSeconds(5)).toString(), equalTo(id));
        assertThat(liveStream.last("qa:test:never-written", Duration.ofSeconds(5)), equalTo(Position.ZERO));
    }

    @Test
    void aStreamTrimmedPastThePositionIsSeenAsSuchThoughRedisKeepsNoDeletedId() {
        String key = "qa:test:trimmed";
        var commands = streams.stream(String.class, String.class, String.class);
        String oldest = commands.xadd(key, Map.of("n", "1"));
        commands.xadd(key, Map.of("n", "2"));
        String newest = commands.xadd(key, Map.of("n", "3"));
        streams.execute("XTRIM", key, "MAXLEN", "1");
        LiveStream.StreamState state = liveStream.state(key);
        assertThat("entries after the oldest are gone", state.lost(Position.parse(oldest)), equalTo(true));
        assertThat("nothing after the newest is gone", state.lost(Position.parse(newest)), equalTo(false));
        assertThat(state.deletedAfter(Position.parse(newest)), equalTo(false));
    }

    @Test
    void aViewerIsToldHowFarTheReaderGotEvenWhenItsQuestionIsQuiet() {
        Question question = data.question(data.member("asker"), "Where do I replay from after a quiet hour?");
        Question busy = data.question(data.member("asker"), "A busy question elsewhere");
        LiveClient client = viewer(question.id, pagePosition(WebSession.visitor(), question.id, ""));
        Answer elsewhere = answer(busy, "Activity elsewhere moves the stream on.");
        String moved = await().atMost(Duration.ofSeconds(10)).until(this::newestEntry,
                id -> !id.equals("0-0") && entryOf(id).contains("\"answerId\": " + elsewhere.id));
        await().atMost(Duration.ofSeconds(10)).until(() -> client.received.stream()
                .anyMatch(m -> "position".equals(m.path("type").asText()) && m.path("position").asText().equals(moved)));
        assertThat("the other question's answer itself is not sent", client.answers(), empty());
    }

    @Test
    void aMalformedPositionGetsReload() {
        Question question = data.question(data.member("asker"), "What is a position anyway?");
        LiveClient client = viewer(question.id, "not-a-position");
        assertThat(client.gotReload(), equalTo(true));
    }

    @Test
    void aServerSideCloseLosesNothingWhenTheClientComesBackWithItsLastPosition() {
        Question question = data.question(data.member("asker"), "Does a dropped connection lose answers?");
        LiveClient client = viewer(question.id, pagePosition(WebSession.visitor(), question.id, ""));
        Answer first = answer(question, "Seen live, before the connection drops.");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.answerIds().contains(first.id));
        String last = client.answers().get(0).path("position").asText();

        rooms.viewers(question.id).forEach(v -> v.close(LiveHub.GOING_AWAY));
        await().atMost(Duration.ofSeconds(10)).until(client::isClosed);
        assertThat(client.closedWith.getCode(), equalTo(1001));
        Answer whileAway = answer(question, "Posted while the reader was disconnected.");

        LiveClient again = viewer(question.id, last);
        await().atMost(Duration.ofSeconds(10)).until(() -> again.answerIds().contains(whileAway.id));
        assertThat(again.answerIds(), contains(whileAway.id));
    }

    @Test
    void viewerCountsFollowComingAndGoingCoalescedInABurst() {
        Question question = data.question(data.member("asker"), "How many people read this?");
        LiveClient first = viewer(question.id, null);
        assertThat(first.viewerCounts(), contains(1));
        LiveClient second = viewer(question.id, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.viewerCounts().contains(2));
        assertThat(second.viewerCounts().get(0), equalTo(2));

        int before = first.viewerCounts().size();
        List<CompletableFuture<LiveClient>> joining = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            joining.add(CompletableFuture.supplyAsync(() -> LiveClient.open(base, question.id, null)));
        }
        joining.forEach(j -> clients.add(j.join()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> first.viewerCounts().get(first.viewerCounts().size() - 1) == 12);
        assertThat("ten joins in a burst make a few messages, not ten", first.viewerCounts().size() - before,
                lessThanOrEqualTo(5));

        second.close();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> first.viewerCounts().get(first.viewerCounts().size() - 1) == 11);
        RestAssured.get("/questions/" + question.id).then().statusCode(200)
                .body(containsString("data-viewers=\"12\"")); // the eleven, and this reader
    }

    @Test
    void aForeignOriginIsRefusedAndTheSitesOwnAccepted() {
        Question question = data.question(data.member("asker"), "Who may open a socket?");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> LiveClient
                .open(LiveClient.connector(base, question.id, null).addHeader("Origin", "https://evil.example")));
        assertThat(String.valueOf(refused.getMessage()), containsString("403"));
        assertThat(rooms.isOpen(question.id), equalTo(false));
        LiveClient own = LiveClient.open(LiveClient.connector(base, question.id, null).addHeader("Origin",
                "http://qa.example.org"));
        clients.add(own);
        own.ready();
    }

    @Test
    void aQuestionThatDoesNotExistGetsNoRoom() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> LiveClient.open(base, 987_654_321L, null));
        assertThat(String.valueOf(refused.getMessage()), containsString("404"));
        assertThat(rooms.isOpen(987_654_321L), equalTo(false));
    }

    @Test
    void aFloodingClientIsDisconnected() {
        Question question = data.question(data.member("asker"), "What happens to a chatty client?");
        LiveClient client = viewer(question.id, null);
        for (int i = 0; i < 30 && !client.isClosed(); i++) {
            client.send("{\"type\":\"ping\"}");
        }
        await().atMost(Duration.ofSeconds(10)).until(client::isClosed);
        assertThat(client.closedWith.getCode(), equalTo(1008));
        await().atMost(Duration.ofSeconds(10)).until(() -> !rooms.isOpen(question.id));
    }

    @Test
    void anOversizedMessageClosesTheConnection() {
        Question question = data.question(data.member("asker"), "What happens to a long message?");
        LiveClient client = viewer(question.id, null);
        client.send("x".repeat(5000));
        await().atMost(Duration.ofSeconds(10)).until(client::isClosed);
        assertThat(client.closedWith.getCode(), equalTo(1009));
    }

    @Test
    void theQuestionsAuthorGetsTheAcceptButtonAndTheAnswersAuthorCannotVoteOnIt() {
        Member asker = data.member("asker");
        Member answerer = data.member("answerer");
        Question question = data.question(asker, "Who sees which buttons?");
        LiveClient author = LiveClient.open(LiveClient.connector(base, question.id, null).addHeader("Cookie",
                "qa-session=" + sessionCookie(asker)));
        LiveClient poster = LiveClient.open(LiveClient.connector(base, question.id, null).addHeader("Cookie",
                "qa-session=" + sessionCookie(answerer)));
        LiveClient visitor = viewer(question.id, null);
        clients.add(author);
        clients.add(poster);
        author.ready();
        poster.ready();

        Answer posted = answers.answer(answerer.id, question.id, new AnswerInput("An answer with three audiences."));
        await().atMost(Duration.ofSeconds(10)).until(() -> author.answerIds().contains(posted.id)
                && poster.answerIds().contains(posted.id) && visitor.answerIds().contains(posted.id));
        String forAuthor = author.answers().get(0).path("html").asText();
        String forPoster = poster.answers().get(0).path("html").asText();
        String forVisitor = visitor.answers().get(0).path("html").asText();
        assertThat(forAuthor, containsString("data-accept-form"));
        assertThat(forVisitor, not(containsString("data-accept-form")));
        assertThat(forPoster, containsString("You cannot vote on your own post"));
        assertThat(forVisitor, not(containsString("You cannot vote on your own post")));
        assertThat("no request, no CSRF token in a pushed fragment", forAuthor, not(containsString("csrf-token")));
    }

    @Test
    void thePageTellsItsScriptWhereToStartAndWhetherToInsert() {
        Question question = data.question(data.member("asker"), "Where does the page start listening?");
        WebSession reader = WebSession.visitor();
        await().atMost(Duration.ofSeconds(10)).until(() -> pagePosition(reader, question.id, "").equals(newestEntry()));
        reader.get("/questions/" + question.id).then().statusCode(200)
                .body(containsString("data-live=\"/ws/questions/" + question.id + "\""),
                        containsString("data-live-mode=\"insert\""), containsString("id=\"answers-empty\""));
        for (int i = 0; i < 11; i++) {
            data.answer(data.member("answerer"), question, "Answer number " + i + " of many.");
        }
        reader.get("/questions/" + question.id + "?page=2").then().statusCode(200)
                .body(containsString("data-live-mode=\"alert\""));
        reader.get("/questions/" + question.id + "?sort=votes").then().statusCode(200)
                .body(containsString("data-live-mode=\"alert\""));
        reader.get("/questions/" + question.id).then().statusCode(200).body(containsString("data-live-mode=\"insert\""));
    }

    private String entryOf(String id) {
        var entries = streams.stream(String.class, String.class, String.class).xrange("qa:events", StreamRange.of(id, id));
        return entries.isEmpty() ? "" : String.valueOf(entries.get(0).payload().get("payload"));
    }

    private String newestEntry() {
        var newest = streams.stream(String.class, String.class, String.class).xrevrange("qa:events",
                StreamRange.of("+", "-"), 1);
        return newest.isEmpty() ? "0-0" : newest.get(0).id();
    }

    private static String sessionCookie(Member member) {
        return RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", member.username).formParam("password", TestData.PASSWORD).post("/login")
                .getCookie("qa-session");
    }
}
