package org.qasite.live;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.qasite.notification.Inbox;
import org.qasite.text.i18n.SiteLocales;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * The {@code /ws/me} connections: keeps each in its member's sockets on this instance, greets it with the unread count
 * (so a page that reconnects is up to date again), and closes them with "going away" when the instance stops.
 */
@ApplicationScoped
class MeHub {

    private static final UserData.TypedKey<MeSocket> SOCKET = new UserData.TypedKey<>("me-socket");

    private final LiveConfig config;
    private final LiveHub liveHub;
    private final MemberSockets members;
    private final MePageSockets sockets;
    private final Inbox inbox;

    MeHub(LiveConfig config, LiveHub liveHub, MemberSockets members, MePageSockets sockets, Inbox inbox) {
        this.config = config;
        this.liveHub = liveHub;
        this.members = members;
        this.sockets = sockets;
        this.inbox = inbox;
    }

    /** Runs on a worker thread (it reads the database). */
    void open(WebSocketConnection connection) {
        UserData data = connection.userData();
        Long memberId = data.get(MeUpgradeCheck.MEMBER);
        if (memberId == null) { // the upgrade check did not run: cannot happen while it applies to this endpoint
            connection.close(CloseReason.INTERNAL_SERVER_ERROR).subscribe().with(x -> {
            }, e -> {
            });
            return;
        }
        String address = data.get(MeUpgradeCheck.ADDRESS);
        MeSocket socket = new MeSocket(connection, memberId, data.get(MeUpgradeCheck.SESSION),
                address == null ? "c" + connection.id() : address, SiteLocales.from(data.get(MeUpgradeCheck.LOCALE)));
        if (!sockets.take(socket.address())) { // a burst got past the check before the upgrade
            sockets.refused();
            socket.close(Viewer.TOO_MANY_SOCKETS);
            return;
        }
        data.put(SOCKET, socket);
        // Registered before the count is read: whatever is made from now on is pushed to it too.
        members.add(socket);
        if (connection.isClosed()) { // closed meanwhile: its close callback may have run before the add
            closed(connection);
            return;
        }
        if (liveHub.isGoingAway()) {
            socket.close(Viewer.GOING_AWAY);
            return;
        }
        long stamp = members.stamp();
        try {
            socket.sendCount(stamp, LiveMessage.unread(inbox.unread(memberId)));
        } catch (RuntimeException e) {
            Log.warnf("Unread count for member %d not read: %s", memberId, e.getMessage());
            socket.close(Viewer.TRY_AGAIN);
        }
    }

    void received(WebSocketConnection connection) {
        MeSocket socket = connection.userData().get(SOCKET);
        if (socket != null && !socket.allowMessage(config.floodLimit(), config.floodWindow().toMillis())) {
            socket.close(Viewer.FLOODING);
        }
    }

    void fail(WebSocketConnection connection, CloseReason reason) {
        MeSocket socket = connection.userData().get(SOCKET);
        if (socket != null) {
            socket.close(reason);
        } else if (!connection.isClosed()) {
            connection.close(reason).subscribe().with(x -> {
            }, e -> Log.debugf("Inbox connection %s not closed: %s", connection.id(), e.getMessage()));
        }
    }

    void closed(WebSocketConnection connection) {
        MeSocket socket = connection.userData().get(SOCKET);
        if (socket != null) {
            members.remove(socket);
            if (socket.release()) {
                sockets.release(socket.address());
            }
        }
    }

    /** The instance stops: pages reconnect, to another instance if there is one, and are greeted with the count. */
    void goAway(@Observes ShutdownDelayInitiatedEvent event) {
        closeAll();
    }

    void stop(@Observes ShutdownEvent event) {
        closeAll();
    }

    private void closeAll() {
        members.all().stream().flatMap(s -> List.copyOf(s).stream()).forEach(s -> s.close(Viewer.GOING_AWAY));
    }
}
