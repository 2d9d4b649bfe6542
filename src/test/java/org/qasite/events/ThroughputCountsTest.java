package org.qasite.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

/** The dashboard's per-minute counts reach Redis once each, with an expiry, and show before they were sent. */
@QuarkusTest
class ThroughputCountsTest {

    @Inject
    EventStream stream;

    @Inject
    ThroughputCounts counts;

    @Inject
    Scheduler scheduler;

    @Test
    void countsAreSentOnceAndShowMeanwhile() {
        String series = "test-" + UUID.randomUUID();
        var values = stream.redis().value(Long.class);
        // Far enough from a minute's turn that both counts fall in this minute.
        await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() % 60_000 < 55_000);
        String key = "qa:throughput:" + series + ":" + System.currentTimeMillis() / 60_000;
        scheduler.pause(ThroughputCounts.JOB);
        try {
            stream.countThroughput(series, 3);
            stream.countThroughput(series, 4);
            stream.countThroughput(series, 0);
            // Not sent yet, and the dashboard reads them.
            assertThat(values.get(key), nullValue());
            assertThat(stream.throughput(series, 1), equalTo(List.of(7L)));
        } finally {
            scheduler.resume(ThroughputCounts.JOB);
        }

        await("the counts sent to Redis").atMost(Duration.ofSeconds(10)).until(() -> values.get(key), equalTo(7L));
        assertThat("the key expires", stream.redis().key().ttl(key), greaterThan(0L));

        // Sending again sends nothing twice, and the dashboard reads what Redis holds.
        counts.flush();
        counts.flush();
        assertThat(values.get(key), equalTo(7L));
        List<Long> after = stream.throughput(series, 3);
        assertThat(after.stream().mapToLong(Long::longValue).sum(), equalTo(7L));
    }

}
