package org.qasite.member;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.limit.RateLimiter;
import org.qasite.web.Flash;
import org.qasite.web.QaException;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs before the database identity store: a login name that no member can have fails like any wrong login, without
 * a query (a NUL byte would otherwise make PostgreSQL refuse the query and the login answer 500); and login attempts
 * are counted per username, so passwords cannot be guessed at speed.
 */
@ApplicationScoped
@Unremovable // found by the security layer through a wildcard lookup, which does not keep it alive
class UsernameGuard implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final RateLimiter rateLimiter;

    UsernameGuard(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        if (username == null || !Member.USERNAME.matcher(username).matches()) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String name = username.toLowerCase(Locale.ROOT);
        String address = http == null || http.request().remoteAddress() == null ? "unknown"
                : http.request().remoteAddress().hostAddress();
        return context.runBlocking(() -> {
            try {
                rateLimiter.acquire(RateLimiter.Action.LOGIN, name + "@" + address);
                rateLimiter.acquire(RateLimiter.Action.LOGIN_NAME, name);
            } catch (QaException e) {
                if (http != null) {
                    // shown by the login page the failed login is sent back to
                    http.response().addCookie(Flash.setOnVertx("Too many login attempts for this name. Try again in "
                            + RateLimiter.describe(e.retryAfter()) + "."));
                }
                throw new AuthenticationFailedException(e.getMessage());
            }
            return null; // a plausible name, tried not too often: the database store decides
        });
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000; // the generated JPA store runs at SYSTEM_FIRST + 1
    }
}
