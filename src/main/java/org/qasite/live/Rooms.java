package org.qasite.live;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The open question pages on this instance, one room per question: a broadcast touches only the connections of its
 * room.
 */
@ApplicationScoped
public class Rooms {

    private final Map<Long, Set<Viewer>> rooms = new ConcurrentHashMap<>();

    Rooms(MeterRegistry registry) {
        Gauge.builder("qa.live.rooms", rooms, Map::size).description("Questions open on this instance")
                .register(registry);
        Gauge.builder("qa.live.connections", this, Rooms::connections)
                .description("Live connections open on this instance").register(registry);
    }

    void join(Viewer viewer) {
        rooms.compute(viewer.questionId(), (id, viewers) -> {
            Set<Viewer> room = viewers == null ? ConcurrentHashMap.newKeySet() : viewers;
            room.add(viewer);
            return room;
        });
    }

    void leave(Viewer viewer) {
        // Removes the room with its last viewer, atomically with respect to a join in the same room.
        rooms.computeIfPresent(viewer.questionId(), (id, viewers) -> {
            viewers.remove(viewer);
            return viewers.isEmpty() ? null : viewers;
        });
    }

    /** The viewers of one question on this instance (empty when nobody here has it open). */
    public Collection<Viewer> viewers(long questionId) {
        Set<Viewer> viewers = rooms.get(questionId);
        return viewers == null ? List.of() : viewers;
    }

    public boolean isOpen(long questionId) {
        return rooms.containsKey(questionId);
    }

    /** How many connections each open question has here. */
    Map<Long, Integer> counts() {
        Map<Long, Integer> counts = new HashMap<>();
        rooms.forEach((id, viewers) -> counts.put(id, viewers.size()));
        return counts;
    }

    int count(long questionId) {
        return viewers(questionId).size();
    }

    public int connections() {
        return rooms.values().stream().mapToInt(Set::size).sum();
    }

    public Collection<Set<Viewer>> all() {
        return rooms.values();
    }
}
