package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the stream dashboard (/admin/streams), used in templates as {admin:key}: its headings, buttons, the
 * chart's labels, the lines a retry or discard leaves, and its refusals. Names of streams, groups and consumers stay
 * as Redis has them. Russian: messages/admin_ru.properties, which must have every key (MessageKeysTest).
 */
@MessageBundle(value = "admin", locale = "en")
public interface AdminMsg {

    // ---- the page
    @Message("Event streams")
    String title();

    @Message("Refresh")
    String refresh();

    /** Before the stream's name in the line under the heading. */
    @Message("The stream")
    String stream_the();

    @Message("holds {count} {#if n == 1}entry{#else}entries{/if}")
    String stream_holds(String count, long n);

    @Message("read")
    String stream_read();

    /** Before the name of the page that explains the numbers. */
    @Message("What each number means is explained in")
    String explained_in();

    @Message("Redis cannot be reached ({error}). New events wait in the outbox until it is back; the numbers below from PostgreSQL are current.")
    String redis_error(String error);

    @Message("Throughput, last hour")
    String throughput_heading();

    @Message("Outbox")
    String outbox_heading();

    @Message("{#if n == 1}event{#else}events{/if} recorded in PostgreSQL and not yet on the stream")
    String outbox_unpublished(long n);

    @Message("Oldest waiting since")
    String outbox_oldest();

    @Message("Nothing waits: every committed event is published.")
    String outbox_empty();

    @Message("Mail queue")
    String mail_heading();

    @Message("Oldest pending mail queued")
    String mail_oldest();

    @Message("No mail waits to be sent.")
    String mail_empty();

    @Message("Consumer groups")
    String groups_heading();

    @Message("lag")
    String lag();

    @Message("unknown")
    String lag_unknown();

    @Message("pending")
    String pending();

    @Message("last delivered")
    String last_delivered();

    @Message("Consumers of the group {group}")
    String consumers_caption(String group);

    @Message("Consumer")
    String consumer();

    @Message("Pending")
    String pending_column();

    @Message("Idle")
    String idle();

    @Message("No consumer has read yet.")
    String no_consumer();

    /** Before the two entry ids in the caption of the pending entries' table. */
    @Message("Oldest pending entries (between")
    String oldest_pending_between();

    @Message("and")
    String and();

    @Message("Entry")
    String entry();

    @Message("Age")
    String age();

    @Message("Since last delivery")
    String since_delivery();

    @Message("Deliveries")
    String deliveries();

    @Message("Nothing pending: every delivered entry is acknowledged.")
    String nothing_pending();

    @Message("No consumer group reads the stream yet.")
    String no_groups();

    @Message("Dead letters")
    String dead_letters_heading();

    @Message("{total} in all{#if some}, the newest {shown} shown{/if}")
    String dead_letters_count(String total, boolean some, int shown);

    @Message("Entries a group's handler failed on too many times. Retry puts the event back on the event stream: every consumer group sees it again, and each skips it if it handled it already (handlers are idempotent by event id). Discard deletes it for good.")
    String dead_letters_explained();

    @Message("Group")
    String group();

    @Message("Event")
    String event();

    @Message("Error")
    String error();

    @Message("Actions")
    String actions();

    @Message("failed")
    String failed();

    @Message("at an unknown time")
    String failed_unknown();

    @Message("no event id")
    String no_event_id();

    @Message("Retry")
    String retry();

    @Message("lacks event fields")
    String lacks_fields();

    @Message("Discard")
    String discard();

    @Message("No dead letters.")
    String no_dead_letters();

    // ---- spans of time: "850 ms", "3 min 20 s"
    @Message("ms")
    String unit_ms();

    @Message("s")
    String unit_s();

    @Message("min")
    String unit_min();

    @Message("h")
    String unit_h();

    @Message("d")
    String unit_d();

    // ---- the chart (times are UTC minutes, "12:00")
    @Message("{minute} UTC: {count} {#if n == 1}entry{#else}entries{/if}")
    String chart_bar(String minute, String count, long n);

    @Message("{name}: {total} {#if n == 1}entry{#else}entries{/if} in the last {minutes} minutes.")
    String chart_row(String name, String total, long n, int minutes);

    @Message("{name}: {total} {#if n == 1}entry{#else}entries{/if} in the last {minutes} minutes, at most {peak} in one minute ({minute} UTC).")
    String chart_row_peak(String name, String total, long n, int minutes, String peak, String minute);

    @Message("Entries per minute over the last {minutes} minutes, from {from} to {to} UTC: published on the stream, and handled by each consumer group. All rows share one scale; the tallest bar is {scale} a minute.")
    String chart_summary(int minutes, String from, String to, String scale);

    // ---- what a retry or discard did, and refusals
    @Message("Dead letter {entry} is back on {stream} as {newEntry}. Every consumer group will see it again; they skip what they handled already.")
    String flash_retried(String entry, String stream, String newEntry);

    @Message(" It could not be removed from the dead letters, though: discard it once Redis answers again.")
    String flash_retried_not_removed();

    @Message("Dead letter {entry} is discarded.")
    String flash_discarded(String entry);

    @Message("Dead letter {entry} lacks the field(s) {fields}, so it would fail again: discard it instead.")
    String refusal_lacks_fields(String entry, String fields);

    @Message("There is no dead letter “{entry}” in {stream}: it may have been retried or discarded already.")
    String refusal_no_dead_letter(String entry, String stream);

    @Message("Redis cannot be reached just now; nothing was changed. Try again in a moment.")
    String refusal_unavailable();

    @Message("Log in with an administrator's account to see the stream dashboard.")
    String login_needed();

    @Message("The stream dashboard is for administrators only. An administrator is made with the make-admin command (see the README).")
    String admins_only();
}
