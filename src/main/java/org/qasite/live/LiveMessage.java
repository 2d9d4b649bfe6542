package org.qasite.live;

import java.util.LinkedHashMap;
import java.util.Map;

import org.qasite.events.Position;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON text frames sent to the browser (see the WebSocket section of the contracts). */
final class LiveMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String RELOAD = json(Map.of("type", "reload"));

    /** What an update is: the page replaces an edited post where it is, and may put an undeleted one back. */
    static final String EDITED = "edited";
    static final String UNDELETED = "undeleted";

    private LiveMessage() {
    }

    /** Every change of the question up to this stream position was sent: where a reconnect replays from. */
    static String position(Position position) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "position");
        m.put("position", position.toString());
        return json(m);
    }

    static String viewers(int count) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "viewers");
        m.put("count", count);
        return json(m);
    }

    /**
     * An answer as the page renders it, and the question's answer count: new, or ({@code change} not null) "edited" or
     * "undeleted".
     */
    static String answer(String change, long answerId, Position position, int answers, String html) {
        Map<String, Object> m = start(change == null ? "answer" : "answer-updated", position);
        m.put("answerId", answerId);
        if (change != null) {
            m.put("change", change);
        }
        m.put("answers", answers);
        m.put("html", html);
        return json(m);
    }

    static String answerDeleted(long answerId, Position position, int answers) {
        Map<String, Object> m = start("answer-deleted", position);
        m.put("answerId", answerId);
        m.put("answers", answers);
        return json(m);
    }

    /** The question {@link #EDITED} or {@link #UNDELETED}, as the page renders it. */
    static String questionUpdated(String change, Position position, String html) {
        Map<String, Object> m = start("question-updated", position);
        m.put("change", change);
        m.put("html", html);
        return json(m);
    }

    static String questionDeleted(Position position) {
        return json(start("question-deleted", position));
    }

    /** A new comment on the post {@code postId} ({@code question-{id}} or {@code answer-{id}}). */
    static String comment(String postId, long commentId, Position position, String html) {
        Map<String, Object> m = start("comment", position);
        m.put("postId", postId);
        m.put("commentId", commentId);
        m.put("html", html);
        return json(m);
    }

    static String commentDeleted(String postId, long commentId, Position position) {
        Map<String, Object> m = start("comment-deleted", position);
        m.put("postId", postId);
        m.put("commentId", commentId);
        return json(m);
    }

    /** The member's unread notifications ({@code /ws/me}). */
    static String unread(long count) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "unread");
        m.put("count", count);
        return json(m);
    }

    /** A new notification of the member, as the inbox shows it ({@code /ws/me}). */
    static String notification(long id, String html) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "notification");
        m.put("id", id);
        m.put("html", html);
        return json(m);
    }

    private static Map<String, Object> start(String type, Position position) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("position", position.toString());
        return m;
    }

    private static String json(Map<String, Object> message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
