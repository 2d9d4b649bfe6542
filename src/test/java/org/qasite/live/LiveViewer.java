package org.qasite.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A reader with a question open: a WebSocket on the question's room that keeps every frame the server sends. Plain
 * {@code java.net.http}, for tests that run outside the application ({@link LiveClient} needs its container).
 */
final class LiveViewer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile Throwable error;

    private LiveViewer(String name, URI uri) {
        this.name = name;
        this.socket = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new Listener()).orTimeout(30, TimeUnit.SECONDS)
                .join();
    }

    /** Opens the question's room on an instance, without an {@code Origin} header (as a non-browser client). */
    static LiveViewer open(String name, SiteProcess site, long questionId) {
        return new LiveViewer(name, site.webSocket("/ws/questions/" + questionId));
    }

    /** The frames received so far, oldest first. */
    List<JsonNode> frames() {
        if (error != null) {
            throw new AssertionError(name + "'s socket failed", error);
        }
        return List.copyOf(frames);
    }

    /** The count of the latest presence frame, if one arrived. */
    Optional<Integer> viewers() {
        List<JsonNode> all = frames();
        for (int i = all.size() - 1; i >= 0; i--) {
            if ("viewers".equals(all.get(i).path("type").asText())) {
                return Optional.of(all.get(i).path("count").asInt());
            }
        }
        return Optional.empty();
    }

    /** The {@code answer} frames about this answer. */
    List<JsonNode> answerFrames(long answerId) {
        return frames().stream().filter(f -> "answer".equals(f.path("type").asText()))
                .filter(f -> f.path("answerId").asLong() == answerId).toList();
    }

    @Override
    public String toString() {
        return name + " " + frames;
    }

    /** Leaves the page: a normal close, then the connection is dropped whether the server answered or not. */
    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(10, TimeUnit.SECONDS).join();
        } catch (RuntimeException e) {
            // already closed, or the server is gone
        } finally {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    frames.add(JSON.readTree(text));
                } catch (JsonProcessingException e) {
                    error = new AssertionError("a frame that is not JSON: " + text, e);
                }
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable failure) {
            error = failure;
        }
    }
}
