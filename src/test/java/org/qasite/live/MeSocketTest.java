package org.qasite.live;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.events.StreamConsumer;
import org.qasite.events.StreamConsumers;
import org.qasite.member.Member;
import org.qasite.notification.NotificationHandler;
import org.qasite.question.Question;
import org.qasite.testsupport.ApiPosts;
import org.qasite.testsupport.InboxRows;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code /ws/me}: a member's pages hear of their new notifications and of their unread count, live. */
@QuarkusTest
class MeSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL site;

    @Inject
    TestData data;

    @Inject
    InboxRows rows;

    @Inject
    StreamConsumers consumers;

    @Test
    void theSocketGreetsWithTheUnreadCount() {
        Member me = data.member("me-greet");
        Member ann = data.member("ann");
        Question question = data.question(me, "What does the socket say first?");
        rows.make(me, "mention", question.id, null, null, ann, Instant.now());
        rows.make(me, "mention", question.id, null, null, ann, Instant.now());

        try (Me socket = Me.open(socketUri(), WebSession.loggedIn(me.username).sessionCookie(), origin())) {
            await().atMost(WAIT).until(() -> socket.frames().size() >= 1);
            assertThat(socket.frames().get(0).toString(), equalTo("{\"type\":\"unread\",\"count\":2}"));
        }
    }

    @Test
    void anAnswerToMyQuestionReachesEveryTabWithItsLineAndTheNewCountAndReadingElsewhereBringsItDown() {
        Member me = data.member("me-live");
        Member ann = data.member("ann");
        String title = "Who <em>answers</em> while I read the hot questions?";
        long question = ApiPosts.ask(me, title, "inbox-live");
        String cookie = WebSession.loggedIn(me.username).sessionCookie();

        try (Me tab = Me.open(socketUri(), cookie, origin()); Me other = Me.open(socketUri(), cookie, origin())) {
            for (Me socket : List.of(tab, other)) {
                await().atMost(WAIT).until(() -> socket.lastCount(), c -> c.equals(Optional.of(0L)));
            }

            WebSession.loggedIn(ann.username).postJson("/api/v1/questions/" + question + "/answers",
                    Map.of("body", "An answer from Ann, which the asker hears of at once.")).then().statusCode(201);

            for (Me socket : List.of(tab, other)) {
                await().atMost(WAIT).until(() -> socket.lastCount(), c -> c.equals(Optional.of(1L)));
                JsonNode item = socket.frames().stream().filter(f -> "notification".equals(f.path("type").asText()))
                        .findFirst().orElseThrow();
                long id = item.path("id").asLong();
                assertThat(rows.isUnread(id), equalTo(true));
                var line = Pages.one(Pages.document(item.path("html").asText()), "[data-notification-id=" + id + "]");
                assertThat(line.text(), containsString("Display " + ann.username + " answered your question " + title));
                assertThat("escaped", line.select("em").isEmpty(), equalTo(true));
                assertThat(line.hasClass("unread"), equalTo(true));
                // the notification frame comes before the count it raised
                List<String> types = socket.frames().stream().map(f -> f.path("type").asText()).toList();
                assertThat(types.lastIndexOf("notification") < types.lastIndexOf("unread"), equalTo(true));
            }

            // read in another session (another browser, the API): both tabs fall to 0
            WebSession.loggedIn(me.username).postJson("/api/v1/notifications/read", Map.of()).then().statusCode(200);
            for (Me socket : List.of(tab, other)) {
                await().atMost(WAIT).until(() -> socket.lastCount(), c -> c.equals(Optional.of(0L)));
            }
        }
    }

    @Test
    void answersThatArriveTogetherReachThePageTogether() {
        Member me = data.member("me-batch");
        Member ann = data.member("ann");
        List<Long> questions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            questions.add(ApiPosts.ask(me, "Which of my questions " + i + " does Ann answer at once?", "inbox-batch"));
        }
        String cookie = WebSession.loggedIn(me.username).sessionCookie();

        try (Me tab = Me.open(socketUri(), cookie, origin())) {
            await().atMost(WAIT).until(() -> tab.lastCount(), c -> c.equals(Optional.of(0L)));
            // The group stops reading while Ann answers, then finds the three answers waiting: one batch of entries.
            StreamConsumer group = consumers.get(NotificationHandler.GROUP);
            group.pause();
            List<Long> answers = new ArrayList<>();
            try {
                for (long question : questions) {
                    answers.add(ApiPosts.answer(ann, question, "Ann's answer, one of three she posts together."));
                }
                await("the answers on the stream").atMost(WAIT).until(() -> data.count("SELECT count(*) FROM outbox"
                        + " WHERE type = 'answer.created' AND published_at IS NOT NULL"
                        + " AND CAST(payload ->> 'answerId' AS bigint) IN (?1, ?2, ?3)", answers.toArray()),
                        n -> n == 3);
            } finally {
                group.resume();
            }

            await().atMost(WAIT).until(() -> tab.lastCount(), c -> c.equals(Optional.of(3L)));
            assertThat("a line for each answer", tab.frames().stream()
                    .filter(f -> "notification".equals(f.path("type").asText())).map(f -> f.path("id").asLong())
                    .distinct().count(), equalTo(3L));
            // Fewer live updates than answers: one for the batch (two when other notifications share it, at most 3 an
            // event in the tests), where each answer used to make its own.
            long events = data.count("SELECT count(DISTINCT o.id) FROM outbox o,"
                    + " jsonb_array_elements(o.payload -> 'made') m WHERE o.type = 'notifications.created'"
                    + " AND CAST(m ->> 'memberId' AS bigint) = ?1", me.id);
            assertThat(events < 3, equalTo(true));
        }
    }

    @Test
    void aPageWhoseLoginEndedIsToldNothingMoreAndClosed() {
        Member me = data.member("me-logout");
        Member ann = data.member("ann");
        long question = ApiPosts.ask(me, "What does a tab hear after its member logged out?", "inbox-live");
        WebSession leaving = WebSession.loggedIn(me.username);
        WebSession staying = WebSession.loggedIn(me.username);

        try (Me left = Me.open(socketUri(), leaving.sessionCookie(), origin());
                Me kept = Me.open(socketUri(), staying.sessionCookie(), origin())) {
            for (Me socket : List.of(left, kept)) {
                await().atMost(WAIT).until(() -> socket.lastCount(), c -> c.equals(Optional.of(0L)));
            }
            leaving.postForm("/logout", Map.of()).then().statusCode(303);

            WebSession.loggedIn(ann.username).postJson("/api/v1/questions/" + question + "/answers",
                    Map.of("body", "An answer that only the member's pages still logged in hear of.")).then()
                    .statusCode(201);

            await("the page still logged in told").atMost(WAIT).until(() -> kept.lastCount(),
                    c -> c.equals(Optional.of(1L)));
            await("the logged-out page closed").atMost(WAIT).until(() -> left.closeCode(),
                    c -> c.equals(Optional.of(1008)));
            assertThat("nothing said to the logged-out page", left.frames().stream()
                    .filter(f -> "notification".equals(f.path("type").asText())).toList(), equalTo(List.of()));
            assertThat(left.lastCount(), equalTo(Optional.of(0L)));
        }
    }

    @Test
    void aVisitorIsRefused() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> Me.open(socketUri(), null, origin()));
        assertThat(Me.refusedWith(refused), equalTo(Optional.of(401)));
    }

    @Test
    void anotherSitesPageIsRefused() {
        Member me = data.member("me-origin");
        String cookie = WebSession.loggedIn(me.username).sessionCookie();
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> Me.open(socketUri(), cookie, "https://evil.example"));
        assertThat(Me.refusedWith(refused), equalTo(Optional.of(403)));
    }

    private URI socketUri() {
        return URI.create(origin().replaceFirst("^http", "ws") + "/ws/me");
    }

    private String origin() {
        return site.toString().replaceAll("/$", "");
    }

    /** A page's {@code /ws/me} socket, with the member's session cookie and the page's Origin, keeping every frame. */
    static final class Me implements AutoCloseable {

        private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        private final WebSocket socket;
        private volatile Integer closeCode;

        private Me(URI uri, String sessionCookie, String origin) {
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10)).header("Origin", origin);
            if (sessionCookie != null) {
                builder.header("Cookie", "qa-session=" + sessionCookie);
            }
            this.socket = builder.buildAsync(uri, new WebSocket.Listener() {
                private final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        try {
                            frames.add(JSON.readTree(partial.toString()));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        partial.setLength(0);
                    }
                    webSocket.request(1);
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    closeCode = statusCode;
                    return null;
                }
            }).orTimeout(30, TimeUnit.SECONDS).join();
        }

        static Me open(URI uri, String sessionCookie, String origin) {
            return new Me(uri, sessionCookie, origin);
        }

        static Optional<Integer> refusedWith(RuntimeException failure) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            return cause instanceof WebSocketHandshakeException refused
                    ? Optional.of(refused.getResponse().statusCode())
                    : Optional.empty();
        }

        List<JsonNode> frames() {
            return List.copyOf(frames);
        }

        /** The status of the server's close frame, once one came. */
        Optional<Integer> closeCode() {
            return Optional.ofNullable(closeCode);
        }

        /** The count of the latest unread frame, if one arrived. */
        Optional<Long> lastCount() {
            List<JsonNode> all = frames();
            for (int i = all.size() - 1; i >= 0; i--) {
                if ("unread".equals(all.get(i).path("type").asText())) {
                    return Optional.of(all.get(i).path("count").asLong());
                }
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(10, TimeUnit.SECONDS).join();
            } catch (RuntimeException e) {
                // already closed
            } finally {
                socket.abort();
            }
        }
    }
}
