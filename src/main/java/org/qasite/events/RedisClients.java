package org.qasite.events;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the three named Redis clients on the main thread at startup, before the relay, the consumers and the
 * scheduler start threads that use them: Quarkus creates a client on first use, and two threads doing that at the same
 * moment can fail with a ConcurrentModificationException. No connection is opened here, so a Redis that is down does
 * not stop the site from starting.
 */
@ApplicationScoped
class RedisClients {

    void createClients(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            @RedisClientName("streams") RedisDataSource streams, @RedisClientName("cache") RedisDataSource cache,
            @RedisClientName("locks") RedisDataSource locks) {
        streams.getReactive();
        cache.getReactive();
        locks.getReactive();
    }
}
