package org.qasite.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.web.guard.SecurityHeaders;

import io.vertx.ext.web.RoutingContext;

/**
 * What every way of logging in does once its session is started (a login, a signup): the session this browser had
 * ends, the session's and the device's cookies are set, and the CSRF token changes with the identity.
 */
@ApplicationScoped
class SessionStart {

    private final SessionCookies cookies;
    private final Sessions sessions;

    SessionStart(SessionCookies cookies, Sessions sessions) {
        this.cookies = cookies;
        this.sessions = sessions;
    }

    void settle(RoutingContext ctx, UUID session, long memberId, Instant createdAt, String device) {
        SessionCookie.Value before = cookies.read(ctx);
        if (before != null) {
            sessions.endQuietly(before.sessionId()); // logging in again: the session this browser had is over
        }
        cookies.setSession(ctx, new SessionCookie.Value(session, memberId, createdAt, Instant.now()));
        cookies.setDevice(ctx, device);
        SecurityHeaders.rotateCsrf(ctx);
    }

    /** The browser's device id, or a new one for a browser that has none yet. */
    String device(RoutingContext ctx) {
        String device = cookies.deviceId(ctx);
        return device != null ? device : cookies.newDeviceId();
    }
}
