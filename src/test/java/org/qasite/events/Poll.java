package org.qasite.events;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits, with a deadline, for something that happens in the background (a relay, a consumer, a mail sender). */
public final class Poll {

    private static final long INTERVAL_MILLIS = 100;

    private Poll() {
    }

    /**
     * Reads {@code probe} until {@code done} holds for its value and answers that value; fails with the last value
     * seen once {@code timeout} passed.
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what + "; last seen: " + value);
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }
}
