package org.qasite.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import io.quarkus.logging.Log;

/**
 * What the other instances said about their rooms: per question, each instance's readers (or only how many, for a room
 * too big to list) and when it said so. With this instance's own rooms it counts each reader once, whichever
 * instances their pages are on.
 */
final class RemoteReaders {

    /** One instance's readers of one room: their keys, or only their number (keys null); {@code at}: when said. */
    private record Said(Set<String> keys, int count, long at) {

        boolean sameReaders(Said other) {
            return other != null && count == other.count && Objects.equals(keys, other.keys);
        }
    }

    private final Map<Long, Map<String, Said>> byQuestion = new HashMap<>();
    private final Map<String, Long> heardFrom = new HashMap<>();

    /** The instance spoke at {@code at} (stream time, milliseconds). */
    synchronized void heard(String instance, long at) {
        heardFrom.merge(instance, at, Math::max);
    }

    /**
     * What the instance says about one room: its readers' keys, or (keys null) only their number; none means it has no
     * reader of the question any more. Answers whether that changes the room's readers as this instance knows them.
     */
    synchronized boolean put(String instance, long questionId, Set<String> keys, int count, long at) {
        heard(instance, at);
        Map<String, Said> said = byQuestion.get(questionId);
        if (keys != null ? keys.isEmpty() : count <= 0) {
            if (said == null) {
                return false;
            }
            boolean removed = said.remove(instance) != null;
            if (said.isEmpty()) {
                byQuestion.remove(questionId);
            }
            return removed;
        }
        Said now = new Said(keys == null ? null : Set.copyOf(keys), keys == null ? count : keys.size(), at);
        Said before = byQuestion.computeIfAbsent(questionId, id -> new HashMap<>()).put(instance, now);
        return !now.sameReaders(before);
    }

    /** The instance stopped: its readers go at once. Answers the questions they were reading. */
    synchronized Set<Long> forget(String instance) {
        heardFrom.remove(instance);
        Set<Long> changed = new HashSet<>();
        byQuestion.entrySet().removeIf(room -> {
            if (room.getValue().remove(instance) != null) {
                changed.add(room.getKey());
            }
            return room.getValue().isEmpty();
        });
        return changed;
    }

    /**
     * Drops what was said before {@code oldest}: the rooms of an instance that went silent (it crashed), or a room that
     * a heartbeat no longer mentions. Answers the questions whose readers changed.
     */
    synchronized Set<Long> expire(long oldest, Duration expiry) {
        heardFrom.entrySet().removeIf(instance -> {
            if (instance.getValue() >= oldest) {
                return false;
            }
            Log.infof("Live viewers of instance %s dropped: not heard from for %s", instance.getKey(), expiry);
            return true;
        });
        Set<Long> changed = new HashSet<>();
        byQuestion.entrySet().removeIf(room -> {
            if (room.getValue().values().removeIf(said -> said.at() < oldest)) {
                changed.add(room.getKey());
            }
            return room.getValue().isEmpty();
        });
        return changed;
    }

    /**
     * Readers of the question on the other instances, each once, leaving out those {@code here} already counts; a room
     * told as a number adds that number (its readers cannot be told apart from the others').
     */
    synchronized int count(long questionId, Predicate<String> here) {
        Map<String, Said> said = byQuestion.get(questionId);
        if (said == null) {
            return 0;
        }
        int count = 0;
        Set<String> seen = new HashSet<>();
        for (Said room : said.values()) {
            if (room.keys() == null) {
                count += room.count();
                continue;
            }
            for (String reader : room.keys()) {
                if (!here.test(reader) && seen.add(reader)) {
                    count++;
                }
            }
        }
        return count;
    }
}
