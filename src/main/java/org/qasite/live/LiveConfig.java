package org.qasite.live;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Live answers over WebSocket: the stream reader of each instance, replay, presence and the limits on clients. */
@ConfigMapping(prefix = "qa.live")
public interface LiveConfig {

    /** How long one XREAD of the event stream waits for new entries. */
    @WithDefault("2s")
    Duration block();

    /** Entries read per XREAD, and per XRANGE page of a replay. */
    @WithDefault("200")
    int batchSize();

    /**
     * The most stream entries one reconnecting client may make the server read back (a burst within
     * {@link #replayMaxAge()} on a busy site); a client that missed more is told to reload the page, which is cheaper
     * for both.
     */
    @WithDefault("1000")
    int replayMaxEntries();

    /**
     * A {@code since} this much older than the stream's newest entry gets "reload" at once, without reading anything
     * back: a page that is live has a position at most one {@link #positionInterval()} behind the stream, and one that
     * reconnects after a network drop or a restart comes back within the script's longest backoff (30 s). A page that
     * was away longer (a laptop that slept) reloads; so does a made-up {@code since=0-0}.
     */
    @WithDefault("5m")
    Duration replayMaxAge();

    /**
     * Live sockets one address (an IPv6 /64) may hold open on this instance, over all questions: a reader's tabs and a
     * small office behind one address fit, a script opening thousands does not. Past it the upgrade is refused with
     * 429 and the page's script tries again with its backoff.
     */
    @WithDefault("20")
    int maxSocketsPerAddress();

    /**
     * {@code /ws/me} sockets (one per open page of a member) one address may hold on each instance, counted apart from
     * the question pages' sockets: members behind one address (an office) each have their tabs.
     */
    @WithDefault("50")
    int maxMeSocketsPerAddress();

    /**
     * How often viewers are told how far the reader got (when it moved), so that a reconnect replays only what
     * happened since and a page left open for long does not have to reload.
     */
    @WithDefault("30s")
    Duration positionInterval();

    /** Origins allowed besides the site's own address and the address the request was sent to. */
    Optional<List<String>> allowedOrigins();

    /** Messages a client may send within {@link #floodWindow()} before it is disconnected. */
    @WithDefault("20")
    int floodLimit();

    @WithDefault("10s")
    Duration floodWindow();

    Presence presence();

    interface Presence {
        /** The stream on which instances tell each other which readers each question has on them. */
        @WithDefault("qa:live:presence")
        String stream();

        /** Readers are sent at most this often per question: joins and leaves in between are coalesced. */
        @WithDefault("1s")
        Duration interval();

        /** Each instance sends all its rooms at this period, so that others can tell it is alive. */
        @WithDefault("10s")
        Duration heartbeat();

        /** The readers of a room (or an instance) not heard of for this long are dropped (it stopped or crashed). */
        @WithDefault("35s")
        Duration expiry();

        /** The presence stream is trimmed to about this many entries. */
        @WithDefault("10000")
        long maxLength();

        /**
         * A room with more readers than this on one instance is told to the others as a count instead of its readers'
         * keys, so that a message stays small however big the room; the price is that in such a room a reader with
         * pages open on two instances may be counted twice, a small error in a big number.
         */
        @WithDefault("100")
        int maxKeys();

        /**
         * Reader keys per presence entry (about 20 bytes each): the rooms of a heartbeat are split over several entries
         * of about this size, so that no entry grows with the number of rooms.
         */
        @WithDefault("1000")
        int entryKeys();
    }
}
