package org.qasite.member;

import io.vertx.ext.web.RoutingContext;

/**
 * Logs a member in right after the signup, with a session like any login's, so that nobody types the new password
 * again. Implemented by the session feature, which sits above this one.
 */
public interface NewMemberLogin {

    /** Starts the session and sets its cookies on the response; answers false when no session could start. */
    boolean logIn(Member member, RoutingContext ctx);
}
