package org.qasite.events;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Starts a {@link StreamConsumer} for every {@link EventHandler} bean, and stops them when the instance stops. */
@ApplicationScoped
public class StreamConsumers {

    private final EventsConfig config;
    private final EventStream stream;
    private final MeterRegistry registry;
    private final Instance<EventHandler> handlers;
    private final Map<String, StreamConsumer> consumers = new LinkedHashMap<>();
    private final String instanceId;

    StreamConsumers(EventsConfig config, EventStream stream, MeterRegistry registry, Instance<EventHandler> handlers) {
        this.config = config;
        this.stream = stream;
        this.registry = registry;
        this.handlers = handlers;
        this.instanceId = config.instanceId().orElseGet(StreamConsumers::defaultInstanceId);
    }

    void start(@Observes @Priority(EventStream.START_PRIORITY) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        // Off the start: the first Redis command waits for a connection, and readiness does not depend on it.
        Thread.ofPlatform().name("stream-retire").daemon().start(this::retire);
        for (EventHandler handler : handlers) {
            StreamConsumer consumer = new StreamConsumer(handler, instanceId, stream, config.consumer(), registry);
            if (consumers.putIfAbsent(handler.group(), consumer) != null) {
                throw new IllegalStateException("Two handlers for consumer group " + handler.group());
            }
            consumer.start(!handler.polled());
        }
    }

    /** Removes the groups that no handler reads any more (a handler's own group is never removed). */
    private void retire() {
        for (String group : config.retiredGroups()) {
            boolean read = false;
            for (EventHandler handler : handlers) {
                read |= handler.group().equals(group);
            }
            if (read) {
                continue;
            }
            try {
                if (stream.redis().stream(String.class, String.class, String.class).xgroupDestroy(stream.key(), group)) {
                    Log.infof("Removed consumer group %s, which no handler reads any more", group);
                }
            } catch (RuntimeException e) {
                Log.debugf("Consumer group %s not removed: %s", group, e.getMessage()); // no stream yet, or Redis down
            }
        }
    }

    /** Stops reading in every group; entries in hand are finished and acked. */
    void stop(@Observes ShutdownEvent event) {
        Duration wait = config.consumer().block().plusSeconds(10);
        consumers.values().forEach(c -> c.stop(wait));
    }

    public String instanceId() {
        return instanceId;
    }

    public Collection<StreamConsumer> all() {
        return consumers.values();
    }

    /** The consumer of a group on this instance, or null. */
    public StreamConsumer get(String group) {
        return consumers.get(group);
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "instance";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
