package org.qasite.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.events.EventsDisabled;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The members' sessions: started at login, ended by logout or by ending all of a member's sessions, looked up on every
 * request of a logged-in member. A lookup is trusted for {@link SessionConfig#cacheTtl()} on this instance, so that
 * pages stay fast; ending a session forgets it here at once. Plain JDBC: lookups run inside authentication, outside
 * any request's persistence context.
 */
@ApplicationScoped
public class Sessions {

    /** A session that is in force, with what authentication needs of its member. */
    public record Active(UUID id, long memberId, String username, String role, Instant createdAt) {
    }

    private record Cached(Active active, long loadedAtNanos) {
    }

    /** Forgotten entries are swept when the cache grows past this; each entry is only trusted for the TTL anyway. */
    private static final int SWEEP_ABOVE = 10_000;

    private static final String FIND = """
            SELECT s.member_id, s.created_at, m.username, m.role
            FROM member_session s JOIN member m ON m.id = s.member_id
            WHERE s.id = ? AND s.ended_at IS NULL""";

    private final DataSource dataSource;
    private final SessionConfig config;
    private final ConcurrentHashMap<UUID, Cached> cache = new ConcurrentHashMap<>();

    Sessions(DataSource dataSource, SessionConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Records a new login of the member and answers its id. */
    public UUID start(long memberId, String userAgent, String address) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        update("INSERT INTO member_session (id, member_id, created_at, last_seen_at, user_agent, address) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setObject(1, id);
                    ps.setLong(2, memberId);
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.setString(5, cut(userAgent, 300));
                    ps.setString(6, cut(address, 64));
                });
        return id;
    }

    /**
     * The session if it is in force: not ended, and begun less than the absolute lifetime ago. Reads the database at
     * most once per cache TTL and session on this instance.
     */
    public Active find(UUID id) {
        long now = System.nanoTime();
        Cached cached = cache.get(id);
        if (cached == null || now - cached.loadedAtNanos() > config.cacheTtl().toNanos()) {
            cached = new Cached(load(id), now);
            if (cache.size() > SWEEP_ABOVE) {
                sweep(now);
            }
            cache.put(id, cached);
        }
        Active active = cached.active();
        if (active != null && active.createdAt().plus(config.absoluteLifetime()).isBefore(Instant.now())) {
            return null;
        }
        return active;
    }

    /** Ends one session (logout). */
    public void end(UUID id) {
        update("UPDATE member_session SET ended_at = now() WHERE id = ? AND ended_at IS NULL", ps -> ps.setObject(1, id));
        cache.put(id, new Cached(null, System.nanoTime()));
    }

    /** Ends every session of the member ("log out everywhere", a new password); answers how many were active. */
    public int endAll(long memberId) {
        int ended = update("UPDATE member_session SET ended_at = now() WHERE member_id = ? AND ended_at IS NULL",
                ps -> ps.setLong(1, memberId));
        cache.values().removeIf(c -> c.active() != null && c.active().memberId() == memberId);
        return ended;
    }

    /** Notes that the session is in use (at most once per renewal interval). */
    void touch(UUID id) {
        update("UPDATE member_session SET last_seen_at = now() WHERE id = ? AND ended_at IS NULL",
                ps -> ps.setObject(1, id));
    }

    @Scheduled(every = "${qa.session.cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    void deleteOld() {
        Instant cutoff = Instant.now().minus(config.retention());
        int deleted;
        try {
            deleted = update("DELETE FROM member_session WHERE last_seen_at < ?",
                    ps -> ps.setTimestamp(1, Timestamp.from(cutoff)));
        } catch (RuntimeException e) {
            Log.warnf("Old sessions not deleted: %s", e.getMessage());
            return;
        }
        if (deleted > 0) {
            Log.infof("%d sessions older than %s deleted", deleted, config.retention());
        }
    }

    private Active load(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Active(id, rs.getLong(1), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(2).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Session could not be read: " + e.getMessage(), e);
        }
    }

    private void sweep(long now) {
        long ttl = config.cacheTtl().toNanos();
        cache.values().removeIf(c -> now - c.loadedAtNanos() > ttl);
    }

    private interface Parameters {
        void set(PreparedStatement ps) throws SQLException;
    }

    /** Runs one statement in its own transaction (auto-commit) and answers the rows it changed. */
    private int update(String sql, Parameters parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            parameters.set(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Sessions could not be written: " + e.getMessage(), e);
        }
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
