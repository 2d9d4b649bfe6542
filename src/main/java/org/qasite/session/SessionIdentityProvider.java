package org.qasite.session;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Tells whether the session a cookie names is still in force. An ended or unknown session gives an anonymous identity
 * (the request goes on as a visitor's and the mechanism clears the cookie), not a failure: a failure would send every
 * page of a logged-out browser to the login form.
 */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<SessionRequest> {

    private final Sessions sessions;

    SessionIdentityProvider(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionRequest> getRequestType() {
        return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Sessions.Active session = sessions.find(request.cookie().sessionId());
            if (session == null || session.memberId() != request.cookie().memberId()) {
                return QuarkusSecurityIdentity.builder().setAnonymous(true).build();
            }
            if (request.renew()) {
                sessions.touch(session.id());
            }
            return SessionIdentity.of(session);
        });
    }
}
