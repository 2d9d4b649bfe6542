package org.qasite.events;

import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/** Skips the event jobs in a process that does not run the site (fill-db and other commands). */
@Singleton
public class EventsDisabled implements Scheduled.SkipPredicate {

    private final EventsConfig config;

    EventsDisabled(EventsConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.enabled();
    }
}
