package org.qasite.live;

import org.qasite.events.EventStream;
import org.qasite.events.EventType;
import org.qasite.events.Payloads;
import org.qasite.events.Position;
import org.qasite.events.StreamEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.StreamMessage;

/** An {@code answer.created} entry of the event stream: the new answer, its question and the entry's position. */
record AnswerEntry(long answerId, long questionId, Position position) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer an entry announces, or null for any other entry (or one that cannot be read). */
    static AnswerEntry of(StreamMessage<String, String, String> entry) {
        if (!EventType.ANSWER_CREATED.wireName.equals(entry.payload().get(EventStream.FIELD_TYPE))) {
            return null;
        }
        try {
            StreamEvent event = StreamEvent.of(entry.id(), entry.payload());
            Payloads.AnswerCreated created = JSON.readValue(event.payload(), Payloads.AnswerCreated.class);
            return new AnswerEntry(created.answerId(), created.questionId(), Position.parse(entry.id()));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            Log.debugf("Stream entry %s skipped: %s", entry.id(), e.getMessage());
            return null;
        }
    }

    /** The message that brings the answer, rendered, to its readers. */
    LiveMessage.Answer message(RenderedAnswer rendered) {
        return LiveMessage.Answer.of(rendered, position);
    }
}
