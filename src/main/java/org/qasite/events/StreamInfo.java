package org.qasite.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;

/** XINFO STREAM, GROUPS and CONSUMERS, which the typed Redis API does not offer, read into records. */
public final class StreamInfo {

    private StreamInfo() {
    }

    /** {@code lag} is -1 when Redis cannot tell (after entries were deleted from the middle of the stream). */
    public record Group(String name, long consumers, long pending, long lag, String lastDeliveredId) {
    }

    public record Consumer(String name, long pending, long idleMillis) {
    }

    /**
     * A stream's first entry id (null when it is empty), the id of the last entry ever added (also when it was deleted
     * since) and the largest id ever deleted from it (null before Redis 7); {@code exists} is false when there is no
     * such stream.
     */
    public record Stream(boolean exists, String firstEntryId, String lastGeneratedId, String maxDeletedEntryId) {
    }

    public static Stream stream(RedisDataSource redis, String key) {
        Response response;
        try {
            response = redis.execute("XINFO", "STREAM", key);
        } catch (RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such key")) {
                return new Stream(false, null, null, null);
            }
            throw e;
        }
        Map<String, Response> s = fields(response);
        Response first = s.get("first-entry");
        String firstId = first == null || first.size() == 0 ? null : string(first.get(0));
        return new Stream(true, firstId, string(s.get("last-generated-id")), string(s.get("max-deleted-entry-id")));
    }

    public static List<Group> groups(RedisDataSource redis, String key) {
        List<Group> groups = new ArrayList<>();
        Response response;
        try {
            response = redis.execute("XINFO", "GROUPS", key);
        } catch (RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such key")) {
                return groups;
            }
            throw e;
        }
        for (Response entry : response) {
            Map<String, Response> g = fields(entry);
            groups.add(new Group(string(g.get("name")), number(g.get("consumers")), number(g.get("pending")),
                    number(g.get("lag")), string(g.get("last-delivered-id"))));
        }
        return groups;
    }

    public static List<Consumer> consumers(RedisDataSource redis, String key, String group) {
        List<Consumer> consumers = new ArrayList<>();
        for (Response entry : redis.execute("XINFO", "CONSUMERS", key, group)) {
            Map<String, Response> c = fields(entry);
            consumers.add(new Consumer(string(c.get("name")), number(c.get("pending")), number(c.get("idle"))));
        }
        return consumers;
    }

    /** A reply's fields by name, whether Redis sent a map (RESP3) or a flat list of names and values (RESP2). */
    private static Map<String, Response> fields(Response reply) {
        Map<String, Response> fields = new HashMap<>();
        if (reply.getKeys() != null && !reply.getKeys().isEmpty()) {
            for (String k : reply.getKeys()) {
                fields.put(k, reply.get(k));
            }
            return fields;
        }
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            fields.put(reply.get(i).toString(), reply.get(i + 1));
        }
        return fields;
    }

    private static String string(Response r) {
        return r == null ? null : r.toString();
    }

    private static long number(Response r) {
        if (r == null) {
            return -1;
        }
        try {
            return r.toLong();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
