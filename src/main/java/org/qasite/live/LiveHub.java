package org.qasite.live;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.qasite.events.EventLogContext;
import org.qasite.events.EventStream;
import org.qasite.events.EventType;
import org.qasite.events.EventsDisabled;
import org.qasite.events.Payloads;
import org.qasite.events.Position;
import org.qasite.events.StreamEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;

/** Connects viewers to their rooms, replays what they missed, and hands them the answers the reader found. */
@ApplicationScoped
public class LiveHub {

    private static final UserData.TypedKey<Viewer> VIEWER = new UserData.TypedKey<>("viewer");
    /** Redis could not be read for the replay: the client comes back after its backoff with the same position. */
    static final CloseReason TRY_AGAIN = new CloseReason(1013, "Try again later");
    static final CloseReason GOING_AWAY = new CloseReason(1001, "Server going away");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECENT_ANSWERS = 256;
    private static final long RECENT_ANSWERS_TTL_MILLIS = 30_000;

    private final LiveConfig config;
    private volatile boolean goingAway;
    private final Rooms rooms;
    private final Presence presence;
    private final LiveStream stream;
    private final LiveAnswers answers;
    private final LiveFeed feed;
    private final AddressSockets sockets;
    /** Answers rendered lately, so that a burst of reconnects replaying the same answers renders each once. */
    private final Map<Long, Recent> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Recent> eldest) {
            return size() > RECENT_ANSWERS;
        }
    };

    private record Recent(RenderedAnswer answer, long renderedAt) {
    }

    LiveHub(LiveConfig config, Rooms rooms, Presence presence, LiveStream stream, LiveAnswers answers, LiveFeed feed,
            AddressSockets sockets) {
        this.config = config;
        this.sockets = sockets;
        this.rooms = rooms;
        this.presence = presence;
        this.stream = stream;
        this.answers = answers;
        this.feed = feed;
    }

    /** Runs on a worker thread (it reads Redis and the database). */
    void open(WebSocketConnection connection) {
        Long questionId = connection.userData().get(LiveUpgradeCheck.QUESTION);
        if (questionId == null) { // the upgrade check did not run: cannot happen while it applies to this endpoint
            connection.close(CloseReason.INTERNAL_SERVER_ERROR).subscribe().with(x -> {
            }, e -> {
            });
            return;
        }
        if (feed.lastRead() == null) { // the reader does not know yet where it starts: answers could slip through
            connection.close(TRY_AGAIN).subscribe().with(x -> {
            }, e -> {
            });
            return;
        }
        Viewer viewer = viewer(connection, questionId);
        if (!sockets.take(viewer.address())) { // a burst got past the check before the upgrade
            sockets.refused();
            Log.debugf("Live connection %s closed: address %s has %d sockets open here", connection.id(),
                    viewer.address(), sockets.limit());
            viewer.close(Viewer.TOO_MANY_SOCKETS);
            return;
        }
        connection.userData().put(VIEWER, viewer);
        // Joins before replaying: whatever the reader broadcasts from now on waits in the viewer until the replay is
        // done, and whatever came before is in the stream for the replay to find.
        if (rooms.join(viewer)) {
            presence.changed(questionId);
        }
        if (connection.isClosed()) { // closed while joining: its close callback may have run before the join
            closed(connection);
            return;
        }
        if (goingAway) { // after the join: either this sees the flag or goAway() sees the viewer in its room
            viewer.close(GOING_AWAY);
            return;
        }
        String since = queryParam(connection.handshakeRequest().query(), "since");
        List<LiveMessage.Answer> missed = List.of();
        Position position = null;
        if (since != null && !since.isEmpty()) {
            position = Position.parse(since);
            try {
                LiveStream.Replay replay = position == null ? LiveStream.Replay.GONE : stream.after(position);
                if (replay.incomplete()) {
                    viewer.send(LiveMessage.RELOAD);
                } else {
                    missed = render(replay.entries(), questionId);
                }
            } catch (RuntimeException e) {
                Log.warnf("Live replay for question %d failed: %s", questionId, e.getMessage());
                viewer.close(TRY_AGAIN);
                return;
            }
        }
        viewer.replayed(position, missed);
        presence.greet(viewer);
    }

    /** The viewer the upgrade check described; without its description, a reader and an address of its own. */
    private static Viewer viewer(WebSocketConnection connection, long questionId) {
        UserData data = connection.userData();
        String address = data.get(LiveUpgradeCheck.ADDRESS);
        String reader = data.get(LiveUpgradeCheck.READER);
        return new Viewer(connection, questionId, data.get(LiveUpgradeCheck.MEMBER),
                reader == null ? "c" + connection.id() : reader, address == null ? "c" + connection.id() : address);
    }

    void received(WebSocketConnection connection) {
        Viewer viewer = connection.userData().get(VIEWER);
        if (viewer != null && !viewer.allowMessage(config.floodLimit(), config.floodWindow().toMillis())) {
            Log.infof("Live connection %s closed: more than %d messages in %s", connection.id(), config.floodLimit(),
                    config.floodWindow());
            viewer.close(Viewer.FLOODING);
        }
    }

    void fail(WebSocketConnection connection, CloseReason reason) {
        Viewer viewer = connection.userData().get(VIEWER);
        if (viewer != null) {
            viewer.close(reason);
        } else if (!connection.isClosed()) {
            connection.close(reason).subscribe().with(x -> {
            }, e -> Log.debugf("Live connection %s not closed: %s", connection.id(), e.getMessage()));
        }
    }

    void closed(WebSocketConnection connection) {
        Viewer viewer = connection.userData().get(VIEWER);
        if (viewer != null) {
            if (rooms.leave(viewer)) {
                presence.changed(viewer.questionId());
            }
            if (viewer.release()) {
                sockets.release(viewer.address());
            }
        }
    }

    /**
     * Sends a stream entry of the reader to the room of its question, if that room is open here, and answers whether
     * it did. Throws when the answer cannot be rendered now (database down), so that the reader tries the entry again.
     */
    boolean broadcast(StreamMessage<String, String, String> entry) {
        try (EventLogContext logged = EventLogContext.enter(entry.payload())) {
            return broadcastLogged(entry);
        }
    }

    private boolean broadcastLogged(StreamMessage<String, String, String> entry) {
        Payloads.AnswerCreated created = answerCreated(entry);
        if (created == null || !rooms.isOpen(created.questionId())) {
            return false;
        }
        RenderedAnswer rendered = rendered(created.answerId());
        if (rendered == null) {
            return false;
        }
        LiveMessage.Answer message = LiveMessage.Answer.of(rendered, Position.parse(entry.id()));
        rooms.viewers(created.questionId()).forEach(v -> v.deliver(message));
        return true;
    }

    /**
     * The entry could not be sent however often it was tried (the database is down): the question's readers are
     * disconnected with "try again later", and replay it from their last position when they can.
     */
    void giveUp(StreamMessage<String, String, String> entry) {
        Payloads.AnswerCreated created = answerCreated(entry);
        if (created != null) {
            rooms.viewers(created.questionId()).forEach(v -> v.close(TRY_AGAIN));
        }
    }

    /**
     * Tells every viewer that is up to date how far the reader got, so that a reconnect replays from there and not
     * from the page's position, however long ago that was: a page left open for a day must not have to reload.
     */
    @Scheduled(every = "${qa.live.position-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    void sendPositions() {
        Position position = feed.lastRead();
        if (position == null) {
            return;
        }
        String message = LiveMessage.position(position);
        rooms.all().forEach(viewers -> viewers.forEach(v -> v.sendPosition(position, message)));
    }

    /**
     * Closes every connection with "going away": clients reconnect, to another instance if there is one. Each is told
     * how far the reader got first, so that it comes back with a recent position, not one older than the replay limit.
     */
    void closeAll() {
        sendPositions();
        rooms.all().forEach(viewers -> viewers.forEach(v -> v.close(GOING_AWAY)));
    }

    /**
     * The instance is about to stop (SIGTERM): its readers are told "going away" now, in the first step of the
     * shutdown, so they reconnect to another instance and replay from their position while this one still drains its
     * requests; no new socket is taken from then on.
     */
    void goAway(@Observes ShutdownDelayInitiatedEvent event) {
        goingAway = true;
        closeAll();
    }

    /** True once the instance is stopping: new sockets are refused, so the load balancer sends them elsewhere. */
    boolean isGoingAway() {
        return goingAway;
    }

    private List<LiveMessage.Answer> render(List<StreamMessage<String, String, String>> entries, long questionId) {
        List<LiveMessage.Answer> messages = new ArrayList<>();
        for (StreamMessage<String, String, String> entry : entries) {
            Payloads.AnswerCreated created = answerCreated(entry);
            if (created != null && created.questionId() == questionId) {
                RenderedAnswer rendered = rendered(created.answerId());
                if (rendered != null) {
                    messages.add(LiveMessage.Answer.of(rendered, Position.parse(entry.id())));
                }
            }
        }
        return messages;
    }

    private RenderedAnswer rendered(long answerId) {
        long now = System.currentTimeMillis();
        synchronized (recent) {
            Recent hit = recent.get(answerId);
            if (hit != null && now - hit.renderedAt() < RECENT_ANSWERS_TTL_MILLIS) {
                return hit.answer();
            }
        }
        RenderedAnswer rendered = answers.render(answerId);
        if (rendered != null) {
            synchronized (recent) {
                recent.put(answerId, new Recent(rendered, now));
            }
        }
        return rendered;
    }

    /** The payload of an {@code answer.created} entry, or null for any other entry (or one that cannot be read). */
    static Payloads.AnswerCreated answerCreated(StreamMessage<String, String, String> entry) {
        if (!EventType.ANSWER_CREATED.wireName.equals(entry.payload().get(EventStream.FIELD_TYPE))) {
            return null;
        }
        try {
            StreamEvent event = StreamEvent.of(entry.id(), entry.payload());
            return JSON.readValue(event.payload(), Payloads.AnswerCreated.class);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            Log.debugf("Stream entry %s skipped: %s", entry.id(), e.getMessage());
            return null;
        }
    }

    static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
