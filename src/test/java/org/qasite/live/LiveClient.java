package org.qasite.live;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;

/** A reader's socket to a question, as the page's script opens it, keeping every frame it received. */
final class LiveClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    volatile CloseReason closedWith;
    private final WebSocketClientConnection connection;

    private LiveClient(BasicWebSocketConnector connector) {
        this.connection = connector.onTextMessage((c, text) -> {
            try {
                received.add(JSON.readTree(text));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).onClose((c, reason) -> closedWith = reason).connectAndAwait();
    }

    static BasicWebSocketConnector connector(URI base, long questionId, String since) {
        // Callbacks on the event loop, one after the other: on worker threads, frames could be recorded out of order.
        return BasicWebSocketConnector.create().executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .baseUri(base).path("/ws/questions/" + questionId + (since == null ? "" : "?since=" + since));
    }

    static LiveClient open(URI base, long questionId, String since) {
        return new LiveClient(connector(base, questionId, since));
    }

    static LiveClient open(BasicWebSocketConnector connector) {
        return new LiveClient(connector);
    }

    /** Waits for the greeting (the viewer count), which comes once the replay was sent. */
    LiveClient ready() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !viewerCounts().isEmpty());
        return this;
    }

    List<JsonNode> answers() {
        return received.stream().filter(m -> "answer".equals(m.path("type").asText())).toList();
    }

    /** The frames of one type, in the order they came. */
    List<JsonNode> frames(String type) {
        return received.stream().filter(m -> type.equals(m.path("type").asText())).toList();
    }

    /** The frames that carry a change of the page (those with a stream position), in the order they came. */
    List<JsonNode> changes() {
        return received.stream().filter(m -> m.has("position") && !"position".equals(m.path("type").asText()))
                .toList();
    }

    List<Long> answerIds() {
        return answers().stream().map(m -> m.path("answerId").asLong()).toList();
    }

    List<Integer> viewerCounts() {
        return received.stream().filter(m -> "viewers".equals(m.path("type").asText()))
                .map(m -> m.path("count").asInt()).toList();
    }

    boolean gotReload() {
        return received.stream().anyMatch(m -> "reload".equals(m.path("type").asText()));
    }

    void send(String text) {
        connection.sendTextAndAwait(text);
    }

    boolean isClosed() {
        return connection.isClosed();
    }

    @Override
    public void close() {
        if (!connection.isClosed()) {
            connection.closeAndAwait();
        }
    }
}
