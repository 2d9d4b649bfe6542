package org.qasite.live;

import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qasite.events.EventStream;
import org.qasite.events.EventType;
import org.qasite.events.Payloads;
import org.qasite.events.Position;
import org.qasite.events.StreamEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.StreamMessage;

/**
 * An entry of the event stream that changes what a question page shows: a new, edited, deleted or undeleted answer, an
 * edited, deleted or undeleted question, a new or deleted comment. {@code answerId} is set for the answer events and
 * for a comment on an answer, {@code commentId} for the comment events.
 */
record PostEntry(EventType type, long questionId, Long answerId, Long commentId, Position position) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The event types a question page follows live, by their names on the wire. */
    private static final Map<String, EventType> FOLLOWED = EnumSet
            .of(EventType.ANSWER_CREATED, EventType.ANSWER_EDITED, EventType.ANSWER_DELETED, EventType.ANSWER_UNDELETED,
                    EventType.QUESTION_EDITED, EventType.QUESTION_DELETED, EventType.QUESTION_UNDELETED,
                    EventType.COMMENT_CREATED, EventType.COMMENT_DELETED)
            .stream().collect(Collectors.toUnmodifiableMap(t -> t.wireName, Function.identity()));

    /** The change an entry announces, or null for any other entry (or one that cannot be read). */
    static PostEntry of(StreamMessage<String, String, String> entry) {
        EventType type = FOLLOWED.get(entry.payload().get(EventStream.FIELD_TYPE));
        if (type == null) {
            return null;
        }
        try {
            String payload = StreamEvent.of(entry.id(), entry.payload()).payload();
            Position position = Position.parse(entry.id());
            return switch (type) {
                case ANSWER_CREATED -> {
                    Payloads.AnswerCreated p = JSON.readValue(payload, Payloads.AnswerCreated.class);
                    yield new PostEntry(type, p.questionId(), p.answerId(), null, position);
                }
                case ANSWER_EDITED -> {
                    Payloads.AnswerEdited p = JSON.readValue(payload, Payloads.AnswerEdited.class);
                    yield new PostEntry(type, p.questionId(), p.answerId(), null, position);
                }
                case ANSWER_DELETED, ANSWER_UNDELETED -> {
                    Payloads.AnswerDeleted p = JSON.readValue(payload, Payloads.AnswerDeleted.class);
                    yield new PostEntry(type, p.questionId(), p.answerId(), null, position);
                }
                case QUESTION_EDITED -> {
                    Payloads.QuestionEdited p = JSON.readValue(payload, Payloads.QuestionEdited.class);
                    yield new PostEntry(type, p.questionId(), null, null, position);
                }
                case QUESTION_DELETED, QUESTION_UNDELETED -> {
                    Payloads.QuestionDeleted p = JSON.readValue(payload, Payloads.QuestionDeleted.class);
                    yield new PostEntry(type, p.questionId(), null, null, position);
                }
                case COMMENT_CREATED -> {
                    Payloads.CommentCreated p = JSON.readValue(payload, Payloads.CommentCreated.class);
                    yield new PostEntry(type, p.questionId(), p.answerId(), p.commentId(), position);
                }
                case COMMENT_DELETED -> {
                    Payloads.CommentDeleted p = JSON.readValue(payload, Payloads.CommentDeleted.class);
                    yield new PostEntry(type, p.questionId(), p.answerId(), p.commentId(), position);
                }
                default -> null;
            };
        } catch (IllegalArgumentException | JsonProcessingException e) {
            Log.debugf("Stream entry %s skipped: %s", entry.id(), e.getMessage());
            return null;
        }
    }

    /** The post a comment is on, as the page's hooks name it: {@code answer-{id}} or {@code question-{id}}. */
    String commentedPost() {
        return answerId == null ? "question-" + questionId : "answer-" + answerId;
    }
}
