package org.qasite.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.qasite.events.EventStream;
import org.qasite.events.EventsConfig;
import org.qasite.events.Position;
import org.qasite.question.VisitorPages;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * This instance's reader of the event stream (and of the presence stream): plain XREAD BLOCK from its own position,
 * no consumer group, since every instance must see every change of a question page for its own rooms (and every new
 * notification for its own {@code /ws/me} sockets, {@link InboxPush}). An entry that
 * cannot be handled is read again until it can; after too many tries its question's readers are disconnected with "try
 * again later", and replay it from their last position when they come back.
 */
@ApplicationScoped
public class LiveFeed {

    /** Tries of one entry before its readers are told to reload instead (about half a minute with the backoff). */
    static final int MAX_TRIES = 10;

    private final EventsConfig events;
    private final LiveConfig config;
    private final LiveStream stream;
    private final LiveBroadcast broadcast;
    private final ReaderPosition position;
    private final Presence presence;
    private final LiveHub hub;
    private final InboxPush inbox;
    private final VisitorPages visitorPages;
    private volatile boolean running;
    private volatile Thread thread;

    LiveFeed(EventsConfig events, LiveConfig config, LiveStream stream, LiveBroadcast broadcast,
            ReaderPosition position, Presence presence, LiveHub hub, InboxPush inbox, VisitorPages visitorPages) {
        this.events = events;
        this.config = config;
        this.stream = stream;
        this.broadcast = broadcast;
        this.position = position;
        this.presence = presence;
        this.hub = hub;
        this.inbox = inbox;
        this.visitorPages = visitorPages;
    }

    void start(@Observes @Priority(EventStream.START_PRIORITY) StartupEvent event) {
        if (!events.enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("live-feed").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(config.block().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            presence.leaveAll();
            hub.closeAll();
        }
    }

    private void loop() {
        Map<String, String> positions = null;
        int failures = 0;
        String failingEntry = null;
        int tries = 0;
        while (running) {
            try {
                if (positions == null) {
                    positions = new LinkedHashMap<>(stream.startPositions());
                    position.read(Position.parse(positions.get(stream.eventsKey())));
                    stream.recentPresence(config.presence().expiry()).forEach(presence::apply);
                }
                List<StreamMessage<String, String, String>> batch = stream.read(positions);
                // Presence first: a change that cannot be sent yet must not hold up the viewer counts.
                for (StreamMessage<String, String, String> entry : batch) {
                    if (!entry.key().equals(stream.eventsKey())) {
                        presence.apply(entry);
                        positions.put(entry.key(), entry.id());
                    }
                }
                for (StreamMessage<String, String, String> entry : batch) {
                    if (!entry.key().equals(stream.eventsKey())) {
                        continue;
                    }
                    try {
                        handle(entry);
                    } catch (RuntimeException e) {
                        tries = entry.id().equals(failingEntry) ? tries + 1 : 1;
                        failingEntry = entry.id();
                        if (tries < MAX_TRIES) {
                            throw e;
                        }
                        Log.errorf(e, "Live change of entry %s not sent after %d tries; its readers come back later",
                                entry.id(), tries);
                        broadcast.giveUp(entry);
                    }
                    position.read(Position.parse(entry.id()));
                    positions.put(entry.key(), entry.id());
                }
                failures = 0;
            } catch (Throwable e) {
                // The thread lives on whatever happens: without it no change would reach this instance's readers.
                failures++;
                if (failures == 1 || failures % 30 == 0) {
                    Log.warnf("Live feed cannot read the stream (%d tries): %s", failures, e.getMessage());
                }
                sleep(Math.min(5000, 100L << Math.min(failures, 6)));
            }
        }
    }

    private void handle(StreamMessage<String, String, String> entry) {
        // First: a visitor asking for the page from now on gets it without the change only while this entry waits.
        visitorPages.changed(entry.payload().get(EventStream.FIELD_TYPE), entry.payload().get(EventStream.FIELD_PAYLOAD));
        broadcast.send(entry); // timed there (qa_live_fanout), until the last socket of the room was written to
        // After the rooms, and never throwing: an entry tried again for a room would push a notification twice.
        inbox.send(entry);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
