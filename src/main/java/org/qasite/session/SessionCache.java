package org.qasite.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which sessions are in force, as this instance last read them: each is read from the database at most once per cache
 * TTL (many at once in one read), and an ending on this instance counts at once, even against a read that was under way
 * when it happened.
 */
final class SessionCache {

    private record Cached(Sessions.Active active, long loadedAtNanos) {
    }

    /** Forgotten entries are swept when the cache grows past this; each entry is only trusted for the TTL anyway. */
    private static final int SWEEP_ABOVE = 10_000;

    private final SessionConfig config;
    /** Reads the sessions of these ids that are not ended (of members not deleted), by id. */
    private final Function<List<UUID>, Map<UUID, Sessions.Active>> load;
    private final ConcurrentHashMap<UUID, Cached> cache = new ConcurrentHashMap<>();
    /** When all sessions of a member were last ended on this instance (System.nanoTime), kept for a cache TTL. */
    private final ConcurrentHashMap<Long, Long> allEndedAt = new ConcurrentHashMap<>();

    SessionCache(SessionConfig config, Function<List<UUID>, Map<UUID, Sessions.Active>> load) {
        this.config = config;
        this.load = load;
    }

    /** The session if it is in force: not ended, and begun less than the absolute lifetime ago. */
    Sessions.Active find(UUID id) {
        return inForce(fresh(List.of(id)).get(id));
    }

    /** Those of these sessions that are in force, as {@link #find} answers for each. */
    Set<UUID> inForce(Collection<UUID> ids) {
        Set<UUID> inForce = new HashSet<>();
        fresh(ids).forEach((id, cached) -> {
            if (inForce(cached) != null) {
                inForce.add(id);
            }
        });
        return inForce;
    }

    /** The session was ended here. */
    void ended(UUID id) {
        cache.put(id, new Cached(null, System.nanoTime()));
    }

    /** All sessions of the member were ended here. */
    void allEnded(long memberId) {
        long now = System.nanoTime();
        allEndedAt.values().removeIf(at -> now - at > config.cacheTtl().toNanos()); // what no cached read predates
        allEndedAt.put(memberId, now);
    }

    /** The entries of these sessions, those missing or older than the TTL read again together. */
    private Map<UUID, Cached> fresh(Collection<UUID> ids) {
        long now = System.nanoTime();
        Map<UUID, Cached> found = new HashMap<>();
        List<UUID> stale = new ArrayList<>();
        for (UUID id : ids) {
            Cached cached = cache.get(id);
            if (cached == null || now - cached.loadedAtNanos() > config.cacheTtl().toNanos()) {
                stale.add(id);
            } else {
                found.put(id, cached);
            }
        }
        if (!stale.isEmpty()) {
            if (cache.size() > SWEEP_ABOVE) {
                cache.values().removeIf(c -> now - c.loadedAtNanos() > config.cacheTtl().toNanos());
            }
            Map<UUID, Sessions.Active> loaded = load.apply(stale);
            for (UUID id : stale) {
                // an ending recorded while this read was under way is newer than it: it stays
                found.put(id, cache.merge(id, new Cached(loaded.get(id), now),
                        (old, fresh) -> old.loadedAtNanos() >= fresh.loadedAtNanos() ? old : fresh));
            }
        }
        return found;
    }

    private Sessions.Active inForce(Cached cached) {
        Sessions.Active active = cached.active();
        if (active == null) {
            return null;
        }
        Long allEnded = allEndedAt.get(active.memberId());
        if (allEnded != null && allEnded >= cached.loadedAtNanos()) {
            return null; // read before the member's sessions were all ended here
        }
        if (active.createdAt().plus(config.absoluteLifetime()).isBefore(Instant.now())) {
            return null;
        }
        return active;
    }
}
