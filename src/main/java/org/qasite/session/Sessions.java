package org.qasite.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

    /** A session in force as the member's list of sessions shows it. */
    public record Listed(UUID id, String userAgent, String address, Instant createdAt, Instant lastSeenAt) {
    }

    private static final String FIND = """
            SELECT s.id, s.member_id, s.created_at, m.username, m.role
            FROM member_session s JOIN member m ON m.id = s.member_id
            WHERE s.id = ANY (?) AND s.ended_at IS NULL AND m.deleted_at IS NULL""";

    private final DataSource dataSource;
    private final SessionConfig config;
    private final SessionCache cache;

    Sessions(DataSource dataSource, SessionConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.cache = new SessionCache(config, this::load);
        if (config.retention().compareTo(config.idleTimeout()) < 0
                || config.retention().compareTo(config.absoluteLifetime()) < 0) {
            // rows of sessions still in force would be deleted, and their members logged out
            throw new IllegalStateException("qa.session.retention (" + config.retention()
                    + ") must be at least qa.session.idle-timeout and qa.session.absolute-lifetime");
        }
    }

    /**
     * Records a new login of the member and answers its id, or null when the member's sessions were all ended since
     * {@code generation} was read (the login then does not count).
     */
    public UUID start(long memberId, long generation, String userAgent, String address) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        int started = update("INSERT INTO member_session (id, member_id, created_at, last_seen_at, user_agent, address) "
                + "SELECT ?, id, ?, ?, ?, ? FROM member WHERE id = ? AND session_generation = ?", ps -> {
                    ps.setObject(1, id);
                    ps.setTimestamp(2, now);
                    ps.setTimestamp(3, now);
                    ps.setString(4, cut(userAgent, 300));
                    ps.setString(5, cut(address, 64));
                    ps.setLong(6, memberId);
                    ps.setLong(7, generation);
                });
        return started == 1 ? id : null;
    }

    /**
     * The session if it is in force: not ended, and begun less than the absolute lifetime ago. Reads the database at
     * most once per cache TTL and session on this instance; an ending on this instance counts at once, even against a
     * read that was under way when it happened.
     */
    public Active find(UUID id) {
        return cache.find(id);
    }

    /**
     * Those of these sessions that are in force, as {@link #find} answers for each: those read within the cache TTL from
     * the cache, the others read together in one query, for a caller with many at once.
     */
    public Set<UUID> inForce(Collection<UUID> ids) {
        return cache.inForce(ids);
    }

    /** Ends one session (logout). */
    public void end(UUID id) {
        update("UPDATE member_session SET ended_at = now() WHERE id = ? AND ended_at IS NULL", ps -> ps.setObject(1, id));
        cache.ended(id);
    }

    /**
     * Ends one session of the member (the "End" beside it in the member's list); answers false when the member has no
     * such session in force, as for another member's session.
     */
    public boolean endOwn(long memberId, UUID id) {
        int ended = update("UPDATE member_session SET ended_at = now() WHERE id = ? AND member_id = ? AND ended_at IS NULL",
                ps -> {
                    ps.setObject(1, id);
                    ps.setLong(2, memberId);
                });
        if (ended == 1) {
            cache.ended(id);
        }
        return ended == 1;
    }

    /** Ends one session when a new login replaces it; a failure here must not fail the login. */
    void endQuietly(UUID id) {
        try {
            end(id);
        } catch (RuntimeException e) {
            Log.warnf("The session a new login replaces was not ended: %s", e.getMessage());
        }
    }

    /**
     * Ends every session of the member ("log out everywhere", a new password), and raises the member's session
     * generation in the same statement so that a login checked meanwhile starts none; answers how many were active.
     */
    public int endAll(long memberId) {
        int ended = update("""
                WITH raised AS (UPDATE member SET session_generation = session_generation + 1 WHERE id = ?)
                UPDATE member_session SET ended_at = now() WHERE member_id = ? AND ended_at IS NULL""", ps -> {
            ps.setLong(1, memberId);
            ps.setLong(2, memberId);
        });
        cache.allEnded(memberId);
        return ended;
    }

    /**
     * Ends every session of the member but {@code keep} (a new password: the browser that chose it stays logged in),
     * raising the session generation like {@link #endAll}; answers how many were ended.
     */
    public int endOthers(long memberId, UUID keep) {
        List<UUID> ended = new ArrayList<>();
        query("""
                WITH raised AS (UPDATE member SET session_generation = session_generation + 1 WHERE id = ?)
                UPDATE member_session SET ended_at = now() WHERE member_id = ? AND id <> ? AND ended_at IS NULL
                RETURNING id""", ps -> {
            ps.setLong(1, memberId);
            ps.setLong(2, memberId);
            ps.setObject(3, keep);
        }, rs -> ended.add(rs.getObject(1, UUID.class)));
        ended.forEach(cache::ended);
        return ended.size();
    }

    /**
     * The member's sessions in force (not ended, within their lifetime, used within the idle timeout), the latest used
     * first.
     */
    public List<Listed> listActive(long memberId) {
        Instant now = Instant.now();
        List<Listed> listed = new ArrayList<>();
        query("""
                SELECT id, user_agent, address, created_at, last_seen_at FROM member_session
                WHERE member_id = ? AND ended_at IS NULL AND created_at > ? AND last_seen_at > ?
                ORDER BY last_seen_at DESC, created_at DESC""", ps -> {
            ps.setLong(1, memberId);
            ps.setTimestamp(2, Timestamp.from(now.minus(config.absoluteLifetime())));
            ps.setTimestamp(3, Timestamp.from(now.minus(config.idleTimeout())));
        }, rs -> listed.add(new Listed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant())));
        return listed;
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

    /** The sessions of these ids that are not ended, of members not deleted, by id: one query. */
    private Map<UUID, Active> load(List<UUID> ids) {
        Map<UUID, Active> loaded = new HashMap<>();
        query(FIND, ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray())),
                rs -> loaded.put(rs.getObject(1, UUID.class), new Active(rs.getObject(1, UUID.class), rs.getLong(2),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(3).toInstant())));
        return loaded;
    }

    private interface Parameters {
        void set(PreparedStatement ps) throws SQLException;
    }

    private interface Rows {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs one statement in its own transaction (auto-commit) and hands each row it answers to {@code rows}. */
    private void query(String sql, Parameters parameters, Rows rows) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            parameters.set(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Sessions could not be read or written: " + e.getMessage(), e);
        }
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
