package org.qasite.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.limit.ClientAddress;
import org.qasite.member.Member;
import org.qasite.member.NewMemberLogin;

import io.vertx.ext.web.RoutingContext;

/** The session a signup starts: the member has just chosen the password, so it is not checked again. */
@ApplicationScoped
class SignupLogin implements NewMemberLogin {

    /** A new member's session generation, the column's default: nothing can have ended their sessions yet. */
    private static final long FIRST_GENERATION = 0;

    private final Sessions sessions;
    private final SessionStart start;

    SignupLogin(Sessions sessions, SessionStart start) {
        this.sessions = sessions;
        this.start = start;
    }

    @Override
    public boolean logIn(Member member, RoutingContext ctx) {
        UUID session = sessions.start(member.id, FIRST_GENERATION, ctx.request().getHeader("User-Agent"),
                ClientAddress.of(ctx.request()));
        if (session == null) {
            return false;
        }
        start.settle(ctx, session, member.id, Instant.now(), start.device(ctx));
        return true;
    }
}
