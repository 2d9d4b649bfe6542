package org.qasite.live;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.qasite.testsupport.Pages.hasElement;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qasite.events.EventStream;
import org.qasite.events.Position;
import org.qasite.events.StreamConsumers;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.AnswerInput;
import org.qasite.question.AnswerService;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;
import org.qasite.views.Readers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class LiveTest {

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
    EventStream events;

    @Inject
    LiveConfig config;

    @Inject
    AddressSockets sockets;

    @Inject
    Readers readers;

    @Inject
    StreamConsumers consumers;

    @Inject
    @RedisClientName("streams")
    RedisDataSource streams;

    @Inject
    MeterRegistry registry;

    private final List<LiveClient> clients = new ArrayList<>();
    private final List<LiveViewer> visitors = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(LiveClient::close);
        visitors.forEach(LiveViewer::close);
    }

    private LiveClient viewer(long questionId, String since) {
        LiveClient client = LiveClient.open(base, questionId, since);
        clients.add(client);
        return client.ready();
    }

    /** A member's page: a socket with their session cookie. */
    private LiveClient memberViewer(long questionId, String sessionCookie) {
        LiveClient client = LiveClient
                .open(LiveClient.connector(base, questionId, null).addHeader("Cookie", "qa-session=" + sessionCookie));
        clients.add(client);
        return client.ready();
    }

    /**
     * A visitor's page from another address: every test client comes from 127.0.0.1 unless it binds another loopback
     * address, as this one does.
     */
    private LiveViewer visitorFrom(String address, long questionId) {
        LiveViewer viewer = LiveViewer.from(address, socketUri(questionId));
        visitors.add(viewer);
        await().atMost(Duration.ofSeconds(10)).until(() -> viewer.viewers().isPresent());
        return viewer;
    }

    private URI socketUri(long questionId) {
        return URI.create("ws://127.0.0.1:" + base.getPort() + "/ws/questions/" + questionId);
    }

    private static int latest(List<Integer> counts) {
        return counts.isEmpty() ? -1 : counts.get(counts.size() - 1);
    }

    private Answer answer(Question question, String body) {
        Member author = data.member("live-answerer");
        return answers.answer(author.id, question.id, new AnswerInput(body));
    }

    /** The stream position the question page embeds for its script. */
    private static String pagePosition(WebSession session, long questionId, String query) {
        Document page = Pages.document(session.get(session.questionPath(questionId) + query).then().statusCode(200).extract()
                .response());
        return Pages.one(page, "[data-live-position]").attr("data-live-position");
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
        assertThat(message.path("html").asText(), hasElement("[data-answer-id=" + posted.id + "]"));
        assertThat("member text arrives escaped, as the page shows it", message.path("html").asText(),
                hasElement("[data-answer-id=" + posted.id + "] .post-body", containsString("<b>at once</b>")));
        assertThat(message.path("answers").asInt(), equalTo(1));
        assertThat(message.path("position").asText(), not(equalTo("")));
        // Once both viewers of A have it, the reader has handled the entry: B's viewer would have it by now, or soon.
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> other.answers().isEmpty());
        assertThat(first.answerIds(), contains(posted.id));
    }

    @Test
    void theSiteTimesTheMarkupOfAnAnswerAndItsWritesToTheRoom() {
        Question question = data.question(data.member("asker"), "How long does a live answer take here?");
        Timer rendered = registry.get("qa.live.rendered").timer();
        Timer fanOut = registry.get("qa.live.fanout").timer();
        long renderedBefore = rendered.count();
        long fanOutBefore = fanOut.count();
        double renderedMsBefore = rendered.totalTime(TimeUnit.MILLISECONDS);
        double fanOutMsBefore = fanOut.totalTime(TimeUnit.MILLISECONDS);
        LiveClient page = viewer(question.id, null);

        Answer posted = answer(question, "Timed from the stream to the last socket.");

        await().atMost(Duration.ofSeconds(10)).until(() -> page.answerIds().contains(posted.id));
        // Each change sent to a room is timed once to its markup, then once to its last write (on an event loop).
        await().atMost(Duration.ofSeconds(5)).until(() -> fanOut.count() > fanOutBefore
                && rendered.count() - renderedBefore == fanOut.count() - fanOutBefore);
        assertThat("the markup is ready before the last socket was written to",
                rendered.totalTime(TimeUnit.MILLISECONDS) - renderedMsBefore,
                lessThanOrEqualTo(fanOut.totalTime(TimeUnit.MILLISECONDS) - fanOutMsBefore));
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
        assertThat(events.lastPosition(key, Duration.ofSeconds(5)).toString(), equalTo(id));
        assertThat(events.lastPosition("qa:test:never-written", Duration.ofSeconds(5)), equalTo(Position.ZERO));
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
        // The answer's entry; others may follow it (the notification it made for the asker), and move the reader on too.
        Position moved = Position.parse(await().atMost(Duration.ofSeconds(10))
                .until(() -> entryWith("\"answerId\": " + elsewhere.id), id -> !id.equals("0-0")));
        await().atMost(Duration.ofSeconds(10)).until(() -> client.received.stream()
                .anyMatch(m -> "position".equals(m.path("type").asText())
                        && !moved.isAfter(Position.parse(m.path("position").asText()))));
        assertThat("the other question's answer itself is not sent", client.answers(), empty());
    }

    @Test
    void aMalformedPositionGetsReload() {
        Question question = data.question(data.member("asker"), "What is a position anyway?");
        LiveClient client = viewer(question.id, "not-a-position");
        assertThat(client.gotReload(), equalTo(true));
    }

    @Test
    void aPositionOlderThanTheReplayLimitGetsReloadAtOnceWithoutReadingTheStreamBack() {
        Question question = data.question(data.member("asker"), "What if I come back after a long sleep?");
        Answer answered = answer(question, "An answer that a replay from long ago would have to find.");
        String newest = await().atMost(Duration.ofSeconds(10))
                .until(() -> entryWith("\"answerId\": " + answered.id), id -> !id.equals("0-0"));
        Position tooOld = new Position(
                Position.parse(newest).millis() - config.replayMaxAge().toMillis() - 60_000, 0);
        long xrangesBefore = xrangeCalls();

        for (String since : List.of("0-0", tooOld.toString())) {
            LiveClient client = viewer(question.id, since);
            assertThat(since, client.gotReload(), equalTo(true));
            assertThat(since, client.answers(), empty());
        }
        assertThat("no entry was read back to find out", xrangeCalls(), equalTo(xrangesBefore));

        // A position within the limit still replays.
        Position recent = new Position(Position.parse(newest).millis() - 1, 0);
        LiveClient client = viewer(question.id, recent.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> client.answerIds().contains(answered.id));
        assertThat(client.gotReload(), equalTo(false));
    }

    /** XRANGE calls the streams' Redis served so far: only a replay reads the event stream with XRANGE. */
    private long xrangeCalls() {
        String stats = streams.execute("INFO", "commandstats").toString();
        Matcher m = Pattern.compile("cmdstat_xrange:calls=(\\d+)").matcher(stats);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    void aServerSideCloseLosesNothingWhenTheClientComesBackWithItsLastPosition() {
        Question question = data.question(data.member("asker"), "Does a dropped connection lose answers?");
        LiveClient client = viewer(question.id, pagePosition(WebSession.visitor(), question.id, ""));
        Answer first = answer(question, "Seen live, before the connection drops.");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.answerIds().contains(first.id));
        String last = client.answers().get(0).path("position").asText();

        rooms.viewers(question.id).forEach(v -> v.close(Viewer.GOING_AWAY));
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
        LiveViewer first = visitorFrom("127.0.0.2", question.id);
        assertThat(first.viewerCounts(), contains(1));
        assertThat("the greeting brings the count, without a word from the client", first.frames().stream().limit(2)
                .anyMatch(f -> "viewers".equals(f.path("type").asText())), is(true));
        LiveViewer second = visitorFrom("127.0.0.3", question.id);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.viewerCounts().contains(2));
        assertThat(second.viewerCounts().get(0), equalTo(2));

        int before = first.viewerCounts().size();
        List<CompletableFuture<LiveViewer>> joining = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String address = "127.0.0." + (4 + i); // ten more people, each from their own address
            joining.add(CompletableFuture.supplyAsync(() -> LiveViewer.from(address, socketUri(question.id))));
        }
        joining.forEach(j -> visitors.add(j.join()));
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(first.viewerCounts()) == 12);
        assertThat("ten joins in a burst make a few messages, not ten", first.viewerCounts().size() - before,
                lessThanOrEqualTo(5));

        second.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(first.viewerCounts()) == 11);
        // A page opened now is greeted with the eleven, and its reader from 127.0.0.1.
        assertThat(viewer(question.id, null).viewerCounts(), contains(12));
    }

    @Test
    void everyPageOfABusyRoomGetsEachAnswerOnceAndInStreamOrder() {
        Question question = data.question(data.member("asker"), "Does every open page hear every answer?");
        List<LiveClient> pages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pages.add(viewer(question.id, null));
        }
        for (Viewer page : rooms.viewers(question.id)) {
            assertThat("written to from the event loop it lives on", page.loop(), notNullValue());
            assertThat("written the frame's shared bytes", LiveFrame.socketOf(page.connection()), notNullValue());
        }
        List<Long> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(answer(question, "Answer number " + i + " of a quick series.").id);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> pages.stream().allMatch(p -> p.answerIds().size() >= 5));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> pages.stream().allMatch(p -> p.answerIds().size() == 5)); // and nothing twice
        for (LiveClient page : pages) {
            assertThat(page.answerIds(), equalTo(posted));
            List<Position> positions = page.answers().stream().map(m -> Position.parse(m.path("position").asText()))
                    .toList();
            for (int i = 1; i < positions.size(); i++) {
                assertThat(positions.get(i).isAfter(positions.get(i - 1)), is(true));
            }
        }
    }

    @Test
    void theCountIsRightAfterABurstOfJoinsAndABurstOfLeaves() {
        Question question = data.question(data.member("asker"), "How many are left after the rush?");
        LiveViewer first = visitorFrom("127.0.1.2", question.id);
        List<CompletableFuture<LiveViewer>> joining = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String address = "127.0.1." + (3 + i);
            joining.add(CompletableFuture.supplyAsync(() -> LiveViewer.from(address, socketUri(question.id))));
        }
        List<LiveViewer> crowd = joining.stream().map(CompletableFuture::join).toList();
        visitors.addAll(crowd);
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(first.viewerCounts()) == 11);

        List<CompletableFuture<Void>> leaving = crowd.subList(0, 7).stream()
                .map(v -> CompletableFuture.runAsync(v::close)).toList();
        leaving.forEach(CompletableFuture::join);
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(first.viewerCounts()) == 4);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(4))
                .until(() -> latest(first.viewerCounts()) == 4);
        for (LiveViewer stayed : crowd.subList(7, 10)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> latest(stayed.viewerCounts()) == 4);
        }
        assertThat(viewer(question.id, null).viewerCounts(), contains(5));
    }

    @Test
    void aReaderIsOneViewerHoweverManyPagesTheyHaveOpen() {
        Question question = data.question(data.member("asker"), "Who is reading this, and how many times?");
        String alice = sessionCookie(data.member("tabs"));
        String bob = sessionCookie(data.member("other-reader"));
        String carol = sessionCookie(data.member("late-reader"));
        List<LiveClient> alicesTabs = List.of(memberViewer(question.id, alice), memberViewer(question.id, alice),
                memberViewer(question.id, alice));
        assertThat("one member with three tabs", alicesTabs.get(2).viewerCounts(), contains(1));
        assertThat(rooms.viewers(question.id).size(), equalTo(3));

        LiveClient bobsTab = memberViewer(question.id, bob);
        assertThat("two members", bobsTab.viewerCounts(), contains(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(alicesTabs.get(0).viewerCounts()) == 2);

        // Visitors of one address are one reader, whatever their sockets and browsers (all from 127.0.0.1 here).
        List<LiveClient> sameAddress = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sameAddress.add(viewer(question.id, null));
        }
        assertThat(sameAddress.get(3).viewerCounts(), contains(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(bobsTab.viewerCounts()) == 3);

        // A new page's greeting counts its reader once too: a reader who has it open already is not one more.
        assertGreetedWith(memberViewer(question.id, alice), 3);
        assertGreetedWith(viewer(question.id, null), 3); // a visitor from 127.0.0.1
        assertGreetedWith(memberViewer(question.id, carol), 4); // a member who has not opened it yet
        await().atMost(Duration.ofSeconds(10)).until(() -> rooms.viewers(question.id).size() == 8);

        // Alice closes two of her tabs: she still reads it. Her last one closes: she does not.
        alicesTabs.get(0).close();
        alicesTabs.get(1).close();
        await().atMost(Duration.ofSeconds(10)).until(() -> rooms.viewers(question.id).size() == 6);
        assertThat(visitorFrom("127.0.0.20", question.id).viewerCounts(), contains(4));
        alicesTabs.get(2).close();
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(bobsTab.viewerCounts()) == 3);
    }

    @Test
    void theReadersOfOtherInstancesAreCountedOnceEach() throws Exception {
        Question question = data.question(data.member("asker"), "Who reads this on the other instances?");
        Member alice = data.member("two-instances");
        String aliceCookie = sessionCookie(alice);
        LiveClient here = memberViewer(question.id, aliceCookie);
        assertThat(here.viewerCounts(), contains(1));

        // This instance tells the others who its readers are, not only how many.
        String aliceKey = readers.member(alice.id);
        await().atMost(Duration.ofSeconds(10)).until(() -> said(consumers.instanceId(), question.id),
                readers -> readers.isArray() && readers.toString().equals("[\"" + aliceKey + "\"]"));

        // Another instance has Alice too (another tab) and a visitor: two readers, not three.
        String visitor = readers.visitor("198.51.100.7");
        say("elsewhere", "{\"" + question.id + "\":[\"" + aliceKey + "\",\"" + visitor + "\"]}");
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(here.viewerCounts()) == 2);
        assertGreetedWith(memberViewer(question.id, aliceCookie), 2);
        assertGreetedWith(viewer(question.id, null), 3); // one more: a visitor from 127.0.0.1
        await().atMost(Duration.ofSeconds(10)).until(() -> rooms.viewers(question.id).size() == 1);

        // A room too big to list comes as a number: it adds up, since its readers cannot be told apart.
        say("elsewhere", "{\"" + question.id + "\":[\"" + aliceKey + "\",\"" + visitor + "\"]}"); // its heartbeat
        say("crowded", "{\"" + question.id + "\":150}");
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(here.viewerCounts()) == 152);
        // The visitor leaves the other instance; the crowded one stops.
        say("elsewhere", "{\"" + question.id + "\":[\"" + aliceKey + "\"]}");
        streams.stream(String.class, String.class, String.class).xadd(config.presence().stream(),
                Map.of("instance", "crowded", "gone", "1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(here.viewerCounts()) == 1);

        // An instance that goes silent (it crashed) loses its readers after the expiry.
        say("silent", "{\"" + question.id + "\":[\"" + readers.visitor("198.51.100.8") + "\"]}");
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(here.viewerCounts()) == 2);
        await().atMost(config.presence().expiry().plusSeconds(10)).until(() -> latest(here.viewerCounts()) == 1);
    }

    @Test
    void aBigRoomIsToldAsANumberAndAHeartbeatOfManyRoomsIsSplit() {
        // Rooms of their own, away from this instance's: only what would be sent is looked at.
        Rooms someRooms = new Rooms(new SimpleMeterRegistry());
        Presence presence = new Presence(config, someRooms, liveStream, consumers);
        int maxKeys = config.presence().maxKeys();
        int entryKeys = config.presence().entryKeys();
        for (int i = 0; i < maxKeys; i++) {
            someRooms.join(new Viewer(null, 1, null, "a" + i, "x"));
            someRooms.join(new Viewer(null, 1, null, "a" + i, "x")); // a second tab: no second key
        }
        Map<Long, Object> listed = presence.entries(List.of(1L, 999L)).get(0);
        assertThat(((Set<?>) listed.get(1L)).size(), equalTo(maxKeys));
        assertThat("a room closed here is told as empty", listed.get(999L), equalTo(Set.of()));
        someRooms.join(new Viewer(null, 1, null, "a" + maxKeys, "x"));
        assertThat(presence.entries(List.of(1L)), contains(Map.of(1L, maxKeys + 1)));

        List<Long> many = new ArrayList<>();
        for (long question = 2; question < 32; question++) {
            many.add(question);
            for (int i = 0; i < maxKeys; i++) {
                someRooms.join(new Viewer(null, question, null, "a" + i, "x"));
            }
        }
        List<Map<Long, Object>> entries = presence.entries(many);
        assertThat(entries.size(), equalTo(30 * maxKeys / entryKeys));
        List<Long> told = new ArrayList<>();
        for (Map<Long, Object> entry : entries) {
            told.addAll(entry.keySet());
            int keys = entry.values().stream().mapToInt(readers -> ((Set<?>) readers).size()).sum();
            assertThat(keys, lessThanOrEqualTo(entryKeys));
        }
        assertThat("every room once", told, equalTo(many));
        assertThat("a heartbeat without rooms still says the instance is alive", presence.entries(List.of()),
                contains(Map.of()));
    }

    /** A page's socket was greeted with this count (itself included), and the page is left again. */
    private static void assertGreetedWith(LiveClient page, int count) {
        assertThat(page.viewerCounts(), contains(count));
        page.close();
    }

    /** An entry on the presence stream as another instance writes it. */
    private void say(String instance, String rooms) {
        streams.stream(String.class, String.class, String.class).xadd(config.presence().stream(),
                Map.of("instance", instance, "rooms", rooms));
    }

    /** What the instance said last about the question's readers on the presence stream (missing: nothing). */
    private JsonNode said(String instance, long questionId) throws Exception {
        var entries = streams.stream(String.class, String.class, String.class).xrevrange(config.presence().stream(),
                StreamRange.of("+", "-"), 200);
        for (var entry : entries) {
            if (instance.equals(entry.payload().get("instance")) && entry.payload().get("rooms") != null) {
                JsonNode rooms = new ObjectMapper().readTree(entry.payload().get("rooms"));
                if (rooms.has(Long.toString(questionId))) {
                    return rooms.get(Long.toString(questionId));
                }
            }
        }
        return MissingNode.getInstance();
    }

    @Test
    void anAddressHasAtMostTheConfiguredSocketsOpenHere() {
        Question question = data.question(data.member("asker"), "How many sockets may one address hold?");
        Question other = data.question(data.member("asker"), "Does the limit span questions?");
        // An address of its own: the other tests' sockets (from 127.0.0.1) neither count towards it nor meet it.
        String crowded = "127.0.0.40";
        String key = readers.visitor(crowded);
        int limit = config.maxSocketsPerAddress();
        List<LiveViewer> open = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            open.add(visitorFrom(crowded, i % 2 == 0 ? question.id : other.id));
        }
        assertThat(sockets.open(key), equalTo(limit));
        assertThat("all of them one reader", latest(open.get(limit - 2).viewerCounts()), equalTo(1));

        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> visitors.add(LiveViewer.from(crowded, socketUri(question.id))));
        assertThat(String.valueOf(refused), LiveViewer.refusedWith(refused), is(Optional.of(429)));
        assertThat("the refused socket got no room", rooms.viewers(question.id).size(), equalTo((limit + 1) / 2));
        assertThat(sockets.open(key), equalTo(limit));

        // Another address is not held back, and a socket that closes makes room for one more.
        assertThat(visitorFrom("127.0.0.41", question.id).viewerCounts(), contains(2));
        open.get(0).close();
        await().atMost(Duration.ofSeconds(10)).until(() -> sockets.open(key) == limit - 1);
        visitorFrom(crowded, question.id);
        assertThat(sockets.open(key), equalTo(limit));
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
    void aDeletedQuestionOpensOnlyForItsAuthor() {
        Member asker = data.member("deleted-asker");
        Question question = data.question(asker, "Who may still follow a deleted question live?");
        data.execute("update question set deleted_at = now() where id = ?1", question.id);

        RuntimeException visitor = assertThrows(RuntimeException.class, () -> LiveClient.open(base, question.id, null));
        assertThat(String.valueOf(visitor.getMessage()), containsString("404"));
        String otherCookie = WebSession.loggedIn(data.member("deleted-other").username).sessionCookie();
        RuntimeException other = assertThrows(RuntimeException.class, () -> LiveClient.open(LiveClient
                .connector(base, question.id, null).addHeader("Cookie", "qa-session=" + otherCookie)));
        assertThat(String.valueOf(other.getMessage()), containsString("404"));
        assertThat(rooms.isOpen(question.id), equalTo(false));

        memberViewer(question.id, WebSession.loggedIn(asker.username).sessionCookie());
        assertThat(rooms.readers(question.id), equalTo(1));
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
        assertThat(forAuthor, hasElement("[data-accept-form]"));
        assertThat(forVisitor, not(hasElement("[data-accept-form]")));
        assertThat(forPoster, hasElement("button[data-vote][disabled][title='You cannot vote on your own post']"));
        assertThat(forVisitor, not(hasElement("[title='You cannot vote on your own post']")));
        assertThat("no request, no CSRF token in a pushed fragment", forAuthor, not(containsString("csrf-token")));
    }

    @Test
    void thePageTellsItsScriptWhereToStartAndWhetherToInsert() {
        Question question = data.question(data.member("asker"), "Where does the page start listening?");
        WebSession reader = WebSession.visitor();
        await().atMost(Duration.ofSeconds(10)).until(() -> pagePosition(reader, question.id, "").equals(newestEntry()));
        reader.get(question.path()).then().statusCode(200)
                .body(hasElement("[data-live='/ws/questions/" + question.id + "']"), hasElement("[data-live-mode=insert]"),
                        hasElement("#answers-empty"),
                        // the count is left to the socket's greeting
                        hasElement("[data-viewers-line][hidden] [data-viewers][title='People who have this question open now']",
                                equalTo("")));
        for (int i = 0; i < 11; i++) {
            data.answer(data.member("answerer"), question, "Answer number " + i + " of many.");
        }
        reader.get(question.path() + "?page=2").then().statusCode(200)
                .body(hasElement("[data-live-mode=alert]"));
        reader.get(question.path() + "?sort=votes").then().statusCode(200)
                .body(hasElement("[data-live-mode=alert]"));
        reader.get(question.path()).then().statusCode(200).body(hasElement("[data-live-mode=insert]"));
    }

    /**
     * The newest of the recent entries whose payload holds {@code text}, or "0-0": entries of other kinds may come after
     * it (the notifications it made).
     */
    private String entryWith(String text) {
        return streams.stream(String.class, String.class, String.class)
                .xrevrange("qa:events", StreamRange.of("+", "-"), 50).stream()
                .filter(e -> String.valueOf(e.payload().get("payload")).contains(text)).map(e -> e.id()).findFirst()
                .orElse("0-0");
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
