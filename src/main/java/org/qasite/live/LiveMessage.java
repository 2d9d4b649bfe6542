package org.qasite.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

import org.qasite.events.Position;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON text frames sent to the browser (see the WebSocket section of the contracts). */
final class LiveMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String RELOAD = json(Map.of("type", "reload"));

    private LiveMessage() {
    }

    /** Every answer up to this stream position was sent: where a reconnect replays from. */
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
     * A new answer at a stream position, its fragment rendered for each kind of reader: the question's author sees an
     * accept button, the answer's author cannot vote on it, everyone else gets the same frame.
     */
    record Answer(long answerId, long questionId, Position position, String forOthers, long questionAuthorId,
            String forQuestionAuthor, long answerAuthorId, String forAnswerAuthor) {

        static Answer of(RenderedAnswer rendered, Position position) {
            LongFunction<String> frame = perspective -> frame(rendered, position, rendered.html(perspective));
            return new Answer(rendered.answerId(), rendered.questionId(), position, frame.apply(RenderedAnswer.OTHERS),
                    rendered.questionAuthorId(), frame.apply(rendered.questionAuthorId()), rendered.answerAuthorId(),
                    frame.apply(rendered.answerAuthorId()));
        }

        String jsonFor(Long memberId) {
            if (memberId == null) {
                return forOthers;
            }
            if (memberId == answerAuthorId) {
                return forAnswerAuthor;
            }
            return memberId == questionAuthorId ? forQuestionAuthor : forOthers;
        }
    }

    private static String frame(RenderedAnswer rendered, Position position, String html) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "answer");
        m.put("answerId", rendered.answerId());
        m.put("position", position.toString());
        m.put("answers", rendered.answerCount());
        m.put("html", html);
        return json(m);
    }

    private static String json(Map<String, Object> message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
