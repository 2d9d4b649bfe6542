package org.qasite.session;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.web.Site;
import org.qasite.web.guard.SecurityHeaders;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The cookies of logging in: the session cookie and the device cookie, all {@code HttpOnly}, {@code SameSite=Lax},
 * {@code Secure} when the public address is https. Set through Vert.x, so that a later one of the same name in the same
 * response replaces an earlier one instead of following it.
 */
@ApplicationScoped
class SessionCookies {

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final SessionConfig config;
    private final LoginConfig loginConfig;
    private final SessionCookie codec;
    private final Site site;
    private final SecureRandom random = new SecureRandom();

    SessionCookies(SessionConfig config, LoginConfig loginConfig, SessionCookie codec, Site site) {
        this.config = config;
        this.loginConfig = loginConfig;
        this.codec = codec;
        this.site = site;
    }

    /** What the request's session cookie says, or null when it has none or one that does not decode. */
    SessionCookie.Value read(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(config.cookieName());
        return cookie == null ? null : codec.decode(cookie.getValue());
    }

    /** The cookie lasts as long as the session may: until its idle deadline, never past its absolute end. */
    void setSession(RoutingContext ctx, SessionCookie.Value value) {
        Duration untilEnd = Duration.between(Instant.now(), value.createdAt().plus(config.absoluteLifetime()));
        Duration maxAge = untilEnd.compareTo(config.idleTimeout()) < 0 ? untilEnd : config.idleTimeout();
        ctx.response().addCookie(cookie(config.cookieName(), codec.encode(value), maxAge));
    }

    void clearSession(RoutingContext ctx) {
        ctx.response().addCookie(cookie(config.cookieName(), "", Duration.ZERO));
    }

    /** Logs the browser out: its session cookie goes, and its CSRF cookie with it. */
    void forget(RoutingContext ctx) {
        clearSession(ctx);
        SecurityHeaders.rotateCsrf(ctx);
    }

    /** The browser's device cookie, when it is one this site could have set. */
    String deviceId(RoutingContext ctx) {
        Cookie device = ctx.request().getCookie(loginConfig.deviceCookieName());
        return device != null && DEVICE_ID.matcher(device.getValue()).matches() ? device.getValue() : null;
    }

    /** A new random device id (128 bits): unguessable, so that only the browser holding it is "known". */
    String newDeviceId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /** Set again with every login, so that a browser in use stays known. */
    void setDevice(RoutingContext ctx, String deviceId) {
        ctx.response().addCookie(cookie(loginConfig.deviceCookieName(), deviceId, loginConfig.knownDeviceLifetime()));
    }

    private Cookie cookie(String name, String value, Duration maxAge) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(site.isHttps()).setMaxAge(Math.max(0, maxAge.toSeconds()));
    }
}
