package org.qasite.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.quarkus.logging.Log;

/**
 * Hands something to many viewers from the event loops their sockets live on: one task per event loop that goes
 * through all of that loop's viewers, instead of a task (and a wake-up of the loop) per socket. A write made on the
 * socket's own loop goes straight to the socket. Each loop runs its tasks in the order they were given, so what one
 * caller hands out in order reaches every viewer in that order.
 */
final class LoopFanout {

    private LoopFanout() {
    }

    /**
     * Runs {@code action} for every viewer, on the viewer's event loop (or here, for a viewer without one), then
     * {@code done} (may be null) once, after the last of them, on whichever thread finished last.
     */
    static void each(Collection<Viewer> viewers, Consumer<Viewer> action, Runnable done) {
        Map<Executor, List<Viewer>> byLoop = new IdentityHashMap<>(4);
        List<Viewer> here = new ArrayList<>(0);
        for (Viewer viewer : viewers) {
            Executor loop = viewer.loop();
            (loop == null ? here : byLoop.computeIfAbsent(loop, l -> new ArrayList<>())).add(viewer);
        }
        AtomicInteger left = new AtomicInteger(byLoop.size() + 1);
        Runnable finished = () -> {
            if (left.decrementAndGet() == 0 && done != null) {
                done.run();
            }
        };
        for (Map.Entry<Executor, List<Viewer>> loop : byLoop.entrySet()) {
            List<Viewer> group = loop.getValue();
            Runnable task = () -> {
                try {
                    group.forEach(v -> apply(action, v));
                } finally {
                    finished.run();
                }
            };
            try {
                loop.getKey().execute(task);
            } catch (RejectedExecutionException e) { // the loop is shutting down: its sockets are closing too
                task.run();
            }
        }
        here.forEach(v -> apply(action, v));
        finished.run();
    }

    private static void apply(Consumer<Viewer> action, Viewer viewer) {
        try {
            action.accept(viewer);
        } catch (RuntimeException e) { // one viewer's failure must not keep the others of its loop from their frame
            Log.debugf("Live message not handed to %s: %s", viewer.connection().id(), e.getMessage());
        }
    }
}
