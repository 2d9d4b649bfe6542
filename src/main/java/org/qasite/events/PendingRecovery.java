package org.qasite.events;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.ClaimedMessages;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.quarkus.redis.datasource.stream.XPendingArgs;

/**
 * What a consumer group left pending: entries whose handler failed are retried after a backoff that doubles with each
 * delivery, entries of a consumer that stopped (a dead instance) are taken over with XAUTOCLAIM, and entries that used
 * up their deliveries move, with their last error, to the dead-letter stream.
 */
final class PendingRecovery {

    private static final int DEAD_LETTER_MAX_LENGTH = 10_000;

    private final String group;
    private final String consumer;
    private final EventStream stream;
    private final StreamCommands<String, String, String> streams;
    private final EventsConfig.Consumer config;
    private final EntryHandling handling;
    private final ConsumerMetrics metrics;

    PendingRecovery(String group, String consumer, EventStream stream, EventsConfig.Consumer config,
            EntryHandling handling, ConsumerMetrics metrics) {
        this.group = group;
        this.consumer = consumer;
        this.stream = stream;
        this.streams = stream.redis().stream(String.class, String.class, String.class);
        this.config = config;
        this.handling = handling;
        this.metrics = metrics;
    }

    /**
     * Dead-letters entries that used up their deliveries, retries failed entries whose backoff passed, and takes over
     * what a stopped consumer left pending.
     */
    void recover() {
        List<PendingMessage> waiting = streams.xpending(stream.key(), group, StreamRange.of("-", "+"),
                config.batchSize(), new XPendingArgs().idle(config.retryBackoff()));
        for (PendingMessage p : waiting) {
            Duration idle = p.getDurationSinceLastDelivery();
            boolean mine = consumer.equals(p.getConsumer());
            if (p.getDeliveryCount() >= config.maxDeliveries()) {
                deadLetter(p);
            } else if (mine && idle.compareTo(backoff(p.getDeliveryCount())) >= 0) {
                handling.handleAll(streams.xclaim(stream.key(), group, consumer, backoff(p.getDeliveryCount()),
                        p.getMessageId()));
            }
        }
        String cursor = "0-0";
        for (int round = 0; round < 10; round++) {
            ClaimedMessages<String, String, String> claimed = streams.xautoclaim(stream.key(), group, consumer,
                    config.claimIdle(), cursor, config.batchSize());
            if (!claimed.getMessages().isEmpty()) {
                Log.infof("Consumer group %s took over %d pending entries", group, claimed.getMessages().size());
            }
            handling.handleAll(claimed.getMessages());
            cursor = claimed.getId();
            if ("0-0".equals(cursor)) {
                break;
            }
        }
    }

    /** The wait before delivery number {@code deliveries + 1}: the base backoff doubled per delivery, capped. */
    Duration backoff(int deliveries) {
        long factor = 1L << Math.min(Math.max(deliveries - 1, 0), 20);
        Duration d = config.retryBackoff().multipliedBy(factor);
        return d.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : d;
    }

    private void deadLetter(PendingMessage p) {
        // Claiming first makes one instance the owner, so an entry is never dead-lettered twice.
        List<StreamMessage<String, String, String>> claimed = streams.xclaim(stream.key(), group, consumer,
                config.retryBackoff(), p.getMessageId());
        if (claimed.isEmpty()) {
            return;
        }
        StreamMessage<String, String, String> message = claimed.get(0);
        Map<String, String> fields = new LinkedHashMap<>(message.payload());
        String error = handling.takeLastError(p.getMessageId());
        fields.put("group", group);
        fields.put("source-id", message.id());
        fields.put("deliveries", Integer.toString(p.getDeliveryCount()));
        fields.put("error", error != null ? error
                : "failed " + p.getDeliveryCount() + " deliveries (last error seen by consumer " + p.getConsumer() + ")");
        fields.put("failed-at", Instant.now().toString());
        streams.xadd(stream.deadLetterKey(),
                new XAddArgs().maxlen((long) DEAD_LETTER_MAX_LENGTH).nearlyExactTrimming(), fields);
        streams.xack(stream.key(), group, message.id());
        metrics.deadLettered();
        Log.errorf("Consumer group %s moved entry %s to %s after %d deliveries: %s", group, message.id(),
                stream.deadLetterKey(), p.getDeliveryCount(), fields.get("error"));
    }
}
