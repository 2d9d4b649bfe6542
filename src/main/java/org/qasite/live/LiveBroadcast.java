package org.qasite.live;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.events.EventLogContext;

import io.quarkus.redis.datasource.stream.StreamMessage;

/**
 * Hands the changes of question pages that the instance's reader found (answers, edits, deletions, comments) to the
 * rooms of their questions on this instance.
 */
@ApplicationScoped
class LiveBroadcast {

    private final Rooms rooms;
    private final RenderedChanges rendered;

    LiveBroadcast(Rooms rooms, RenderedChanges rendered) {
        this.rooms = rooms;
        this.rendered = rendered;
    }

    /**
     * Sends a stream entry of the reader to the room of its question, if that room is open here, and answers whether
     * it did. Throws when the change cannot be rendered now (database down), so that the reader tries the entry again.
     */
    boolean send(StreamMessage<String, String, String> entry) {
        try (EventLogContext logged = EventLogContext.enter(entry.payload())) {
            return sendLogged(entry);
        }
    }

    private boolean sendLogged(StreamMessage<String, String, String> entry) {
        PostEntry change = PostEntry.of(entry);
        if (change == null || !rooms.isOpen(change.questionId())) {
            return false;
        }
        // rendered once for each language read in the room (at most two), and only for those
        Map<Locale, Optional<PostChange>> byLanguage = new HashMap<>();
        boolean sent = false;
        for (Viewer viewer : rooms.viewers(change.questionId())) {
            Optional<PostChange> frames = byLanguage.computeIfAbsent(viewer.locale(),
                    locale -> Optional.ofNullable(rendered.get(change, locale)));
            if (frames.isPresent()) {
                viewer.deliver(frames.get());
                sent = true;
            }
        }
        return sent;
    }

    /**
     * The entry could not be sent however often it was tried (the database is down): the question's readers are
     * disconnected with "try again later", and replay it from their last position when they can.
     */
    void giveUp(StreamMessage<String, String, String> entry) {
        PostEntry change = PostEntry.of(entry);
        if (change != null) {
            rooms.viewers(change.questionId()).forEach(v -> v.close(Viewer.TRY_AGAIN));
        }
    }
}
