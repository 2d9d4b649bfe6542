package org.qasite.notification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The notifications' fan-out, inbox and digests. */
@ConfigMapping(prefix = "qa.notifications")
public interface NotificationsConfig {

    /**
     * How many recipients of one event one stream entry tells: a tag with many followers is walked in batches of this
     * size, each the work of one entry (the event's own, then {@code notifications.fan-out} ones), so the group handles
     * other events between them. Entries the consumer reads together share a transaction, so one transaction holds at
     * most {@code qa.events.consumer.batch-size} times this many notifications.
     */
    @WithDefault("500")
    int fanOutBatch();

    /**
     * Answers and comments published this long before notifications existed (migration V17) still get the mail the
     * retired {@code mail} group would have queued, had it not been retired with a backlog; they make no notification.
     */
    @WithDefault("1h")
    Duration upgradeWindow();

    /** Inbox items on a page. */
    @WithDefault("20")
    int pageSize();

    Digest digest();

    interface Digest {
        /** How often the digest job looks for periods that ended. */
        @WithDefault("5m")
        String interval();

        /**
         * How long after its end a period's digests are made: notifications of events still on their way when the
         * period ended are in it by then.
         */
        @WithDefault("10m")
        Duration delay();

        /** How many ended daily periods (days) are looked at: after a longer outage the older ones are not sent. */
        @WithDefault("3")
        int dailyCatchUp();

        /** How many ended weekly periods are looked at. */
        @WithDefault("2")
        int weeklyCatchUp();

        /** How long one instance holds the digest job's lock at most. */
        @WithDefault("5m")
        Duration lockTtl();
    }
}
