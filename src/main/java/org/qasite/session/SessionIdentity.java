package org.qasite.session;

import java.time.Instant;
import java.util.UUID;

import org.qasite.member.Member;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The identity of a logged-in request, with the session it belongs to. */
public final class SessionIdentity {

    static final String SESSION_ID = "qa.session.id";
    static final String CREATED_AT = "qa.session.created-at";

    private SessionIdentity() {
    }

    static SecurityIdentity of(Sessions.Active session) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(session.username()))
                .addRole(session.role()).addAttribute(SESSION_ID, session.id())
                .addAttribute(Member.IDENTITY_ID, session.memberId()).addAttribute(CREATED_AT, session.createdAt()).build();
    }

    /** The session of the request's identity, or null for a visitor. */
    public static UUID sessionId(SecurityIdentity identity) {
        return identity == null ? null : identity.getAttribute(SESSION_ID);
    }

    /** The member of the request's identity, or null for a visitor. */
    public static Long memberId(SecurityIdentity identity) {
        return identity == null ? null : identity.getAttribute(Member.IDENTITY_ID);
    }

    static Instant createdAt(SecurityIdentity identity) {
        return identity.getAttribute(CREATED_AT);
    }
}
