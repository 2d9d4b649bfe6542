package org.qasite.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.events.EventStream;
import org.qasite.events.Position;
import org.qasite.events.StreamInfo;

import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.quarkus.redis.datasource.stream.XReadArgs;

/** What the live feature reads from and writes to Redis: the event stream's positions and entries, and presence. */
@ApplicationScoped
class LiveStream {

    /** What a replay from a position found: the entries after it, or that some of them are gone. */
    public record Replay(List<StreamMessage<String, String, String>> entries, boolean incomplete) {
        static final Replay GONE = new Replay(List.of(), true);
    }

    private final LiveConfig config;
    private final EventStream events;
    private final StreamCommands<String, String, String> streams;

    LiveStream(LiveConfig config, EventStream events) {
        this.config = config;
        this.events = events;
        this.streams = events.redis().stream(String.class, String.class, String.class);
    }

    public String eventsKey() {
        return events.key();
    }

    public String presenceKey() {
        return config.presence().stream();
    }

    /**
     * The entries of the event stream after {@code since}, in order, when they are all still there and not too many to
     * read back. They are not when the stream was trimmed past {@code since} or lost (Redis restarted without its data);
     * too many when {@code since} is older than the replay's age limit (known from XINFO alone, before reading
     * anything) or when more than the configured maximum turn up while reading.
     */
    public Replay after(Position since) {
        StreamState state = state(events.key());
        if (state.tooOld(since, config.replayMaxAge()) || state.deletedAfter(since) || state.lost(since)) {
            return Replay.GONE;
        }
        List<StreamMessage<String, String, String>> entries = new ArrayList<>();
        String from = "(" + since;
        while (true) {
            List<StreamMessage<String, String, String>> page = streams.xrange(events.key(), StreamRange.of(from, "+"),
                    config.batchSize());
            entries.addAll(page);
            if (entries.size() > config.replayMaxEntries()) {
                return Replay.GONE;
            }
            if (page.size() < config.batchSize()) {
                return new Replay(entries, false);
            }
            from = "(" + page.get(page.size() - 1).id();
        }
    }

    /** Waits up to the configured block time for entries after the given positions, one map entry per stream. */
    public List<StreamMessage<String, String, String>> read(Map<String, String> positions) {
        return streams.xread(positions, new XReadArgs().count(config.batchSize()).block(config.block()));
    }

    /** The presence entries of the last {@code window}, oldest first. */
    public List<StreamMessage<String, String, String>> recentPresence(Duration window) {
        long from = Math.max(0, System.currentTimeMillis() - window.toMillis());
        return streams.xrange(presenceKey(), StreamRange.of(from + "-0", "+"), 10_000);
    }

    public void publishPresence(Map<String, String> fields) {
        streams.xadd(presenceKey(), new XAddArgs().maxlen(config.presence().maxLength()).nearlyExactTrimming(),
                new LinkedHashMap<>(fields));
    }

    /** Newest ids of the event and presence streams, where this instance's reader starts. */
    public Map<String, String> startPositions() {
        Map<String, String> positions = new LinkedHashMap<>();
        positions.put(events.key(), events.lastPosition(events.key(), Duration.ofSeconds(10)).toString());
        positions.put(presenceKey(), events.lastPosition(presenceKey(), Duration.ofSeconds(10)).toString());
        return positions;
    }

    /**
     * From XINFO STREAM: the first entry's id, the last id ever added and the largest id ever deleted (Redis 7), or that
     * the stream is missing.
     */
    record StreamState(boolean exists, Position first, Position last, Position maxDeleted) {

        /**
         * Entries came after {@code since}, and it is older than the stream's newest by more than {@code maxAge}: so
         * much happened since that reading it back costs more than a reload. Entry ids carry the time they were added.
         */
        boolean tooOld(Position since, Duration maxAge) {
            return last != null && last.isAfter(since) && last.millis() - since.millis() > maxAge.toMillis();
        }

        /** An entry after {@code since} was deleted (XDEL; Redis 7 keeps the largest id deleted). */
        boolean deletedAfter(Position since) {
            return maxDeleted != null && maxDeleted.isAfter(since);
        }

        /**
         * The stream no longer holds the position: it was trimmed past it (MAXLEN trimming does not show in
         * {@code max-deleted-entry-id}), or Redis lost its data and the stream started again. Entries after the position
         * may be gone. (When the trimming stopped right at the position, nothing is missing, but that cannot be told
         * apart: one reload too many.)
         */
        boolean lost(Position since) {
            if (since.equals(Position.ZERO)) {
                return false;
            }
            return !exists || (first != null && first.isAfter(since));
        }
    }

    StreamState state(String key) {
        StreamInfo.Stream info = StreamInfo.stream(events.redis(), key);
        return new StreamState(info.exists(), Position.parse(info.firstEntryId()), Position.parse(info.lastGeneratedId()),
                Position.parse(info.maxDeletedEntryId()));
    }
}
