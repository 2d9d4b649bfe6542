package org.qasite.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.qasite.events.EventLogContext;
import org.qasite.events.EventStream;
import org.qasite.events.EventType;
import org.qasite.events.Payloads;
import org.qasite.events.StreamEvent;
import org.qasite.notification.Inbox;
import org.qasite.notification.InboxMarkup;
import org.qasite.session.Sessions;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.CloseReason;

/**
 * Pushes the stream's {@code notifications.created} and {@code notifications.read} entries to the {@code /ws/me}
 * sockets of this instance: each new notification's line and the new unread count to its member's pages, the count to
 * the pages of a member who read some. Only the members with a socket here cost a query, one for their lines and one for
 * their counts per entry. The work is done in stream order on a thread of its own, so that the question rooms, fed by
 * the same reader, never wait for these queries. A failure is logged and the entry left: a page gets the count again
 * when it reconnects. A page whose login has ended since it opened (logout, "log out everywhere", a new password) is
 * told nothing more: it is closed, and its script's reconnect is refused.
 */
@ApplicationScoped
class InboxPush {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The page's login ended: its script may reconnect, and is refused unless it logged in again. */
    static final CloseReason SESSION_ENDED = new CloseReason(1008, "Session ended");

    private final MemberSockets members;
    private final Inbox inbox;
    private final InboxMarkup markup;
    private final Sessions sessions;
    private final ExecutorService worker = Executors
            .newSingleThreadExecutor(r -> Thread.ofPlatform().name("inbox-push").daemon().unstarted(r));

    InboxPush(MemberSockets members, Inbox inbox, InboxMarkup markup, Sessions sessions) {
        this.members = members;
        this.inbox = inbox;
        this.markup = markup;
        this.sessions = sessions;
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /** Hands the entry over when it is one of the inbox's and a socket is open here; answers whether it did. */
    boolean send(StreamMessage<String, String, String> entry) {
        String type = entry.payload().get(EventStream.FIELD_TYPE);
        boolean created = EventType.NOTIFICATIONS_CREATED.wireName.equals(type);
        if ((!created && !EventType.NOTIFICATIONS_READ.wireName.equals(type)) || members.isEmpty()) {
            return false;
        }
        try {
            worker.execute(() -> push(entry, created));
            return true;
        } catch (RejectedExecutionException e) {
            return false; // the instance stops
        }
    }

    /** Never throws: a failure is logged and the entry left. */
    private void push(StreamMessage<String, String, String> entry, boolean created) {
        try (EventLogContext logged = EventLogContext.enter(entry.payload())) {
            String payload = StreamEvent.of(entry.id(), entry.payload()).payload();
            if (created) {
                created(JSON.readValue(payload, Payloads.NotificationsCreated.class));
            } else {
                read(JSON.readValue(payload, Payloads.NotificationsRead.class));
            }
        } catch (Exception e) {
            Log.warnf("Inbox entry %s not pushed to open pages: %s", entry.id(), e.getMessage());
        }
    }

    private void created(Payloads.NotificationsCreated event) {
        if (event.made() == null) {
            return;
        }
        Set<Long> here = Set.copyOf(members.here(event.made().stream().map(Payloads.Made::memberId).toList()));
        if (here.isEmpty()) {
            return;
        }
        Map<Long, List<MeSocket>> open = inForce(here);
        Map<Long, Long> memberOf = new HashMap<>();
        event.made().stream().filter(m -> open.containsKey(m.memberId()))
                .forEach(m -> memberOf.put(m.notificationId(), m.memberId()));
        if (memberOf.isEmpty()) {
            return;
        }
        long stamp = members.stamp();
        for (Inbox.Item item : inbox.items(memberOf.keySet())) {
            // a member's pages share their setting; without one, each page is in its browser's language
            Map<Locale, String> byLanguage = new HashMap<>();
            open.get(memberOf.get(item.id())).forEach(s -> s.send(byLanguage.computeIfAbsent(s.locale(),
                    locale -> LiveMessage.notification(item.id(), markup.item(item, locale)))));
        }
        counts(stamp, open);
    }

    private void read(Payloads.NotificationsRead event) {
        Map<Long, List<MeSocket>> open = inForce(List.of(event.memberId()));
        if (!open.isEmpty()) {
            counts(members.stamp(), open);
        }
    }

    private void counts(long stamp, Map<Long, List<MeSocket>> open) {
        Map<Long, Long> counts = inbox.unread(open.keySet());
        counts.forEach((member, count) -> {
            String message = LiveMessage.unread(count);
            open.getOrDefault(member, List.of()).forEach(s -> s.sendCount(stamp, message));
        });
    }

    /**
     * The members' sockets here whose login is still in force (their sessions asked about together), by member, leaving
     * out members with none; the others are closed.
     */
    private Map<Long, List<MeSocket>> inForce(Collection<Long> memberIds) {
        List<MeSocket> sockets = new ArrayList<>();
        memberIds.forEach(id -> sockets.addAll(members.of(id)));
        Set<UUID> sessionsInForce = sessions.inForce(
                sockets.stream().map(MeSocket::sessionId).filter(java.util.Objects::nonNull).toList());
        Map<Long, List<MeSocket>> open = new HashMap<>();
        for (MeSocket socket : sockets) {
            if (socket.sessionId() != null && sessionsInForce.contains(socket.sessionId())) {
                open.computeIfAbsent(socket.memberId(), id -> new ArrayList<>()).add(socket);
            } else {
                socket.close(SESSION_ENDED);
            }
        }
        return open;
    }
}
