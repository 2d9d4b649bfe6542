package org.qasite.session;

import java.time.Duration;
import java.util.Map;

import io.quarkus.security.AuthenticationFailedException;

/** A login that did not succeed: a wrong name or password, or one tried again too soon after failures. */
final class LoginRefused {

    private static final String RETRY_AFTER = "qa.login.retry-after";

    private LoginRefused() {
    }

    static AuthenticationFailedException wrong() {
        return new AuthenticationFailedException("wrong username or password");
    }

    static AuthenticationFailedException tooSoon(Duration retryAfter) {
        return new AuthenticationFailedException("too many failed logins", Map.of(RETRY_AFTER, retryAfter));
    }

    /** How long to wait before trying again, or null for a plain wrong login (or another failure). */
    static Duration retryAfter(Throwable failure) {
        return failure instanceof AuthenticationFailedException refused ? refused.getAttribute(RETRY_AFTER) : null;
    }
}
