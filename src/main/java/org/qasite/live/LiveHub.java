package org.qasite.live;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.qasite.events.Position;
import org.qasite.text.i18n.SiteLocales;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * The live connections: puts viewers in their rooms, replays what they missed, greets them with the viewer count, and
 * closes them with "going away" when the instance stops.
 */
@ApplicationScoped
public class LiveHub {

    private static final UserData.TypedKey<Viewer> VIEWER = new UserData.TypedKey<>("viewer");

    private final LiveConfig config;
    private volatile boolean goingAway;
    private final Rooms rooms;
    private final Presence presence;
    private final LiveStream stream;
    private final RenderedChanges rendered;
    private final ReaderPosition reader;
    private final AddressSockets sockets;

    LiveHub(LiveConfig config, Rooms rooms, Presence presence, LiveStream stream, RenderedChanges rendered,
            ReaderPosition reader, AddressSockets sockets) {
        this.config = config;
        this.sockets = sockets;
        this.rooms = rooms;
        this.presence = presence;
        this.stream = stream;
        this.rendered = rendered;
        this.reader = reader;
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
        if (reader.lastRead() == null) { // the reader does not know yet where it starts: changes could slip through
            connection.close(Viewer.TRY_AGAIN).subscribe().with(x -> {
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
            viewer.close(Viewer.GOING_AWAY);
            return;
        }
        if (replay(viewer, connection.userData().get(LiveUpgradeCheck.SINCE))) {
            presence.greet(viewer);
        }
    }

    /**
     * Sends the viewer what it missed after {@code since} (none: nothing), or "reload" when that cannot be told, and
     * answers whether the viewer is still open: it is closed with "try again later" when Redis could not be read.
     */
    private boolean replay(Viewer viewer, String since) {
        List<PostChange> missed = List.of();
        Position position = null;
        if (since != null && !since.isEmpty()) {
            position = Position.parse(since);
            try {
                LiveStream.Replay replay = position == null ? LiveStream.Replay.GONE : stream.after(position);
                if (replay.incomplete()) {
                    viewer.send(LiveFrame.of(LiveMessage.RELOAD));
                } else {
                    missed = changes(replay.entries(), viewer);
                }
            } catch (RuntimeException e) {
                Log.warnf("Live replay for question %d failed: %s", viewer.questionId(), e.getMessage());
                viewer.close(Viewer.TRY_AGAIN);
                return false;
            }
        }
        viewer.replayed(position, missed);
        return true;
    }

    /** The changes of the viewer's question among the entries, rendered in its language. */
    private List<PostChange> changes(List<StreamMessage<String, String, String>> entries, Viewer viewer) {
        long questionId = viewer.questionId();
        List<PostChange> changes = new ArrayList<>();
        for (StreamMessage<String, String, String> entry : entries) {
            PostEntry change = PostEntry.of(entry);
            if (change != null && change.questionId() == questionId) {
                PostChange frames = rendered.get(change, viewer.locale());
                if (frames != null) {
                    changes.add(frames);
                }
            }
        }
        return changes;
    }

    /**
     * The viewer the upgrade check described; without its description, a reader and an address of its own. Called in
     * the connection's context (on a worker thread), whose event loop is the socket's.
     */
    private static Viewer viewer(WebSocketConnection connection, long questionId) {
        UserData data = connection.userData();
        String address = data.get(LiveUpgradeCheck.ADDRESS);
        String reader = data.get(LiveUpgradeCheck.READER);
        return new Viewer(connection, questionId, data.get(LiveUpgradeCheck.MEMBER),
                reader == null ? "c" + connection.id() : reader, address == null ? "c" + connection.id() : address,
                SiteLocales.from(data.get(LiveUpgradeCheck.LOCALE)),
                Vertx.currentContext() instanceof ContextInternal context ? context.nettyEventLoop() : null);
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
     * Closes every connection with "going away": clients reconnect, to another instance if there is one. Each is told
     * how far the reader got first, so that it comes back with a recent position, not one older than the replay limit.
     */
    void closeAll() {
        reader.tellViewers();
        rooms.all().forEach(viewers -> viewers.forEach(v -> v.close(Viewer.GOING_AWAY)));
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
}
