package org.qasite.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DeadLetterTest {

    @Inject
    EventStream stream;

    @Inject
    PoisonHandler poison;

    @Inject
    EventsConfig config;

    @Inject
    StreamConsumers consumers;

    @Test
    void aPoisonEventEndsInTheDeadLetterStreamAfterMaxDeliveries() {
        StreamCommands<String, String, String> streams = stream.redis().stream(String.class, String.class, String.class);
        int before = poison.attempts();
        UUID eventId = UUID.randomUUID();
        String entryId = stream.publish(Map.of("id", eventId.toString(), "type", PoisonHandler.POISON, "v", "1",
                "payload", "{}"));

        StreamMessage<String, String, String> letter = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetterOf(streams, entryId), java.util.Objects::nonNull);

        int maxDeliveries = config.consumer().maxDeliveries();
        assertThat("the handler ran once per delivery", poison.attempts() - before, equalTo(maxDeliveries));
        assertThat(letter.payload().get("group"), equalTo(PoisonHandler.GROUP));
        assertThat(letter.payload().get("id"), equalTo(eventId.toString()));
        assertThat(letter.payload().get("type"), equalTo(PoisonHandler.POISON));
        assertThat(letter.payload().get("deliveries"), equalTo(Integer.toString(maxDeliveries)));
        assertThat(letter.payload().get("error"), containsString("poisoned on purpose"));
        // The main pending list of the group is empty: the entry was acked when it moved.
        assertThat(streams.xpending(stream.key(), PoisonHandler.GROUP, StreamRange.of("-", "+"), 100), hasSize(0));
        // Other groups were not held up by it.
        assertThat(streams.xpending(stream.key(), "notifications", StreamRange.of(entryId, entryId), 10), hasSize(0));
    }

    @Test
    void aStoppedInstancesConsumerNameIsForgottenOnceIdle() {
        stream.redis().execute("XGROUP", "CREATECONSUMER", stream.key(), "notifications", "stopped-instance");
        assertThat(consumerNames("notifications"), hasItem("stopped-instance"));
        await().atMost(Duration.ofSeconds(30)).until(() -> consumerNames("notifications"),
                names -> !names.contains("stopped-instance"));
        assertThat("this instance stays", consumerNames("notifications"), hasItem(consumers.instanceId()));
    }

    private List<String> consumerNames(String group) {
        return StreamInfo.consumers(stream.redis(), stream.key(), group).stream().map(StreamInfo.Consumer::name).toList();
    }

    private StreamMessage<String, String, String> deadLetterOf(StreamCommands<String, String, String> streams,
            String entryId) {
        List<StreamMessage<String, String, String>> letters = streams.xrange(stream.deadLetterKey(),
                StreamRange.of("-", "+"));
        return letters.stream().filter(m -> entryId.equals(m.payload().get("source-id"))).findFirst().orElse(null);
    }
}
