package org.qasite.session;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.limit.RateLimiter;
import org.qasite.member.Member;
import org.qasite.web.Flash;
import org.qasite.web.LoginRedirect;
import org.qasite.web.SecurityHeaders;
import org.qasite.web.Site;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Logs members in and recognises them: {@code POST /login} checks the form's name and password and sets the session
 * cookie; every other request with the cookie is a member's while the session it names is in force (checked by
 * {@link SessionIdentityProvider}), its cookie renewed as it is used. A cookie that is broken, expired or names an
 * ended session is cleared and the request goes on as a visitor's.
 */
@ApplicationScoped
class SessionMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PATH = "/login";
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    /** Responses that are cached or answered outside a page: no cookie is renewed on them. */
    private static final Set<String> NO_RENEWAL = Set.of("/avatars/", "/static/", "/ws/");

    private final SessionConfig config;
    private final LoginConfig loginConfig;
    private final SessionCookie codec;
    private final Site site;
    private final SecureRandom random = new SecureRandom();

    SessionMechanism(SessionConfig config, LoginConfig loginConfig, SessionCookie codec, Site site) {
        this.config = config;
        this.loginConfig = loginConfig;
        this.codec = codec;
        this.site = site;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext ctx, IdentityProviderManager identities) {
        if (ctx.request().method() == HttpMethod.POST && LOGIN_PATH.equals(ctx.normalizedPath())) {
            return logIn(ctx, identities);
        }
        Cookie cookie = ctx.request().getCookie(config.cookieName());
        if (cookie == null) {
            return Uni.createFrom().nullItem();
        }
        SessionCookie.Value value = codec.decode(cookie.getValue());
        Instant now = Instant.now();
        if (value == null || value.renewedAt().plus(config.idleTimeout()).isBefore(now)
                || value.createdAt().plus(config.absoluteLifetime()).isBefore(now)) {
            clearSessionCookie(ctx);
            return Uni.createFrom().nullItem();
        }
        boolean renew = value.renewedAt().plus(config.renewInterval()).isBefore(now) && renewsOn(ctx.normalizedPath());
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new SessionRequest(value, renew), ctx))
                .onItem().transform(identity -> {
                    if (identity.isAnonymous()) {
                        clearSessionCookie(ctx); // the session ended (logged out, all sessions ended, time up)
                        return null;
                    }
                    if (renew) {
                        setSessionCookie(ctx, new SessionCookie.Value(value.sessionId(), value.memberId(),
                                value.createdAt(), now));
                    }
                    return identity;
                });
    }

    /**
     * Reads the login form, and answers it here: a redirect back to where the member was (or the front page) with the
     * session cookie, or to the login form again with the name kept and, after many failures, how long to wait.
     * Completes with no identity: this request itself needs none, the next one carries the cookie.
     */
    private Uni<SecurityIdentity> logIn(RoutingContext ctx, IdentityProviderManager identities) {
        ctx.request().setExpectMultipart(true);
        return Uni.createFrom().<MultiMap> emitter(emitter -> {
            ctx.request().endHandler(ended -> emitter.complete(ctx.request().formAttributes()));
            ctx.request().exceptionHandler(emitter::fail);
            ctx.request().resume();
        }).onItem().transformToUni(form -> {
            String username = form.get("username");
            String password = form.get("password");
            if (username == null || password == null) {
                loginFailed(ctx, username, null);
                return Uni.createFrom().<SecurityIdentity> nullItem();
            }
            AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                    new UsernamePasswordAuthenticationRequest(username, new PasswordCredential(password.toCharArray())),
                    ctx);
            return identities.authenticate(request).onItemOrFailure().transform((identity, failure) -> {
                if (failure != null) {
                    loginFailed(ctx, username, LoginRefused.retryAfter(failure));
                } else {
                    loggedIn(ctx, identity);
                }
                return null;
            });
        });
    }

    private void loggedIn(RoutingContext ctx, SecurityIdentity identity) {
        Instant now = Instant.now();
        setSessionCookie(ctx, new SessionCookie.Value(SessionIdentity.sessionId(identity),
                SessionIdentity.memberId(identity), SessionIdentity.createdAt(identity), now));
        if (deviceId(ctx) == null) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            ctx.response().addCookie(cookie(loginConfig.deviceCookieName(),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(id), loginConfig.knownDeviceLifetime()));
        }
        SecurityHeaders.rotateCsrf(ctx);
        String back = LoginRedirect.returnPath(ctx.request().getCookie(LoginRedirect.RETURN_COOKIE));
        if (ctx.request().getCookie(LoginRedirect.RETURN_COOKIE) != null) {
            ctx.response().addCookie(expired(LoginRedirect.RETURN_COOKIE));
        }
        redirect(ctx, back);
    }

    private void loginFailed(RoutingContext ctx, String username, Duration retryAfter) {
        if (retryAfter != null) {
            ctx.response().addCookie(Flash.setOnVertx("Too many failed logins for this name. Try again in "
                    + RateLimiter.describe(retryAfter) + "."));
            ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        // the name goes back into the form when it is one a member could have (it then needs no encoding either)
        String keep = username != null && Member.USERNAME.matcher(username).matches() ? "&username=" + username : "";
        redirect(ctx, LOGIN_PATH + "?error=true" + keep);
    }

    private static void redirect(RoutingContext ctx, String path) {
        ctx.response().setStatusCode(302).putHeader(HttpHeaderNames.LOCATION, path).end();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext ctx) {
        if (ctx.normalizedPath().startsWith("/api/")) {
            return Uni.createFrom().item(new ChallengeData(401, null, null));
        }
        return Uni.createFrom().item(new ChallengeData(302, HttpHeaderNames.LOCATION, LOGIN_PATH));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, SessionRequest.class);
    }

    /** Where a login comes from: the client's address (a trusted proxy's X-Forwarded-For) and its device cookie. */
    LoginThrottle.Origin origin(RoutingContext ctx) {
        if (ctx == null) {
            return new LoginThrottle.Origin("unknown", null);
        }
        String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        return new LoginThrottle.Origin(address, deviceId(ctx));
    }

    /** The browser's device cookie, when it is one this site could have set. */
    private String deviceId(RoutingContext ctx) {
        Cookie device = ctx.request().getCookie(loginConfig.deviceCookieName());
        return device != null && DEVICE_ID.matcher(device.getValue()).matches() ? device.getValue() : null;
    }

    private void setSessionCookie(RoutingContext ctx, SessionCookie.Value value) {
        Instant now = Instant.now();
        Duration untilEnd = Duration.between(now, value.createdAt().plus(config.absoluteLifetime()));
        Duration maxAge = untilEnd.compareTo(config.idleTimeout()) < 0 ? untilEnd : config.idleTimeout();
        ctx.response().addCookie(cookie(config.cookieName(), codec.encode(value), maxAge));
    }

    /**
     * Logs the browser out: its session cookie goes, and its CSRF cookie with it. Through Vert.x, so that this replaces
     * a cookie renewed earlier in the same request instead of following it.
     */
    void forget(RoutingContext ctx) {
        clearSessionCookie(ctx);
        SecurityHeaders.rotateCsrf(ctx);
    }

    private void clearSessionCookie(RoutingContext ctx) {
        ctx.response().addCookie(expired(config.cookieName()));
    }

    private Cookie cookie(String name, String value, Duration maxAge) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(site.isHttps()).setMaxAge(Math.max(0, maxAge.toSeconds()));
    }

    private Cookie expired(String name) {
        return cookie(name, "", Duration.ZERO);
    }

    private static boolean renewsOn(String path) {
        return NO_RENEWAL.stream().noneMatch(path::startsWith);
    }
}
