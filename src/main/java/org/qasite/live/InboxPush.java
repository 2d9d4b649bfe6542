package org.qasite.live;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.events.EventLogContext;
import org.qasite.events.EventStream;
import org.qasite.events.EventType;
import org.qasite.events.Payloads;
import org.qasite.events.StreamEvent;
import org.qasite.notification.Inbox;
import org.qasite.notification.InboxMarkup;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.StreamMessage;

/**
 * Pushes the stream's {@code notifications.created} and {@code notifications.read} entries to the {@code /ws/me}
 * sockets of this instance: each new notification's line and the new unread count to its member's pages, the count to
 * the pages of a member who read some. Only the members with a socket here cost a query, one for their lines and one for
 * their counts per entry. A failure is logged and the entry left: the question rooms must not wait for it, and a page
 * gets the count again when it reconnects.
 */
@ApplicationScoped
class InboxPush {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MemberSockets members;
    private final Inbox inbox;
    private final InboxMarkup markup;

    InboxPush(MemberSockets members, Inbox inbox, InboxMarkup markup) {
        this.members = members;
        this.inbox = inbox;
        this.markup = markup;
    }

    /** Answers whether the entry was one of the inbox's and reached a socket here; never throws. */
    boolean send(StreamMessage<String, String, String> entry) {
        String type = entry.payload().get(EventStream.FIELD_TYPE);
        boolean created = EventType.NOTIFICATIONS_CREATED.wireName.equals(type);
        if ((!created && !EventType.NOTIFICATIONS_READ.wireName.equals(type)) || members.isEmpty()) {
            return false;
        }
        try (EventLogContext logged = EventLogContext.enter(entry.payload())) {
            String payload = StreamEvent.of(entry.id(), entry.payload()).payload();
            if (created) {
                return created(JSON.readValue(payload, Payloads.NotificationsCreated.class));
            }
            return read(JSON.readValue(payload, Payloads.NotificationsRead.class));
        } catch (Exception e) {
            Log.warnf("Inbox entry %s not pushed to open pages: %s", entry.id(), e.getMessage());
            return false;
        }
    }

    private boolean created(Payloads.NotificationsCreated event) {
        if (event.made() == null) {
            return false;
        }
        List<Long> here = members.here(event.made().stream().map(Payloads.Made::memberId).toList());
        if (here.isEmpty()) {
            return false;
        }
        Map<Long, Long> memberOf = new HashMap<>();
        event.made().stream().filter(m -> here.contains(m.memberId()))
                .forEach(m -> memberOf.put(m.notificationId(), m.memberId()));
        long stamp = members.stamp();
        for (Inbox.Item item : inbox.items(memberOf.keySet())) {
            String message = LiveMessage.notification(item.id(), markup.item(item));
            members.of(memberOf.get(item.id())).forEach(s -> s.send(message));
        }
        counts(stamp, here);
        return true;
    }

    private boolean read(Payloads.NotificationsRead event) {
        if (members.of(event.memberId()).isEmpty()) {
            return false;
        }
        counts(members.stamp(), List.of(event.memberId()));
        return true;
    }

    private void counts(long stamp, Collection<Long> memberIds) {
        Map<Long, Long> counts = inbox.unread(memberIds);
        counts.forEach((member, count) -> {
            String message = LiveMessage.unread(count);
            members.of(member).forEach(s -> s.sendCount(stamp, message));
        });
    }
}
