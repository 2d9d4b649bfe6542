package org.qasite.live;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
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
    /** One client per local address: the readers of a test from one address share it, as a browser's tabs would. */
    private static final Map<InetAddress, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private final String name;
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile Throwable error;
    private volatile Integer closeCode;

    private LiveViewer(String name, URI uri, String origin) {
        this(name, uri, origin, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    private LiveViewer(String name, URI uri, String origin, HttpClient client) {
        this(name, uri, origin, null, client);
    }

    private LiveViewer(String name, URI uri, String origin, String sessionCookie, HttpClient client) {
        this.name = name;
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (sessionCookie != null) {
            builder.header("Cookie", "qa-session=" + sessionCookie);
        }
        this.socket = builder.buildAsync(uri, new Listener()).orTimeout(30, TimeUnit.SECONDS).join();
    }

    /**
     * Opens the question's room on the site at this address ({@code http://host:port}) as a page of that site would:
     * with the page's {@code Origin}, and from a stream position when one is given (a reconnect).
     */
    static LiveViewer open(String name, String siteUrl, long questionId, String since) {
        return new LiveViewer(name, pageSocket(siteUrl, questionId, since), siteUrl);
    }

    /** As {@link #open(String, String, long, String)}, from the local address {@code from}: a visitor of that address. */
    static LiveViewer open(String name, String siteUrl, long questionId, String since, String from) {
        return new LiveViewer(name, pageSocket(siteUrl, questionId, since), siteUrl, client(from));
    }

    /**
     * A member's page on the site at this address: its {@code /ws/me} socket, with the page's {@code Origin} and the
     * member's session cookie.
     */
    static LiveViewer member(String name, String siteUrl, String sessionCookie) {
        return new LiveViewer(name, URI.create(siteUrl.replaceFirst("^http", "ws") + "/ws/me"), siteUrl, sessionCookie,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** The count of the latest {@code unread} frame of a member's socket, if one arrived. */
    Optional<Integer> unread() {
        List<JsonNode> all = frames();
        for (int i = all.size() - 1; i >= 0; i--) {
            if ("unread".equals(all.get(i).path("type").asText())) {
                return Optional.of(all.get(i).path("count").asInt());
            }
        }
        return Optional.empty();
    }

    /** The {@code notification} frames of a member's socket, oldest first. */
    List<JsonNode> notificationFrames() {
        return frames().stream().filter(f -> "notification".equals(f.path("type").asText())).toList();
    }

    private static URI pageSocket(String siteUrl, long questionId, String since) {
        return URI.create(siteUrl.replaceFirst("^http", "ws") + "/ws/questions/" + questionId
                + (since == null ? "" : "?since=" + since));
    }

    /**
     * Opens the question's room at {@code socketUri} from the local address {@code from} (any 127.x.y.z reaches a site
     * listening on 127.0.0.1), without an {@code Origin}: to the site, a visitor of that address. Throws when the
     * upgrade is refused ({@link #refusedWith}).
     */
    static LiveViewer from(String from, URI socketUri) {
        return from("the viewer from " + from, from, socketUri);
    }

    static LiveViewer from(String name, String from, URI socketUri) {
        return new LiveViewer(name, socketUri, null, client(from));
    }

    private static HttpClient client(String from) {
        InetAddress local;
        try {
            local = InetAddress.getByName(from);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(from, e);
        }
        return CLIENTS.computeIfAbsent(local, address -> HttpClient.newBuilder().localAddress(address)
                .connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** The HTTP status the upgrade was refused with, when that is why opening failed. */
    static Optional<Integer> refusedWith(RuntimeException failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        return cause instanceof WebSocketHandshakeException refused
                ? Optional.of(refused.getResponse().statusCode())
                : Optional.empty();
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

    /** The counts of every presence frame, oldest first. */
    List<Integer> viewerCounts() {
        return frames().stream().filter(f -> "viewers".equals(f.path("type").asText()))
                .map(f -> f.path("count").asInt()).toList();
    }

    /** The newest stream position the server gave (a change's or a {@code position} frame's), as a page keeps it. */
    Optional<String> lastPosition() {
        List<JsonNode> all = frames();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).hasNonNull("position")) {
                return Optional.of(all.get(i).path("position").asText());
            }
        }
        return Optional.empty();
    }

    /** The status code of the server's close frame, once one arrived. */
    Optional<Integer> closeCode() {
        return Optional.ofNullable(closeCode);
    }

    /** The {@code answer} frames about this answer. */
    List<JsonNode> answerFrames(long answerId) {
        return answerFrames("answer", answerId);
    }

    /** The frames of a type ({@code answer-updated}, {@code answer-deleted} …) about this answer. */
    List<JsonNode> answerFrames(String type, long answerId) {
        return frames().stream().filter(f -> type.equals(f.path("type").asText()))
                .filter(f -> f.path("answerId").asLong() == answerId).toList();
    }

    @Override
    public String toString() {
        return name + (closeCode == null ? " " : " (closed with " + closeCode + ") ") + frames;
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
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable failure) {
            error = failure;
        }
    }
}
