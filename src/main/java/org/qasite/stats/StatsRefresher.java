package org.qasite.stats;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.events.EventHandler;
import org.qasite.events.EventType;
import org.qasite.events.EventsDisabled;
import org.qasite.events.StreamConsumer;
import org.qasite.events.StreamConsumers;
import org.qasite.events.StreamEvent;
import org.qasite.lock.RedisLocks;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Consumer group {@code stats}, read by a scheduled job: an event that can change a widget (a question asked, deleted
 * or undeleted changes both, an edited question's tags the popular tags, an answer, a vote, a deleted or undeleted
 * answer or a deleted account the best members) marks it, and the job recomputes the marked widgets from the database
 * and puts them in the cache. Both are also recomputed on a fixed period, because the time windows slide. One instance at a
 * time recomputes: a lock in the locks database, with an expiry so that an instance that died holding it cannot block
 * the others.
 */
@ApplicationScoped
public class StatsRefresher implements EventHandler {

    static final String GROUP = "stats";
    static final String LOCK_KEY = "qa:lock:stats-refresh";

    private final StatsCache cache;
    private final StatsConfig config;
    private final StreamConsumers consumers;
    private final RedisLocks locks;
    private final Set<Widget> stale = EnumSet.noneOf(Widget.class);

    StatsRefresher(StatsCache cache, StatsConfig config, StreamConsumers consumers,
            RedisLocks locks) {
        this.cache = cache;
        this.config = config;
        this.consumers = consumers;
        this.locks = locks;
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public boolean polled() {
        return true;
    }

    @Override
    public void handle(StreamEvent event) {
        if (event.is(EventType.QUESTION_CREATED) || event.is(EventType.QUESTION_DELETED)
                || event.is(EventType.QUESTION_UNDELETED)) {
            markStale(Widget.POPULAR_TAGS, Widget.BEST_MEMBERS);
        } else if (event.is(EventType.QUESTION_EDITED)) { // its tags may have changed
            markStale(Widget.POPULAR_TAGS);
        } else if (event.is(EventType.ANSWER_CREATED) || event.is(EventType.VOTE_CAST)
                || event.is(EventType.MEMBER_DELETED) || event.is(EventType.ANSWER_DELETED)
                || event.is(EventType.ANSWER_UNDELETED)) {
            markStale(Widget.BEST_MEMBERS);
        }
    }

    /** Reads the group's new events and recomputes the widgets they touched. */
    @Scheduled(every = "${qa.stats.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    public void poll() {
        StreamConsumer consumer = consumers.get(GROUP);
        if (consumer != null) {
            try {
                consumer.pollOnce();
            } catch (RuntimeException e) {
                Log.debugf("Stats events not read: %s", e.getMessage());
            }
        }
        refreshStale();
    }

    /** Marks both widgets: the windows of "the last 3 months" and "the last 7 days" moved on. */
    @Scheduled(every = "${qa.stats.full-refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    public void refreshAll() {
        markStale(Widget.values());
        refreshStale();
    }

    /** Recomputes the marked widgets, if this instance gets the lock; they stay marked otherwise. */
    synchronized void refreshStale() {
        if (stale.isEmpty()) {
            return;
        }
        // another instance recomputing keeps ours marked for the next turn
        locks.runExclusively(LOCK_KEY, config.lockTtl(), () -> {
            for (Widget widget : Set.copyOf(stale)) {
                stale.remove(widget);
                try {
                    cache.refresh(widget);
                } catch (RuntimeException e) {
                    stale.add(widget);
                    Log.warnf("Right column widget %s not refreshed: %s", widget.id, e);
                }
            }
        });
    }

    private synchronized void markStale(Widget... widgets) {
        stale.addAll(Set.of(widgets));
    }
}
