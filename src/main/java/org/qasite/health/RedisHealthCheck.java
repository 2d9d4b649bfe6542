package org.qasite.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Reports whether each Redis role answers a {@code PING}. Always up: without Redis the site still serves pages and
 * takes answers (their events wait in the outbox), so an instance must not be taken out of the load balancer for it.
 * Alert on the {@code state} field instead.
 */
@Readiness
@ApplicationScoped
class RedisHealthCheck implements AsyncHealthCheck {

    private final HealthConfig config;
    private final Map<String, ReactiveRedisDataSource> roles = new LinkedHashMap<>();

    RedisHealthCheck(HealthConfig config, @RedisClientName("streams") ReactiveRedisDataSource streams,
            @RedisClientName("cache") ReactiveRedisDataSource cache,
            @RedisClientName("locks") ReactiveRedisDataSource locks) {
        this.config = config;
        roles.put("streams", streams);
        roles.put("cache", cache);
        roles.put("locks", locks);
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<String>> pings = new ArrayList<>();
        roles.values().forEach(redis -> pings.add(ping(redis)));
        return Uni.join().all(pings).andCollectFailures().map(states -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("Redis").up();
            boolean all = true;
            int i = 0;
            for (String role : roles.keySet()) {
                String state = states.get(i++);
                all &= state.equals(Dependency.UP);
                response.withData(role, state);
            }
            return response.withData(Dependency.STATE, all ? Dependency.UP : Dependency.DOWN).build();
        });
    }

    private Uni<String> ping(ReactiveRedisDataSource redis) {
        return redis.execute("PING").map(pong -> Dependency.UP).ifNoItem().after(config.redisTimeout())
                .failWith(() -> new IllegalStateException("no answer within " + config.redisTimeout().toMillis() + " ms"))
                .onFailure().recoverWithItem(Dependency::down);
    }
}
