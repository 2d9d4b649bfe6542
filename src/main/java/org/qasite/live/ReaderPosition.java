package org.qasite.live;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.events.EventsDisabled;
import org.qasite.events.Position;

import io.quarkus.scheduler.Scheduled;

/**
 * How far this instance's reader of the event stream got ({@link LiveFeed} moves it on), and telling the viewers: a
 * viewer that reconnects replays from there, not from its page's position, however long ago that was.
 */
@ApplicationScoped
class ReaderPosition {

    private final Rooms rooms;
    private volatile Position lastRead;

    ReaderPosition(Rooms rooms) {
        this.rooms = rooms;
    }

    /**
     * The newest event-stream entry the reader has handled: every change up to it was handed to its room. Null until
     * the reader knows where it starts; connections are refused until then, or they could miss what comes before.
     */
    Position lastRead() {
        return lastRead;
    }

    void read(Position position) {
        lastRead = position;
    }

    /**
     * Tells every viewer that is up to date how far the reader got, so that a reconnect replays from there and not
     * from the page's position, however long ago that was: a page left open for a day must not have to reload.
     */
    @Scheduled(every = "${qa.live.position-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    void tellViewers() {
        Position position = lastRead;
        if (position == null) {
            return;
        }
        LiveFrame message = LiveFrame.of(LiveMessage.position(position));
        rooms.all().forEach(viewers -> LoopFanout.each(viewers, v -> v.sendPosition(position, message), null));
    }
}
