package org.qasite.live;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.events.EventLogContext;

import io.quarkus.redis.datasource.stream.StreamMessage;

/** Hands the answers the instance's reader found to the rooms of their questions on this instance. */
@ApplicationScoped
class LiveBroadcast {

    private final Rooms rooms;
    private final RenderedAnswers rendered;

    LiveBroadcast(Rooms rooms, RenderedAnswers rendered) {
        this.rooms = rooms;
        this.rendered = rendered;
    }

    /**
     * Sends a stream entry of the reader to the room of its question, if that room is open here, and answers whether
     * it did. Throws when the answer cannot be rendered now (database down), so that the reader tries the entry again.
     */
    boolean send(StreamMessage<String, String, String> entry) {
        try (EventLogContext logged = EventLogContext.enter(entry.payload())) {
            return sendLogged(entry);
        }
    }

    private boolean sendLogged(StreamMessage<String, String, String> entry) {
        AnswerEntry answer = AnswerEntry.of(entry);
        if (answer == null || !rooms.isOpen(answer.questionId())) {
            return false;
        }
        RenderedAnswer html = rendered.get(answer.answerId());
        if (html == null) {
            return false;
        }
        LiveMessage.Answer message = answer.message(html);
        rooms.viewers(answer.questionId()).forEach(v -> v.deliver(message));
        return true;
    }

    /**
     * The entry could not be sent however often it was tried (the database is down): the question's readers are
     * disconnected with "try again later", and replay it from their last position when they can.
     */
    void giveUp(StreamMessage<String, String, String> entry) {
        AnswerEntry answer = AnswerEntry.of(entry);
        if (answer != null) {
            rooms.viewers(answer.questionId()).forEach(v -> v.close(Viewer.TRY_AGAIN));
        }
    }
}
