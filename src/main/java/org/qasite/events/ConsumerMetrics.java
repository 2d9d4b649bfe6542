package org.qasite.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;

/**
 * A consumer group's meters: entries processed, failed and dead-lettered and the handler's time, counted as they
 * happen; the group's lag and pending count, read from Redis at each {@link #refresh}.
 */
final class ConsumerMetrics {

    private final String group;
    private final Counter processed;
    private final Counter failed;
    private final Counter deadLettered;
    private final Timer handlerTime;
    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicLong pending = new AtomicLong(-1);

    ConsumerMetrics(String group, MeterRegistry registry) {
        this.group = group;
        this.processed = Counter.builder("qa.stream.processed").tag("group", group)
                .description("Entries handled and acked").register(registry);
        this.failed = Counter.builder("qa.stream.failed").tag("group", group)
                .description("Handler failures (each is retried or dead-lettered)").register(registry);
        this.deadLettered = Counter.builder("qa.stream.dead.lettered").tag("group", group)
                .description("Entries moved to the dead-letter stream").register(registry);
        this.handlerTime = Timer.builder("qa.stream.handler").tag("group", group)
                .description("Time spent in the handler per entry").register(registry);
        Gauge.builder("qa.stream.lag", lag, AtomicLong::get).tag("group", group)
                .description("Entries of the stream not yet delivered to the group").register(registry);
        Gauge.builder("qa.stream.pending", pending, AtomicLong::get).tag("group", group)
                .description("Entries delivered to the group and not acked").register(registry);
    }

    void processed(int entries) {
        processed.increment(entries);
    }

    void failed() {
        failed.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void handlerTime(long nanos) {
        handlerTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    long processedCount() {
        return (long) processed.count();
    }

    long deadLetteredCount() {
        return (long) deadLettered.count();
    }

    /** Reads the group's lag and pending count; when Redis does not tell, the last values stay. */
    void refresh(EventStream stream) {
        try {
            for (StreamInfo.Group g : StreamInfo.groups(stream.redis(), stream.key())) {
                if (g.name().equals(group)) {
                    lag.set(g.lag());
                    pending.set(g.pending());
                }
            }
        } catch (RuntimeException e) {
            Log.debugf("Stream metrics not refreshed: %s", e.getMessage());
        }
    }
}
