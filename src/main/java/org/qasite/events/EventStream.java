package org.qasite.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;

import io.quarkus.logging.Log;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** The event stream in Redis (its own database), with per-minute throughput counters for the dashboard. */
@ApplicationScoped
public class EventStream {

    public static final String FIELD_ID = "id";
    public static final String FIELD_TYPE = "type";
    public static final String FIELD_VERSION = "v";
    public static final String FIELD_PAYLOAD = "payload";
    /** Name of the throughput series of the relay. */
    public static final String PUBLISHED = "published";

    /**
     * Priority of the startup observers that start the relay and consumer threads: after the default priority, at
     * which Quarkus creates its startup beans, the Redis data sources among them. Quarkus keeps those data sources in
     * a map that is not thread-safe, so a thread of ours that touched Redis while they were being created could make
     * the start fail with a ConcurrentModificationException.
     */
    public static final int START_PRIORITY = Interceptor.Priority.LIBRARY_AFTER;

    /** The longest wait for the replies of one {@link #publishAll} (the Redis client's default timeout). */
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(10);

    private final EventsConfig config;
    private final RedisDataSource redis;
    private final StreamCommands<String, String, String> streams;
    /** For reads a page waits for: they give up after a timeout. */
    private final ReactiveStreamCommands<String, String, String> reactiveStreams;
    private final ThroughputCounts throughput;

    EventStream(EventsConfig config, @RedisClientName("streams") RedisDataSource redis, ThroughputCounts throughput) {
        this.config = config;
        this.redis = redis;
        this.streams = redis.stream(String.class, String.class, String.class);
        this.reactiveStreams = redis.getReactive().stream(String.class, String.class, String.class);
        this.throughput = throughput;
    }

    public RedisDataSource redis() {
        return redis;
    }

    public String key() {
        return config.stream();
    }

    public String deadLetterKey() {
        return config.deadLetterStream();
    }

    /**
     * The position of the stream's newest entry ({@link Position#ZERO} when it is empty), or null when Redis did not
     * answer within {@code qa.events.position-timeout}: a page reads it before its data, and must not wait long for it.
     */
    public Position currentPosition() {
        try {
            return lastPosition(config.stream(), config.positionTimeout());
        } catch (RuntimeException e) {
            Log.debugf("No stream position for the page: %s", e.getMessage());
            return null;
        }
    }

    /**
     * The id of the newest entry of a stream in this Redis database, or {@link Position#ZERO}; waits at most
     * {@code timeout} for it, and throws when Redis did not answer.
     */
    public Position lastPosition(String key, Duration timeout) {
        List<StreamMessage<String, String, String>> newest = reactiveStreams.xrevrange(key, StreamRange.of("+", "-"), 1)
                .await().atMost(timeout);
        if (!newest.isEmpty()) {
            return Position.parse(newest.get(0).id());
        }
        // Empty: it never had entries, or they were all deleted. In the second case the position must be the last
        // id ever added, or a replay from it would see deleted entries after it and ask for a reload again and again.
        StreamInfo.Stream info = StreamInfo.stream(redis, key);
        Position last = Position.parse(info.lastGeneratedId());
        return last == null ? Position.ZERO : last;
    }

    /** Appends an entry (fields id, type, v, payload) and answers the id Redis gave it. */
    public String publish(Map<String, String> fields) {
        return streams.xadd(config.stream(), new XAddArgs().maxlen(config.maxLength()).nearlyExactTrimming(), fields);
    }

    /**
     * Appends the entries in order on one connection, pipelined (one round trip instead of one per entry), and answers
     * for each entry the id Redis gave it, or null where it was not appended. Each reply is read on its own, so the
     * entries Redis confirmed are known even when another one failed; the first failure comes back with them.
     */
    public Published publishAll(List<Map<String, String>> entries) {
        List<String> ids = new ArrayList<>(Collections.nCopies(entries.size(), null));
        if (entries.isEmpty()) {
            return new Published(ids, null);
        }
        long deadline = System.nanoTime() + PIPELINE_TIMEOUT.toNanos();
        Future<RedisConnection> connecting = redis.getReactive().getRedis().getDelegate().connect();
        RedisConnection connection;
        try {
            connection = await(connecting, deadline);
        } catch (RuntimeException e) {
            // A connection that arrives after the wait goes back to the pool instead of leaking from it.
            connecting.onSuccess(RedisConnection::close);
            return new Published(ids, e);
        }
        RuntimeException failure = null;
        try {
            // Requests go out in the order of the calls: one connection keeps them in that order.
            List<Future<Response>> replies = new ArrayList<>(entries.size());
            for (Map<String, String> fields : entries) {
                Request xadd = Request.cmd(Command.XADD).arg(config.stream()).arg("MAXLEN").arg("~")
                        .arg(config.maxLength()).arg("*");
                fields.forEach((name, value) -> xadd.arg(name).arg(value));
                replies.add(connection.send(xadd));
            }
            for (int i = 0; i < replies.size(); i++) {
                try {
                    ids.set(i, await(replies.get(i), deadline).toString());
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
        } finally {
            connection.close();
        }
        return new Published(ids, failure);
    }

    /** The ids of published entries (null where one was not appended) and the first failure, if any. */
    public record Published(List<String> ids, RuntimeException failure) {
    }

    private static <T> T await(Future<T> future, long deadline) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Redis did not answer in " + PIPELINE_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Redis", e);
        }
    }

    /** Adds {@code n} to this minute's count of the series ("published", or a consumer group's name). */
    public void countThroughput(String series, long n) {
        throughput.add(series, n);
    }

    /** The series' counts for each of the last {@code minutes} minutes, oldest first (this minute last). */
    public List<Long> throughput(String series, int minutes) {
        return throughput.perMinute(series, minutes);
    }
}
