package org.qasite.events;

import java.time.Duration;

import io.quarkus.logging.Log;

/**
 * Forgets, in one consumer group, the names of stopped instances that left nothing pending and have been idle longer
 * than {@code forget-idle}, so that the group's consumers are the instances that run.
 */
final class StoppedConsumers {

    /**
     * Removes a consumer from the group only if it still holds nothing and is still idle, checked and done in one
     * atomic step: removing a consumer drops its pending entries, so one that just received an entry must stay.
     * Answers -1 when it stays.
     */
    private static final String FORGET_CONSUMER = """
            for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
              local f = {}
              for i = 1, #c, 2 do f[c[i]] = c[i + 1] end
              if f['name'] == ARGV[2] and f['pending'] == 0 and f['idle'] > tonumber(ARGV[3]) then
                return redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
              end
            end
            return -1
            """;

    private final EventStream stream;
    private final String group;
    private final String consumer;
    private final Duration forgetIdle;

    /** {@code consumer}: this instance's own name in the group, which stays. */
    StoppedConsumers(EventStream stream, String group, String consumer, Duration forgetIdle) {
        this.stream = stream;
        this.group = group;
        this.consumer = consumer;
        this.forgetIdle = forgetIdle;
    }

    void forget() {
        try {
            for (StreamInfo.Consumer c : StreamInfo.consumers(stream.redis(), stream.key(), group)) {
                if (!c.name().equals(consumer) && c.pending() == 0 && c.idleMillis() > forgetIdle.toMillis()
                        && stream.redis().execute("EVAL", FORGET_CONSUMER, "1", stream.key(), group, c.name(),
                                Long.toString(forgetIdle.toMillis())).toLong() >= 0) {
                    Log.infof("Consumer group %s: removed consumer %s, idle since %d s", group, c.name(),
                            c.idleMillis() / 1000);
                }
            }
        } catch (RuntimeException e) {
            Log.debugf("Stopped consumers not forgotten: %s", e.getMessage());
        }
    }
}
