package org.qasite.web.page;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

/**
 * A one-time message shown on the page a form redirects to ("Your answer was posted"), carried in a short-lived
 * cookie so that it works across instances without server state.
 */
@Named("flash")
@RequestScoped
public class Flash {

    static final String COOKIE = "qa-flash";

    private final HttpHeaders headers;
    private String message;
    private boolean read;

    Flash(HttpHeaders headers) {
        this.headers = headers;
    }

    /** The message left by the previous request, if any ({@link FlashFilter} clears it with the page showing it). */
    public String getMessage() {
        if (!read) {
            read = true;
            Cookie cookie = headers.getCookies().get(COOKIE);
            if (cookie != null && !cookie.getValue().isBlank()) {
                try {
                    message = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    message = null; // not a cookie this site wrote
                }
            }
        }
        return message;
    }

    public static NewCookie set(String message) {
        return new NewCookie.Builder(COOKIE).value(encode(message)).path("/").maxAge(60).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    /** The same cookie for code that answers through Vert.x rather than JAX-RS (the login form). */
    public static io.vertx.core.http.Cookie setOnVertx(String message) {
        return io.vertx.core.http.Cookie.cookie(COOKIE, encode(message)).setPath("/").setMaxAge(60).setHttpOnly(true)
                .setSameSite(io.vertx.core.http.CookieSameSite.LAX);
    }

    private static String encode(String message) {
        return URLEncoder.encode(message, StandardCharsets.UTF_8);
    }

    static NewCookie clear() {
        return new NewCookie.Builder(COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
