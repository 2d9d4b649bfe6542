package org.qasite.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/** Counts the unpublished outbox rows and the age of the oldest, and keeps the count for the backlog gauge. */
final class OutboxBacklog {

    private final DataSource dataSource;
    private final AtomicLong rows = new AtomicLong();

    OutboxBacklog(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("qa.outbox.backlog", rows, AtomicLong::get)
                .description("Outbox rows not yet published (as of the last sweep)").register(registry);
    }

    /** Rows not yet published, as of the last count. */
    long rows() {
        return rows.get();
    }

    OutboxRelay.Backlog read() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*), min(created_at) FROM outbox WHERE published_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            OutboxRelay.Backlog b = new OutboxRelay.Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
            rows.set(b.rows());
            return b;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox: " + e.getMessage(), e);
        }
    }

    /** Counts again for the gauge; when the database does not answer, the last count stays. */
    void refresh() {
        try {
            read();
        } catch (RuntimeException e) {
            Log.debugf("Outbox backlog not counted: %s", e.getMessage());
        }
    }
}
