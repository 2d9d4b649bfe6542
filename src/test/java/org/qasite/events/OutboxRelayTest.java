package org.qasite.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;

/** The relay publishes committed outbox rows in order, in batches, and marks each with the id Redis gave it. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    EventStream stream;

    @Inject
    DataSource dataSource;

    @Test
    void rowsArePublishedInOrderAndMarked() throws Exception {
        int count = 450; // more than two batches of the relay
        List<UUID> events = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                events.add(outbox.record(EventType.QUESTION_CREATED,
                        new Payloads.QuestionCreated(-1 - i, -1, List.of("relay-test"))));
            }
        });

        List<String[]> rows = await("every row marked").atMost(Duration.ofSeconds(20)).until(() -> rows(events),
                marked -> marked.stream().allMatch(r -> r[1] != null));

        assertThat(rows.size(), equalTo(count));
        String previous = null;
        for (int i = 0; i < count; i++) {
            String eventId = rows.get(i)[0];
            String streamId = rows.get(i)[1];
            assertThat("event " + i + " is marked", streamId != null, equalTo(true));
            assertThat(eventId, equalTo(events.get(i).toString()));
            if (previous != null) {
                assertThat("stream order follows outbox order", compare(streamId, previous), greaterThan(0));
            }
            previous = streamId;
            List<StreamMessage<String, String, String>> entry = stream.redis()
                    .stream(String.class, String.class, String.class).xrange(stream.key(),
                            StreamRange.of(streamId, streamId));
            assertThat(entry.size(), equalTo(1));
            assertThat(entry.get(0).payload().get(EventStream.FIELD_ID), equalTo(eventId));
            assertThat(entry.get(0).payload().get(EventStream.FIELD_TYPE), equalTo("question.created"));
        }
    }

    /** Event id and stream id of the events' outbox rows, in outbox order. */
    List<String[]> rows(List<UUID> events) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT event_id::text, stream_id FROM outbox WHERE event_id = ANY (?) ORDER BY id")) {
            ps.setArray(1, c.createArrayOf("uuid", events.toArray()));
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] { rs.getString(1), rs.getString(2) });
                }
            }
            return rows;
        }
    }

    /** Compares two stream ids ("milliseconds-sequence"). */
    static int compare(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int c = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return c != 0 ? c : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }
}
