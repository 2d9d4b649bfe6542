package org.qasite.session;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;

import org.qasite.limit.RateLimiter;
import org.qasite.member.Member;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * A logged-in member's own password, asked again before a change that matters (a new password, deleting the
 * account): checked like a login's, so that a stolen session guesses it no faster than the login form could.
 */
@ApplicationScoped
class OwnPassword {

    private final LoginThrottle throttle;

    OwnPassword(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /**
     * Whether this is the member's password; a wrong one counts as a failed login of their name from this origin.
     *
     * @throws QaException 429, with the wait, while failed logins hold the name back for this origin
     */
    boolean matches(Member member, String password, LoginThrottle.Origin origin) {
        String tryId = UUID.randomUUID().toString();
        Duration wait = throttle.tryLogin(member.username, origin, tryId);
        if (wait != null) {
            throw new QaException(Status.TOO_MANY_REQUESTS.getStatusCode(),
                    Refusals.now().too_many_wrong_passwords(RateLimiter.describe(wait, Refusals.now())), List.of(), wait);
        }
        if (!BcryptUtil.matches(password, member.passwordHash)) {
            return false;
        }
        throttle.succeeded(member.username, origin, tryId);
        return true;
    }
}
