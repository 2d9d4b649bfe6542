package org.qasite.live;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.qasite.events.EventLogContext;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.redis.datasource.stream.StreamMessage;

/**
 * Hands the changes of question pages that the instance's reader found (answers, edits, deletions, comments) to the
 * rooms of their questions on this instance.
 */
@Singleton // made with LiveFeed at start, so that qa_live_fanout is in the metrics before the first change
class LiveBroadcast {

    private final Rooms rooms;
    private final RenderedChanges rendered;
    private final Timer fanOut;
    private final Timer renderedIn;

    LiveBroadcast(Rooms rooms, RenderedChanges rendered, MeterRegistry registry) {
        this.rooms = rooms;
        this.rendered = rendered;
        this.fanOut = Timer.builder("qa.live.fanout")
                .description("From a change's entry in the stream until its frame was written to every connection of"
                        + " its room here")
                .publishPercentileHistogram().register(registry);
        this.renderedIn = Timer.builder("qa.live.rendered")
                .description("From a change's entry in the stream until its frames for the room here were rendered,"
                        + " before the first was written (qa_live_fanout goes on until the last)")
                .register(registry);
    }

    /**
     * Sends a stream entry of the reader to the room of its question, if that room is open here, and answers whether
     * it did. Throws when the change cannot be rendered now (database down), so that the reader tries the entry again;
     * nothing is sent then.
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
        Collection<Viewer> viewers = List.copyOf(rooms.viewers(change.questionId()));
        // rendered once for each language read in the room (at most two), and only for those, before any is sent
        Map<Locale, Optional<PostChange>> byLanguage = new HashMap<>();
        for (Viewer viewer : viewers) {
            byLanguage.computeIfAbsent(viewer.locale(), locale -> Optional.ofNullable(rendered.get(change, locale)));
        }
        if (byLanguage.values().stream().noneMatch(Optional::isPresent)) {
            return false;
        }
        long since = change.position().millis();
        renderedIn.record(elapsedSince(since)); // the frames are ready: the writes begin
        // Encoded once; each event loop writes it to all of its sockets in one go. Timed until the last loop is done.
        LoopFanout.each(viewers, viewer -> byLanguage.get(viewer.locale()).ifPresent(viewer::deliver),
                () -> fanOut.record(elapsedSince(since)));
        return true;
    }

    /** The time since the entry's XADD (the milliseconds of its id, on Redis' clock); never negative. */
    private static Duration elapsedSince(long entryMillis) {
        return Duration.ofMillis(Math.max(0, System.currentTimeMillis() - entryMillis));
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
