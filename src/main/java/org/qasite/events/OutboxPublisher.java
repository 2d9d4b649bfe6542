package org.qasite.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One relay transaction: under the relay's advisory lock, the oldest unpublished outbox rows go to the stream in one
 * round trip and are marked with the ids Redis gave them.
 */
final class OutboxPublisher {

    /** Advisory lock key of the relay ("outbox" in ASCII). */
    private static final long LOCK_KEY = 0x6f7574626f78L;

    private final EventsConfig config;
    private final EventStream stream;
    private final DataSource dataSource;
    private final Counter published;

    OutboxPublisher(EventsConfig config, EventStream stream, DataSource dataSource, MeterRegistry registry) {
        this.config = config;
        this.stream = stream;
        this.dataSource = dataSource;
        this.published = Counter.builder("qa.outbox.published").description("Events published from the outbox")
                .register(registry);
    }

    /** One transaction: the oldest unpublished rows, to the stream, marked. -1 when another instance holds the lock. */
    int publishBatch() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK_KEY);
                    try (ResultSet rs = lock.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            c.rollback();
                            return -1;
                        }
                    }
                }
                List<Long> ids = new ArrayList<>();
                List<Map<String, String>> entries = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT id, event_id, type, version, payload::text FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ?")) {
                    select.setInt(1, config.relay().batchSize());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            Map<String, String> fields = new LinkedHashMap<>();
                            fields.put(EventStream.FIELD_ID, rs.getString(2));
                            fields.put(EventStream.FIELD_TYPE, rs.getString(3));
                            fields.put(EventStream.FIELD_VERSION, Integer.toString(rs.getInt(4)));
                            fields.put(EventStream.FIELD_PAYLOAD, rs.getString(5));
                            ids.add(rs.getLong(1));
                            entries.add(fields);
                        }
                    }
                }
                // One round trip for the batch. Every row that reached Redis is marked, even when another failed, so it
                // is not published twice. (Should Redis refuse one entry and take later ones, which XADD hardly does,
                // the refused one follows in a later batch, after them.)
                EventStream.Published result = stream.publishAll(entries);
                List<Long> markedIds = new ArrayList<>(ids.size());
                List<String> streamIds = new ArrayList<>(ids.size());
                for (int i = 0; i < ids.size(); i++) {
                    if (result.ids().get(i) != null) {
                        markedIds.add(ids.get(i));
                        streamIds.add(result.ids().get(i));
                    }
                }
                int marked = markedIds.size();
                if (marked > 0) {
                    // One statement for the batch (not one UPDATE per row): the server plans and runs it once.
                    try (PreparedStatement mark = c.prepareStatement("""
                            UPDATE outbox o SET published_at = now(), stream_id = m.stream_id
                            FROM unnest(CAST(? AS bigint[]), CAST(? AS text[])) AS m(id, stream_id) WHERE o.id = m.id""")) {
                        mark.setArray(1, c.createArrayOf("bigint", markedIds.toArray()));
                        mark.setArray(2, c.createArrayOf("text", streamIds.toArray()));
                        mark.executeUpdate();
                    }
                }
                c.commit();
                published.increment(marked);
                stream.countThroughput(EventStream.PUBLISHED, marked);
                if (result.failure() != null) {
                    throw result.failure();
                }
                return ids.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox relay database error: " + e.getMessage(), e);
        }
    }
}
