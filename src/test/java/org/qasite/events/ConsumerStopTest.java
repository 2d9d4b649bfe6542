package org.qasite.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a stopping instance does with a consumer group (SIGTERM): it stops reading, finishes the entry in hand and acks
 * it, so that no entry is left pending for another instance to take over after a minute, and none is handled twice.
 */
@QuarkusTest
class ConsumerStopTest {

    private static final String GROUP = "test-stop";
    private static final String TYPE = "test.stop";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EventStream stream;

    @Inject
    EventsConfig config;

    @Inject
    MeterRegistry registry;

    @Test
    void aStoppingConsumerFinishesAndAcksTheEntryInHandAndReadsNoMore() throws Exception {
        StreamCommands<String, String, String> streams = stream.redis().stream(String.class, String.class, String.class);
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<UUID> handled = new CopyOnWriteArrayList<>();
        EventHandler slow = new EventHandler() {
            @Override
            public String group() {
                return GROUP;
            }

            @Override
            public void handle(StreamEvent event) throws InterruptedException {
                if (TYPE.equals(event.type())) {
                    inHandler.countDown();
                    release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    handled.add(event.eventId());
                }
            }
        };
        StreamConsumer consumer = new StreamConsumer(slow, "stopping-instance", stream, config.consumer(), registry);
        consumer.start(true);
        await("the group exists").atMost(WAIT).until(() -> StreamInfo.groups(stream.redis(), stream.key()).stream()
                .anyMatch(g -> g.name().equals(GROUP)));

        UUID first = UUID.randomUUID();
        publish(first);
        assertThat("the handler got the entry", inHandler.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), is(true));

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> consumer.stop(WAIT));
        // The stop waits for the handler...
        assertThat(stopped.isDone(), is(false));
        release.countDown();
        stopped.get(WAIT.toMillis() + 5_000, TimeUnit.MILLISECONDS);

        // ...which finished, and its entry was acked: nothing is left for another instance to take over.
        assertThat(handled, contains(first));
        assertThat(streams.xpending(stream.key(), GROUP, StreamRange.of("-", "+"), 10), empty());

        // The stopped consumer reads no more: an entry published now is still there for the next reader of the group.
        UUID second = UUID.randomUUID();
        String secondId = publish(second);
        List<StreamMessage<String, String, String>> next = streams.xreadgroup(GROUP, "next-instance", stream.key(), ">",
                new XReadGroupArgs().count(10));
        assertThat(next, hasSize(1));
        assertThat(next.get(0).id(), equalTo(secondId));
        assertThat(handled, hasSize(1));
        streams.xack(stream.key(), GROUP, secondId);
        stream.redis().execute("XGROUP", "DESTROY", stream.key(), GROUP);
    }

    private String publish(UUID eventId) {
        return stream.publish(Map.of("id", eventId.toString(), "type", TYPE, "v", "1", "payload", "{}"));
    }
}
