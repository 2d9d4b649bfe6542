package org.qasite.stats;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;

/**
 * The widgets as pages read them: from the cache (Redis, the cache database) when it holds them; on a miss, computed
 * from the database by one request while the others of this instance wait for its result (single flight), and put in
 * the cache. When Redis cannot be reached the page still gets the widget: the last value this instance saw, or one
 * computed from the database. The scheduled refresh ({@link StatsRefresher}) keeps the cache current.
 */
@ApplicationScoped
public class StatsCache {

    private static final TypeReference<List<StatsQueries.PopularTag>> POPULAR_TAGS = new TypeReference<>() {
    };
    private static final TypeReference<List<StatsQueries.BestMember>> BEST_MEMBERS = new TypeReference<>() {
    };

    private final StatsQueries queries;
    private final EntityManager em;
    private final StatsConfig config;
    private final ObjectMapper json;
    private final ReactiveValueCommands<String, String> cache;
    private final Map<Widget, CompletableFuture<List<?>>> inFlight = new ConcurrentHashMap<>();
    private final Map<Widget, List<?>> lastSeen = new ConcurrentHashMap<>();
    private final Map<Widget, Parsed> lastParsed = new ConcurrentHashMap<>();
    private final Map<Widget, Counter> computed = new EnumMap<>(Widget.class);

    /** A widget's cached JSON and the list read from it. */
    private record Parsed(String json, List<?> value) {
    }

    StatsCache(StatsQueries queries, EntityManager em, StatsConfig config, ObjectMapper json,
            @RedisClientName("cache") ReactiveRedisDataSource redis, MeterRegistry registry) {
        this.queries = queries;
        this.em = em;
        this.config = config;
        this.json = json;
        this.cache = redis.value(String.class, String.class);
        for (Widget w : Widget.values()) {
            computed.put(w, Counter.builder("qa.stats.computed").tag("widget", w.id)
                    .description("Widgets computed from the database").register(registry));
        }
    }

    @SuppressWarnings("unchecked")
    public List<StatsQueries.PopularTag> popularTags() {
        return (List<StatsQueries.PopularTag>) get(Widget.POPULAR_TAGS);
    }

    @SuppressWarnings("unchecked")
    public List<StatsQueries.BestMember> bestMembers() {
        return (List<StatsQueries.BestMember>) get(Widget.BEST_MEMBERS);
    }

    /** How many times this instance computed the widget from the database. */
    public long computedCount(Widget widget) {
        return (long) computed.get(widget).count();
    }

    /** Computes the widget from the database and puts it in the cache (the scheduled refresh). */
    void refresh(Widget widget) {
        store(widget, compute(widget), new SetArgs(), config.redisTimeout().multipliedBy(4));
    }

    private List<?> get(Widget widget) {
        if (!config.cacheEnabled()) {
            return fallingBack(widget, () -> compute(widget));
        }
        String cached;
        try {
            cached = fetch(widget);
        } catch (RuntimeException e) {
            // Redis is unreachable or slow: the page must not suffer from it.
            Log.debugf("Right column not read from the cache: %s", e.getMessage());
            List<?> last = lastSeen.get(widget);
            return last != null ? last : fallingBack(widget, () -> singleFlight(widget, () -> compute(widget)));
        }
        if (cached != null) {
            List<?> value = read(widget, cached);
            if (value != null) {
                lastSeen.put(widget, value);
                return value;
            }
        }
        return fallingBack(widget, () -> singleFlight(widget, () -> {
            // A request that finished just before this one started may have filled the cache meanwhile.
            List<?> filled = readQuietly(widget);
            if (filled != null) {
                return filled;
            }
            List<?> value = compute(widget);
            try {
                // Only into an empty key: the scheduled refresh may have put a newer value there meanwhile.
                store(widget, value, new SetArgs().nx(), config.redisTimeout());
            } catch (RuntimeException e) {
                Log.debugf("Right column not put in the cache: %s", e.getMessage());
            }
            return value;
        }));
    }

    /**
     * The widget from {@code source}, or, when that fails (the database is down or slow), the last value this instance
     * saw, or an empty widget: a side widget never makes a page fail.
     */
    private List<?> fallingBack(Widget widget, Supplier<List<?>> source) {
        try {
            return source.get();
        } catch (RuntimeException e) {
            Log.debugf("Right column widget %s not computed: %s", widget.id, e.getMessage());
            List<?> last = lastSeen.get(widget);
            return last != null ? last : List.of();
        }
    }

    private List<?> readQuietly(Widget widget) {
        try {
            String cached = fetch(widget);
            return cached == null ? null : read(widget, cached);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The cached JSON of the widget, or null; waits for Redis at most the configured timeout. */
    private String fetch(Widget widget) {
        return cache.get(widget.cacheKey()).await().atMost(config.redisTimeout());
    }

    private void store(Widget widget, List<?> value, SetArgs args, Duration wait) {
        cache.set(widget.cacheKey(), write(value), args.px(config.cacheTtl())).await().atMost(wait);
    }

    /** Runs {@code work} once for all callers that ask for the widget while it runs; they all get its result. */
    private List<?> singleFlight(Widget widget, Supplier<List<?>> work) {
        CompletableFuture<List<?>> mine = new CompletableFuture<>();
        CompletableFuture<List<?>> running = inFlight.putIfAbsent(widget, mine);
        if (running != null) {
            try {
                return running.get(config.waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("The widget's computation takes longer than " + config.waitTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the widget", e);
            }
        }
        try {
            List<?> value = work.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(widget, mine);
        }
    }

    private List<?> compute(Widget widget) {
        computed.get(widget).increment();
        // A transaction of its own, bounded: what goes to the shared cache must be committed data, and a stuck query
        // must neither hold pages nor outlive the refresh lock.
        List<?> value = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SET LOCAL statement_timeout = " + config.queryTimeout().toMillis()).executeUpdate();
            return switch (widget) {
                case POPULAR_TAGS -> queries.popularTags();
                case BEST_MEMBERS -> queries.bestMembers();
            };
        });
        lastSeen.put(widget, value);
        return value;
    }

    private String write(List<?> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Widget not writable as JSON", e);
        }
    }

    /**
     * The cached value, or null when it cannot be read (written by another version of the site): then recompute. The
     * same JSON as last time gives the same list, read once.
     */
    private List<?> read(Widget widget, String cached) {
        Parsed last = lastParsed.get(widget);
        if (last != null && last.json().equals(cached)) {
            return last.value();
        }
        try {
            List<?> value = switch (widget) {
                case POPULAR_TAGS -> json.readValue(cached, POPULAR_TAGS);
                case BEST_MEMBERS -> json.readValue(cached, BEST_MEMBERS);
            };
            Parsed parsed = new Parsed(cached, List.copyOf(value)); // shared by the pages: not to be changed
            lastParsed.put(widget, parsed);
            return parsed.value();
        } catch (JsonProcessingException e) {
            Log.warnf("Cached %s not readable, recomputed: %s", widget.id, e.getMessage());
            return null;
        }
    }
}
