package org.qasite.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.qasite.events.Position;
import org.qasite.text.i18n.SiteLocales;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.WebSocketBase;

/**
 * One open question page. Until its replay is done, the changes broadcast to its room (answers, edits, deletions,
 * comments) wait here, so that it gets every change once and in stream order whichever of the replay and the live
 * reader sees it first.
 */
public final class Viewer {

    /** Closes a client that sends too much (RFC 6455: policy violation). */
    static final CloseReason FLOODING = new CloseReason(1008, "Too many messages");
    /** Closes a socket past its address's limit that got past the check before the upgrade (a burst of them). */
    static final CloseReason TOO_MANY_SOCKETS = new CloseReason(1008, "Too many connections from this address");
    /**
     * Redis could not be read for the replay, or the changes cannot be rendered now: the client comes back after its
     * backoff with the same position.
     */
    static final CloseReason TRY_AGAIN = new CloseReason(1013, "Try again later");
    /** The instance stops: the client reconnects, to another instance if there is one, and replays from its position. */
    static final CloseReason GOING_AWAY = new CloseReason(1001, "Server going away");

    private final WebSocketConnection connection;
    private final WebSocketBase socket;
    private final Executor loop;
    private final long questionId;
    private final Long memberId;
    private final String reader;
    private final String address;
    private final Locale locale;
    private final AtomicBoolean released = new AtomicBoolean();
    private final List<PostChange> waiting = new ArrayList<>();
    private boolean ready;
    private Position lastSent;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final MessageFlood flood = new MessageFlood();
    private int lastCount = -1;

    /**
     * {@code reader} is who the page is for, counted once in the room however many pages they have open;
     * {@code address} the opaque key of the address the socket came from, which holds one of its sockets.
     */
    Viewer(WebSocketConnection connection, long questionId, Long memberId, String reader, String address) {
        this(connection, questionId, memberId, reader, address, SiteLocales.ENGLISH, null);
    }

    /**
     * {@code locale}: the language of the fragments the page is sent; {@code loop}: the event loop of the socket
     * (null: not known), where broadcasts hand it its frames ({@link LoopFanout}).
     */
    Viewer(WebSocketConnection connection, long questionId, Long memberId, String reader, String address,
            Locale locale, Executor loop) {
        this.locale = locale;
        this.connection = connection;
        this.socket = connection == null ? null : LiveFrame.socketOf(connection);
        this.loop = loop;
        this.questionId = questionId;
        this.memberId = memberId;
        this.reader = reader;
        this.address = address;
    }

    public long questionId() {
        return questionId;
    }

    /** The member whose page this is, or null for a visitor. */
    public Long memberId() {
        return memberId;
    }

    /** Who reads the page (see {@code views.Readers}): a member by id, a visitor by address. */
    public String reader() {
        return reader;
    }

    /** The language the page is written in, and its changes rendered in. */
    Locale locale() {
        return locale;
    }

    String address() {
        return address;
    }

    /** True the first time only: the socket's place in its address's count is given back once. */
    boolean release() {
        return !released.getAndSet(true);
    }

    public WebSocketConnection connection() {
        return connection;
    }

    /** The event loop the socket lives on, or null when it is not known. */
    Executor loop() {
        return loop;
    }

    /** Sends the change now if the replay is done, else keeps it until it is; never the same position twice. */
    synchronized void deliver(PostChange change) {
        if (!ready) {
            waiting.add(change);
            return;
        }
        sendInOrder(change);
    }

    /**
     * Sends what the replay from {@code since} found (null: no replay), then what the live reader broadcast meanwhile
     * that is newer, and from now on sends at once.
     */
    synchronized void replayed(Position since, List<PostChange> missed) {
        if (since != null && (lastSent == null || since.isAfter(lastSent))) {
            lastSent = since; // the page shows everything up to its position already
        }
        missed.forEach(this::sendInOrder);
        waiting.forEach(this::sendInOrder);
        waiting.clear();
        ready = true;
    }

    private void sendInOrder(PostChange change) {
        if (lastSent != null && !change.position().isAfter(lastSent)) {
            return;
        }
        lastSent = change.position();
        send(change.frameFor(memberId));
    }

    /**
     * Tells an up-to-date viewer that it has every change up to {@code position}, which the reader got to; it replays
     * from there if it reconnects.
     */
    synchronized void sendPosition(Position position, LiveFrame message) {
        if (ready && (lastSent == null || position.isAfter(lastSent))) {
            lastSent = position;
            send(message);
        }
    }

    /** Tells the viewer how many people have the question open, unless that is what it was told last. */
    synchronized void sendCount(int count, LiveFrame message) {
        if (count != lastCount) {
            lastCount = count;
            send(message);
        }
    }

    void send(LiveFrame frame) {
        frame.writeTo(socket, connection);
    }

    /** Counts a message from the client; answers false once it sent more than {@code limit} in {@code windowMillis}. */
    boolean allowMessage(int limit, long windowMillis) {
        return flood.allow(limit, windowMillis);
    }

    void close(CloseReason reason) {
        if (closing.getAndSet(true) || connection.isClosed()) {
            return;
        }
        connection.close(reason).subscribe().with(ignored -> {
        }, failure -> Log.debugf("Live connection %s not closed: %s", connection.id(), failure.getMessage()));
    }
}
