package org.qasite.live;

/** Counts the messages a client sends within a window of time: past the limit, it floods. */
final class MessageFlood {

    private long windowStart;
    private int received;

    /** Counts one message; answers false once more than {@code limit} came in {@code windowMillis}. */
    synchronized boolean allow(int limit, long windowMillis) {
        long now = System.currentTimeMillis();
        if (now - windowStart > windowMillis) {
            windowStart = now;
            received = 0;
        }
        return ++received <= limit;
    }
}
