package org.qasite.events;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Skips the event jobs in a process that does not run the site (fill-db and other commands), and in every process
 * until it has started: the scheduler runs jobs before Quarkus created the Redis data sources, and a job touching
 * Redis then could make the start fail (see {@link EventStream#START_PRIORITY}).
 */
@Singleton
public class EventsDisabled implements Scheduled.SkipPredicate {

    private final EventsConfig config;
    private volatile boolean started;

    EventsDisabled(EventsConfig config) {
        this.config = config;
    }

    void started(@Observes @Priority(EventStream.START_PRIORITY) StartupEvent event) {
        started = true;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !started || !config.enabled();
    }
}
