package org.qasite.session;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.web.guard.SecurityHeaders;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * How the site knows its members: {@code POST /login} is answered by {@link LoginForm}; every other request with a
 * session cookie is a member's while the session it names is in force (checked by {@link SessionIdentityProvider}),
 * its cookie renewed as it is used. A cookie that is broken, expired or names an ended session is cleared and the
 * request goes on as a visitor's. (Quarkus' own form login is off: this replaces it.)
 */
@ApplicationScoped
class SessionMechanism implements HttpAuthenticationMechanism {

    private final SessionConfig config;
    private final SessionCookies cookies;
    private final LoginForm loginForm;

    SessionMechanism(SessionConfig config, SessionCookies cookies, LoginForm loginForm) {
        this.config = config;
        this.cookies = cookies;
        this.loginForm = loginForm;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext ctx, IdentityProviderManager identities) {
        if (ctx.request().method() == HttpMethod.POST && LoginForm.PATH.equals(ctx.normalizedPath())) {
            return loginForm.answer(ctx, identities);
        }
        if (ctx.request().getCookie(config.cookieName()) == null) {
            return Uni.createFrom().nullItem();
        }
        SessionCookie.Value value = cookies.read(ctx);
        Instant now = Instant.now();
        if (value == null || value.renewedAt().plus(config.idleTimeout()).isBefore(now)
                || value.createdAt().plus(config.absoluteLifetime()).isBefore(now)) {
            cookies.clearSession(ctx);
            return Uni.createFrom().nullItem();
        }
        boolean renew = value.renewedAt().plus(config.renewInterval()).isBefore(now) && renewsOn(ctx.normalizedPath());
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new SessionRequest(value, renew), ctx))
                .onItem().transform(identity -> {
                    if (identity.isAnonymous()) {
                        cookies.clearSession(ctx); // the session ended (logged out, all sessions ended, time up)
                        return null;
                    }
                    if (renew) {
                        cookies.setSession(ctx, new SessionCookie.Value(value.sessionId(), value.memberId(),
                                value.createdAt(), now));
                    }
                    return identity;
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext ctx) {
        if (ctx.normalizedPath().startsWith("/api/")) {
            return Uni.createFrom().item(new ChallengeData(401, null, null));
        }
        return Uni.createFrom().item(new ChallengeData(303, HttpHeaderNames.LOCATION, LoginForm.PATH));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, SessionRequest.class);
    }

    /** Responses that caches may share, and the live socket's upgrade: no cookie is renewed on them. */
    private static boolean renewsOn(String path) {
        return !SecurityHeaders.isShared(path) && !path.startsWith("/ws/");
    }
}
