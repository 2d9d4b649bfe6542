package org.qasite.live;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.HttpClosedException;

/**
 * {@code /ws/me}: a member's own page socket, open on every page they have open; it carries their unread count and
 * their new notifications. The upgrade was checked by {@link MeUpgradeCheck}.
 */
@WebSocket(path = "/ws/me", endpointId = MeEndpoint.ID)
public class MeEndpoint {

    static final String ID = "live-me";

    private final MeHub hub;

    MeEndpoint(MeHub hub) {
        this.hub = hub;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        hub.open(connection);
    }

    /** Clients have nothing to say; whatever they send only counts towards the flood limit. */
    @OnTextMessage
    void message(WebSocketConnection connection, String text) {
        hub.received(connection);
    }

    @OnError
    void error(WebSocketConnection connection, Throwable failure) {
        if (failure instanceof HttpClosedException) {
            Log.debugf("Inbox connection %s dropped by the client", connection.id());
            return;
        }
        boolean tooBig = failure instanceof CorruptedWebSocketFrameException
                || String.valueOf(failure.getMessage()).contains("max message size");
        if (!tooBig) {
            Log.warnf(failure, "Inbox connection %s failed", connection.id());
        }
        hub.fail(connection, tooBig ? LiveEndpoint.TOO_BIG : CloseReason.INTERNAL_SERVER_ERROR);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        hub.closed(connection);
    }
}
