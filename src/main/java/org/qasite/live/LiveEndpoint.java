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
 * {@code /ws/questions/{id}?since=position}: the changes of one question page (new answers, edits, deletions,
 * comments), and how many people have it open. The upgrade was checked by {@link LiveUpgradeCheck}; on open, the
 * changes after {@code since} are replayed first.
 */
@WebSocket(path = "/ws/questions/{id}", endpointId = LiveEndpoint.ID)
public class LiveEndpoint {

    static final String ID = "live-question";
    static final CloseReason TOO_BIG = new CloseReason(1009, "Message too big");

    private final LiveHub hub;

    LiveEndpoint(LiveHub hub) {
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

    /**
     * A message over the size limit (one big frame, or many small ones) closes with 1009; a client that simply went
     * away is not an error; anything else closes with 1011.
     */
    @OnError
    void error(WebSocketConnection connection, Throwable failure) {
        if (failure instanceof HttpClosedException) { // the other end went away without a close frame: nothing to do
            Log.debugf("Live connection %s dropped by the client", connection.id());
            return;
        }
        boolean tooBig = failure instanceof CorruptedWebSocketFrameException
                || String.valueOf(failure.getMessage()).contains("max message size");
        if (!tooBig) {
            Log.warnf(failure, "Live connection %s failed", connection.id());
        }
        hub.fail(connection, tooBig ? TOO_BIG : CloseReason.INTERNAL_SERVER_ERROR);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        hub.closed(connection);
    }
}
