package org.qasite.live;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.quarkus.websockets.next.runtime.WebSocketConnectionBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

/**
 * One JSON text frame, encoded to UTF-8 once however many sockets it is written to: each socket is handed a buffer of
 * its own over the same bytes (no copy), so a change sent to 10,000 readers is encoded once, not 10,000 times.
 */
final class LiveFrame {

    /**
     * Vert.x' limit of one frame (its servers split a longer message into several frames); a frame past it goes
     * through the connection's own {@code sendText}, which splits it.
     */
    private static final int MAX_FRAME = HttpServerOptions.DEFAULT_MAX_WEBSOCKET_FRAME_SIZE;
    /** websockets-next keeps its connection's Vert.x socket to itself: read once, here. Null when it cannot be. */
    private static final MethodHandle SOCKET = socketAccessor();

    private final String text;
    private final byte[] utf8;

    private LiveFrame(String text) {
        this.text = text;
        this.utf8 = text.getBytes(StandardCharsets.UTF_8);
    }

    static LiveFrame of(String text) {
        return new LiveFrame(text);
    }

    String text() {
        return text;
    }

    /**
     * Writes the frame to the socket (null: not known) or else through the connection; failures (a socket that just
     * closed) are only logged.
     */
    void writeTo(WebSocketBase socket, WebSocketConnection connection) {
        if (socket != null && utf8.length <= MAX_FRAME) {
            socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(utf8), true))
                    .onFailure(failure -> notSent(connection, failure));
            return;
        }
        connection.sendText(text).subscribe().with(ignored -> {
        }, failure -> notSent(connection, failure));
    }

    private static void notSent(WebSocketConnection connection, Throwable failure) {
        Log.debugf("Live message not sent to %s: %s", connection.id(), failure.getMessage());
    }

    /** The Vert.x socket under a websockets-next connection, or null (then frames go through the connection). */
    static WebSocketBase socketOf(WebSocketConnection connection) {
        if (SOCKET == null || !(connection instanceof WebSocketConnectionBase)) {
            return null;
        }
        try {
            return (WebSocketBase) SOCKET.invoke((WebSocketConnectionBase) connection);
        } catch (Throwable e) {
            return null;
        }
    }

    private static MethodHandle socketAccessor() {
        try {
            var method = WebSocketConnectionBase.class.getDeclaredMethod("webSocket");
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method)
                    .asType(MethodType.methodType(WebSocketBase.class, WebSocketConnectionBase.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.infof("Live frames go through the connections one by one: %s", e.getMessage());
            return null;
        }
    }
}
