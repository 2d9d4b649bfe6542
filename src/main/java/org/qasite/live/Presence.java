package org.qasite.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.events.EventsDisabled;
import org.qasite.events.Position;
import org.qasite.events.StreamConsumers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.scheduler.Scheduled;

/**
 * How many people have each question open, over all instances, each reader once however many pages they have open (a
 * member by id, a visitor by the opaque key of their address: {@code views.Readers}). Each instance tells the others on
 * the presence stream which readers its rooms have: the rooms whose readers changed, at most once per interval, and all
 * its rooms at each heartbeat. An entry carries {@code instance} and {@code rooms}, a JSON object from question id to
 * the readers' keys, or to their number for a room with more than {@code max-keys} of them here (an empty list: the
 * room closed here); a heartbeat of many rooms is split over entries of about {@code entry-keys} keys. What an instance
 * said about a room holds until the room's expiry, so a heartbeat keeps it; an instance that stops sends {@code gone}.
 * Viewers get the new total at most once per interval too, however many joined or left in between.
 */
@ApplicationScoped
class Presence {

    static final String FIELD_INSTANCE = "instance";
    static final String FIELD_ROOMS = "rooms";
    static final String FIELD_GONE = "gone";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveConfig config;
    private final Rooms rooms;
    private final LiveStream stream;
    private final String instanceId;
    private final RemoteReaders remote = new RemoteReaders();
    private final Set<Long> changedHere = ConcurrentHashMap.newKeySet();
    private final Set<Long> toSend = ConcurrentHashMap.newKeySet();
    private long nextHeartbeat;

    Presence(LiveConfig config, Rooms rooms, LiveStream stream, StreamConsumers consumers) {
        this.config = config;
        this.rooms = rooms;
        this.stream = stream;
        this.instanceId = consumers.instanceId();
    }

    /** People viewing the question on every instance, each once, as far as this instance knows. */
    int viewers(long questionId) {
        return rooms.readers(questionId) + remote.count(questionId, reader -> rooms.hasReader(questionId, reader));
    }

    /** The room's readers changed here (a new reader, or a reader's last page left). */
    void changed(long questionId) {
        changedHere.add(questionId);
        toSend.add(questionId);
    }

    /**
     * A new viewer gets the count at once, itself included (it joined its room before): the page shows no count until
     * then. The others get it with the next flush.
     */
    void greet(Viewer viewer) {
        int count = viewers(viewer.questionId());
        viewer.sendCount(count, LiveFrame.of(LiveMessage.viewers(count)));
    }

    /** Tells the other instances what changed here, and this instance's viewers what changed anywhere. */
    @Scheduled(every = "${qa.live.presence.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    void flush() {
        toSend.addAll(remote.expire(System.currentTimeMillis() - config.presence().expiry().toMillis(),
                config.presence().expiry()));
        publish();
        Set<Long> questions = new HashSet<>(toSend);
        toSend.removeAll(questions);
        for (long questionId : questions) {
            if (!rooms.isOpen(questionId)) {
                continue;
            }
            int count = viewers(questionId);
            LiveFrame message = LiveFrame.of(LiveMessage.viewers(count));
            LoopFanout.each(rooms.viewers(questionId), v -> v.sendCount(count, message), null);
        }
    }

    private void publish() {
        long now = System.currentTimeMillis();
        boolean heartbeat = now >= nextHeartbeat;
        Set<Long> changed = new HashSet<>(changedHere);
        if (!heartbeat && changed.isEmpty()) {
            return;
        }
        changedHere.removeAll(changed);
        Set<Long> questions = new LinkedHashSet<>(changed); // a room that closed here is in these: told as empty
        if (heartbeat) {
            questions.addAll(rooms.open());
        }
        try {
            for (Map<Long, Object> entry : entries(questions)) {
                stream.publishPresence(Map.of(FIELD_INSTANCE, instanceId, FIELD_ROOMS, JSON.writeValueAsString(entry)));
            }
            if (heartbeat) {
                nextHeartbeat = now + config.presence().heartbeat().toMillis();
            }
        } catch (RuntimeException | JsonProcessingException e) {
            changedHere.addAll(changed); // told with the next flush (a heartbeat that failed is tried again then too)
            Log.debugf("Presence not published: %s", e.getMessage());
        }
    }

    /**
     * The rooms' readers as the others are told them: the keys, or their number past {@code max-keys}; in entries of
     * about {@code entry-keys} keys at most (a room told as a number counts as one key). Always at least one entry,
     * even an empty one: a heartbeat without rooms still says that this instance is alive.
     */
    List<Map<Long, Object>> entries(Collection<Long> questions) {
        int maxKeys = config.presence().maxKeys();
        int entryKeys = config.presence().entryKeys();
        List<Map<Long, Object>> entries = new ArrayList<>();
        Map<Long, Object> entry = new LinkedHashMap<>();
        int keys = 0;
        for (long questionId : questions) {
            Set<String> readers = rooms.readerKeys(questionId, maxKeys);
            int size = readers == null ? 1 : Math.max(1, readers.size());
            if (!entry.isEmpty() && keys + size > entryKeys) {
                entries.add(entry);
                entry = new LinkedHashMap<>();
                keys = 0;
            }
            entry.put(questionId, readers == null ? (Object) rooms.readers(questionId) : readers);
            keys += size;
        }
        if (!entry.isEmpty() || entries.isEmpty()) {
            entries.add(entry);
        }
        return entries;
    }

    /** Takes in what another instance said (the reader calls this for every presence entry, its own included). */
    void apply(StreamMessage<String, String, String> entry) {
        String instance = entry.payload().get(FIELD_INSTANCE);
        if (instance == null || instance.equals(instanceId)) {
            return;
        }
        Position position = Position.parse(entry.id());
        long at = position == null ? System.currentTimeMillis() : position.millis();
        if ("1".equals(entry.payload().get(FIELD_GONE))) {
            toSend.addAll(remote.forget(instance));
            return;
        }
        String said = entry.payload().get(FIELD_ROOMS);
        if (said == null) {
            return; // not an entry of this version of the site
        }
        JsonNode roomsSaid;
        try {
            roomsSaid = JSON.readTree(said);
        } catch (JsonProcessingException e) {
            Log.debugf("Presence entry %s ignored: %s", entry.id(), e.getMessage());
            return;
        }
        if (roomsSaid == null || !roomsSaid.isObject()) {
            return;
        }
        remote.heard(instance, at);
        for (Map.Entry<String, JsonNode> room : roomsSaid.properties()) {
            Long questionId = questionId(room.getKey());
            JsonNode readers = room.getValue();
            if (questionId == null || !(readers.isArray() || readers.isIntegralNumber())) {
                continue;
            }
            Set<String> keys = null;
            if (readers.isArray()) {
                keys = new HashSet<>();
                for (JsonNode key : readers) {
                    keys.add(key.asText());
                }
            }
            if (remote.put(instance, questionId, keys, readers.asInt(), at)) {
                toSend.add(questionId);
            }
        }
    }

    private static Long questionId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Before this instance stops: the others drop its readers now instead of after the expiry. */
    void leaveAll() {
        try {
            stream.publishPresence(Map.of(FIELD_INSTANCE, instanceId, FIELD_GONE, "1"));
        } catch (RuntimeException e) {
            Log.debugf("Presence not cleared: %s", e.getMessage());
        }
    }
}
