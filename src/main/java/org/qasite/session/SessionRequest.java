package org.qasite.session;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request that carries a session cookie; {@link SessionIdentityProvider} tells whether its session is in force. */
final class SessionRequest extends BaseAuthenticationRequest {

    private final SessionCookie.Value cookie;
    private final boolean renew;

    SessionRequest(SessionCookie.Value cookie, boolean renew) {
        this.cookie = cookie;
        this.renew = renew;
    }

    SessionCookie.Value cookie() {
        return cookie;
    }

    /** Whether the cookie is due for renewal on this request (and the session's "last seen" for an update). */
    boolean renew() {
        return renew;
    }
}
