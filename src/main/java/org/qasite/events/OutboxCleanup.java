package org.qasite.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import io.quarkus.logging.Log;

/** Deletes the outbox rows published longer ago than the retention period. */
final class OutboxCleanup {

    private final DataSource dataSource;
    private final EventsConfig config;

    OutboxCleanup(DataSource dataSource, EventsConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void cleanUp() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(config.relay().retention())));
            int deleted = ps.executeUpdate();
            if (deleted > 0) {
                Log.infof("Removed %d published outbox rows", deleted);
            }
        } catch (SQLException e) {
            Log.warnf("Outbox clean-up failed: %s", e.getMessage());
        }
    }
}
