package org.qasite.events;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** A consumer group whose handler always fails on events of type {@code test.poison}, as a bug in a handler would. */
@ApplicationScoped
public class PoisonHandler implements EventHandler {

    static final String GROUP = "test-poison";
    static final String POISON = "test.poison";

    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public void handle(StreamEvent event) {
        if (POISON.equals(event.type())) {
            attempts.incrementAndGet();
            throw new IllegalStateException("poisoned on purpose: " + event.eventId());
        }
    }

    int attempts() {
        return attempts.get();
    }
}
