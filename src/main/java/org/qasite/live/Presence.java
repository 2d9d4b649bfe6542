package org.qasite.live;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.events.EventsDisabled;
import org.qasite.events.StreamConsumers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.scheduler.Scheduled;

/**
 * How many people have each question open, over all instances. Each instance counts its own connections and tells the
 * others on the presence stream: the rooms whose count changed, at most once per interval, and all its counts at each
 * heartbeat. Viewers get the new total at most once per interval too, however many joined or left in between.
 */
@ApplicationScoped
public class Presence {

    static final String FIELD_INSTANCE = "instance";
    static final String FIELD_COUNTS = "counts";
    static final String FIELD_FULL = "full";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<Long, Integer>> COUNTS = new TypeReference<>() {
    };

    /** What another instance last said about its rooms, and when it last spoke. */
    private static final class Remote {
        final Map<Long, Integer> counts = new HashMap<>();
        long lastSeen;
    }

    private final LiveConfig config;
    private final Rooms rooms;
    private final LiveStream stream;
    private final String instanceId;
    private final Map<String, Remote> remotes = new HashMap<>();
    /** Sum of the other instances' counts per question; read by pages, so kept in a concurrent map. */
    private final Map<Long, Integer> remoteTotals = new ConcurrentHashMap<>();
    private final Set<Long> changedHere = ConcurrentHashMap.newKeySet();
    private final Set<Long> toSend = ConcurrentHashMap.newKeySet();
    private long nextHeartbeat;

    Presence(LiveConfig config, Rooms rooms, LiveStream stream, StreamConsumers consumers) {
        this.config = config;
        this.rooms = rooms;
        this.stream = stream;
        this.instanceId = consumers.instanceId();
    }

    /** People viewing the question on every instance, as far as this one knows. */
    public int viewers(long questionId) {
        return rooms.count(questionId) + remoteTotals.getOrDefault(questionId, 0);
    }

    void changed(long questionId) {
        changedHere.add(questionId);
        toSend.add(questionId);
    }

    /** A new viewer gets the count at once; the others with the next flush. */
    void greet(Viewer viewer) {
        int count = viewers(viewer.questionId());
        viewer.sendCount(count, LiveMessage.viewers(count));
    }

    /** Tells the other instances what changed here, and this instance's viewers what changed anywhere. */
    @Scheduled(every = "${qa.live.presence.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    void flush() {
        expireSilentInstances();
        publish();
        Set<Long> questions = new HashSet<>(toSend);
        toSend.removeAll(questions);
        for (long questionId : questions) {
            if (!rooms.isOpen(questionId)) {
                continue;
            }
            int count = viewers(questionId);
            String message = LiveMessage.viewers(count);
            rooms.viewers(questionId).forEach(v -> v.sendCount(count, message));
        }
    }

    private void publish() {
        boolean heartbeat = System.currentTimeMillis() >= nextHeartbeat;
        Set<Long> changed = new HashSet<>(changedHere);
        if (!heartbeat && changed.isEmpty()) {
            return;
        }
        changedHere.removeAll(changed);
        Map<Long, Integer> counts;
        if (heartbeat) {
            counts = rooms.counts();
        } else {
            counts = new HashMap<>();
            changed.forEach(id -> counts.put(id, rooms.count(id)));
        }
        try {
            stream.publishPresence(Map.of(FIELD_INSTANCE, instanceId, FIELD_COUNTS, JSON.writeValueAsString(counts),
                    FIELD_FULL, heartbeat ? "1" : "0"));
            if (heartbeat) {
                nextHeartbeat = System.currentTimeMillis() + config.presence().heartbeat().toMillis();
            }
        } catch (RuntimeException | JsonProcessingException e) {
            changedHere.addAll(changed); // told with the next flush
            Log.debugf("Presence not published: %s", e.getMessage());
        }
    }

    /** Takes in what another instance said (the reader calls this for every presence entry, its own included). */
    synchronized void apply(StreamMessage<String, String, String> entry) {
        String instance = entry.payload().get(FIELD_INSTANCE);
        if (instance == null || instance.equals(instanceId)) {
            return;
        }
        Map<Long, Integer> counts;
        try {
            counts = JSON.readValue(entry.payload().getOrDefault(FIELD_COUNTS, "{}"), COUNTS);
        } catch (JsonProcessingException e) {
            Log.debugf("Presence entry %s ignored: %s", entry.id(), e.getMessage());
            return;
        }
        Remote remote = remotes.computeIfAbsent(instance, i -> new Remote());
        Position position = Position.parse(entry.id());
        remote.lastSeen = Math.max(remote.lastSeen, position == null ? System.currentTimeMillis() : position.millis());
        if ("1".equals(entry.payload().get(FIELD_FULL))) {
            Set<Long> gone = new HashSet<>(remote.counts.keySet());
            gone.removeAll(counts.keySet());
            gone.forEach(id -> update(remote, id, 0));
        }
        counts.forEach((id, count) -> update(remote, id, count));
    }

    private void update(Remote remote, long questionId, int count) {
        int before = remote.counts.getOrDefault(questionId, 0);
        if (count <= 0) {
            remote.counts.remove(questionId);
        } else {
            remote.counts.put(questionId, count);
        }
        if (before != count) {
            remoteTotals.merge(questionId, count - before, (a, b) -> a + b == 0 ? null : a + b);
            toSend.add(questionId);
        }
    }

    private synchronized void expireSilentInstances() {
        long oldest = System.currentTimeMillis() - config.presence().expiry().toMillis();
        remotes.entrySet().removeIf(e -> {
            if (e.getValue().lastSeen >= oldest) {
                return false;
            }
            Log.infof("Live viewers of instance %s dropped: not heard from for %s", e.getKey(), config.presence().expiry());
            for (Long id : Set.copyOf(e.getValue().counts.keySet())) {
                update(e.getValue(), id, 0);
            }
            return true;
        });
    }

    /** Before this instance stops: the others drop its viewers now instead of after the expiry. */
    void leaveAll() {
        try {
            stream.publishPresence(Map.of(FIELD_INSTANCE, instanceId, FIELD_COUNTS, "{}", FIELD_FULL, "1"));
        } catch (RuntimeException e) {
            Log.debugf("Presence not cleared: %s", e.getMessage());
        }
    }
}
