package org.qasite.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The dashboard's per-minute counts reach Redis once each, with an expiry, and show before they were sent. */
@QuarkusTest
class ThroughputCountsTest {

    @Inject
    EventStream stream;

    @Inject
    ThroughputCounts counts;

    @Test
    void countsAreSentOnceAndShowMeanwhile() {
        String series = "test-" + UUID.randomUUID();
        long minute = System.currentTimeMillis() / 60_000;
        stream.countThroughput(series, 3);
        stream.countThroughput(series, 4);
        stream.countThroughput(series, 0);

        // Whether sent yet or not, the dashboard reads 7 for this minute (or, at a minute's turn, 7 over two minutes).
        List<Long> shown = stream.throughput(series, 2);
        assertThat(shown.get(0) + shown.get(1), equalTo(7L));

        String key = "qa:throughput:" + series + ":" + minute;
        String nextKey = "qa:throughput:" + series + ":" + (minute + 1);
        var values = stream.redis().value(Long.class);
        await("the counts sent to Redis").atMost(Duration.ofSeconds(10))
                .until(() -> orZero(values.get(key)) + orZero(values.get(nextKey)) == 7L);
        String sent = values.get(key) != null ? key : nextKey;
        assertThat("the key expires", stream.redis().key().ttl(sent), greaterThan(0L));

        // Sending again sends nothing twice.
        counts.flush();
        counts.flush();
        assertThat(orZero(values.get(key)) + orZero(values.get(nextKey)), equalTo(7L));
        List<Long> after = stream.throughput(series, 3);
        assertThat(after.stream().mapToLong(Long::longValue).sum(), equalTo(7L));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
