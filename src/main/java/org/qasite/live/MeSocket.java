package org.qasite.live;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/** One open {@code /ws/me} socket: a page of a member, told of their new notifications and unread count. */
final class MeSocket {

    private final WebSocketConnection connection;
    private final long memberId;
    private final UUID sessionId;
    private final String address;
    private final Locale locale;
    private final AtomicBoolean released = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final MessageFlood flood = new MessageFlood();
    private long lastStamp = -1;

    /** {@code sessionId}: the login the page was opened with, which must still be in force for it to be told more. */
    MeSocket(WebSocketConnection connection, long memberId, UUID sessionId, String address, Locale locale) {
        this.locale = locale;
        this.connection = connection;
        this.memberId = memberId;
        this.sessionId = sessionId;
        this.address = address;
    }

    UUID sessionId() {
        return sessionId;
    }

    long memberId() {
        return memberId;
    }

    /** The language of the page, and of the notification lines it is sent. */
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

    /** Sends the unread count read at {@code stamp} ({@link MemberSockets#stamp}), unless a later one was sent. */
    synchronized void sendCount(long stamp, String message) {
        if (stamp < lastStamp) {
            return;
        }
        lastStamp = stamp;
        send(message);
    }

    void send(String json) {
        connection.sendText(json).subscribe().with(ignored -> {
        }, failure -> Log.debugf("Inbox message not sent to %s: %s", connection.id(), failure.getMessage()));
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
        }, failure -> Log.debugf("Inbox connection %s not closed: %s", connection.id(), failure.getMessage()));
    }

    boolean isClosed() {
        return connection.isClosed();
    }
}
