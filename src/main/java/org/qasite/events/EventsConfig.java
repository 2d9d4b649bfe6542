package org.qasite.events;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The event stream, its relay from the outbox and its consumers. */
@ConfigMapping(prefix = "qa.events")
public interface EventsConfig {

    /** Whether this process publishes and consumes events; commands such as fill-db switch it off. */
    @WithDefault("true")
    boolean enabled();

    /** The stream every event is published on. */
    @WithDefault("qa:events")
    String stream();

    /** Where entries go that failed too many times, with their error. */
    @WithDefault("qa:events:dlq")
    String deadLetterStream();

    /** The stream is trimmed to about this many entries (approximate MAXLEN, cheap for Redis). */
    @WithDefault("100000")
    long maxLength();

    /**
     * The longest a page waits for Redis to learn the stream position it embeds (read before its data, so that the
     * page's script can ask for what came after); without it, the script connects without one.
     */
    @WithDefault("250ms")
    Duration positionTimeout();

    /** This instance's name as a consumer in every group; defaults to host name and process id. */
    Optional<String> instanceId();

    /**
     * Consumer groups no handler reads any more, removed from the stream at start so that they do not show an
     * ever-growing lag: {@code mail}, whose mail about answers and comments the notifications group now queues.
     */
    @WithDefault("mail")
    List<String> retiredGroups();

    /** How often the per-minute throughput counts gathered by this instance are added to Redis. */
    @WithDefault("1s")
    String throughputInterval();

    Relay relay();

    Consumer consumer();

    interface Relay {
        /** Outbox rows published per database transaction. */
        @WithDefault("200")
        int batchSize();

        /** How often unpublished rows are looked for, in case a publication after commit did not happen. */
        @WithDefault("5s")
        String sweepInterval();

        /** How long published rows stay in the outbox. */
        @WithDefault("P7D")
        Duration retention();

        /** How often published rows older than the retention are deleted. */
        @WithDefault("1h")
        String cleanupInterval();
    }

    interface Consumer {
        /** Entries read per XREADGROUP. */
        @WithDefault("50")
        int batchSize();

        /** How long one XREADGROUP waits for new entries. */
        @WithDefault("2s")
        Duration block();

        /** Entries pending this long on any consumer (one that died) are taken over with XAUTOCLAIM. */
        @WithDefault("60s")
        Duration claimIdle();

        /** Wait before the first retry of an entry whose handler failed; doubles with each delivery. */
        @WithDefault("5s")
        Duration retryBackoff();

        /**
         * The longest wait between two retries. Keep it at most {@link #claimIdle()}: XAUTOCLAIM takes over any entry
         * idle that long, this consumer's own failed entries included.
         */
        @WithDefault("60s")
        Duration maxBackoff();

        /** After this many deliveries without success an entry moves to the dead-letter stream. */
        @WithDefault("5")
        int maxDeliveries();

        /**
         * A consumer name (a stopped instance) idle this long with nothing pending is removed from its group. Redis 7.0
         * counts a consumer's idle time from the last entry it received, so on a quiet site a running instance may be
         * removed too; it is added again by its next read, and nothing pending is lost.
         */
        @WithDefault("24h")
        Duration forgetIdle();

        /** How often pending entries are looked at (retries, take-overs, dead letters) and metrics refreshed. */
        @WithDefault("5s")
        Duration recoverInterval();
    }
}
