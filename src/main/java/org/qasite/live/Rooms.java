package org.qasite.live;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The open question pages on this instance, one room per question: a broadcast touches only the connections of its
 * room. A room also knows its readers, each once however many pages they have open.
 */
@ApplicationScoped
public class Rooms {

    /** One question's connections here, and how many of them each reader has. */
    private static final class Room {
        final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> readers = new ConcurrentHashMap<>();
    }

    private final Map<Long, Room> rooms = new ConcurrentHashMap<>();

    Rooms(MeterRegistry registry) {
        Gauge.builder("qa.live.rooms", rooms, Map::size).description("Questions open on this instance")
                .register(registry);
        Gauge.builder("qa.live.connections", this, Rooms::connections)
                .description("Live connections open on this instance").register(registry);
    }

    /** Puts the viewer in its room; answers whether the room has a new reader (not one more page of a reader). */
    boolean join(Viewer viewer) {
        boolean[] newReader = { false };
        rooms.compute(viewer.questionId(), (id, existing) -> {
            Room room = existing == null ? new Room() : existing;
            if (room.viewers.add(viewer)) {
                newReader[0] = room.readers.merge(viewer.reader(), 1, Integer::sum) == 1;
            }
            return room;
        });
        return newReader[0];
    }

    /** Takes the viewer out of its room (again: nothing); answers whether that was its reader's last page there. */
    boolean leave(Viewer viewer) {
        boolean[] readerLeft = { false };
        // Removes the room with its last viewer, atomically with respect to a join in the same room.
        rooms.computeIfPresent(viewer.questionId(), (id, room) -> {
            if (room.viewers.remove(viewer)) {
                readerLeft[0] = room.readers.merge(viewer.reader(), -1, (a, b) -> a + b <= 0 ? null : a + b) == null;
            }
            return room.viewers.isEmpty() ? null : room;
        });
        return readerLeft[0];
    }

    /** The viewers of one question on this instance (empty when nobody here has it open). */
    public Collection<Viewer> viewers(long questionId) {
        Room room = rooms.get(questionId);
        return room == null ? List.of() : room.viewers;
    }

    public boolean isOpen(long questionId) {
        return rooms.containsKey(questionId);
    }

    /** The questions open here. */
    Set<Long> open() {
        return Set.copyOf(rooms.keySet());
    }

    /** How many different readers have the question open here. */
    int readers(long questionId) {
        Room room = rooms.get(questionId);
        return room == null ? 0 : room.readers.size();
    }

    boolean hasReader(long questionId, String reader) {
        Room room = rooms.get(questionId);
        return room != null && room.readers.containsKey(reader);
    }

    /** The readers of the question here, or null when there are more than {@code max} (then only their number). */
    Set<String> readerKeys(long questionId, int max) {
        Room room = rooms.get(questionId);
        if (room == null) {
            return Set.of();
        }
        if (room.readers.size() > max) {
            return null; // not copied: a big room's keys are never sent
        }
        Set<String> keys = Set.copyOf(room.readers.keySet());
        return keys.size() > max ? null : keys;
    }

    public int connections() {
        return rooms.values().stream().mapToInt(room -> room.viewers.size()).sum();
    }

    public Collection<Set<Viewer>> all() {
        return rooms.values().stream().map(room -> room.viewers).toList();
    }
}
