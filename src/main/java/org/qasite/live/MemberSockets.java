package org.qasite.live;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code /ws/me} sockets open on this instance, by member: a member with several tabs has several. Each instance
 * knows only its own; every instance reads every entry of the stream, so each pushes to the sockets it holds.
 */
@ApplicationScoped
class MemberSockets {

    private final Map<Long, Set<MeSocket>> open = new ConcurrentHashMap<>();
    /** Orders the unread counts: a count read later is never overtaken by one read before it (see {@link #stamp}). */
    private final AtomicLong counts = new AtomicLong();

    void add(MeSocket socket) {
        open.computeIfAbsent(socket.memberId(), id -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    void remove(MeSocket socket) {
        open.computeIfPresent(socket.memberId(), (id, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
    }

    /** The member's sockets here (none: empty). */
    Collection<MeSocket> of(long memberId) {
        Set<MeSocket> sockets = open.get(memberId);
        return sockets == null ? List.of() : sockets;
    }

    /** Those of the members that have a socket here. */
    List<Long> here(Collection<Long> memberIds) {
        return memberIds.stream().distinct().filter(open::containsKey).toList();
    }

    boolean isEmpty() {
        return open.isEmpty();
    }

    Collection<Set<MeSocket>> all() {
        return open.values();
    }

    /**
     * Taken just before a count is read from the database and sent with it: a socket drops a count whose stamp is older
     * than the last one it sent, so a greeting read before a notification cannot arrive after that notification's
     * count and undo it.
     */
    long stamp() {
        return counts.incrementAndGet();
    }
}
