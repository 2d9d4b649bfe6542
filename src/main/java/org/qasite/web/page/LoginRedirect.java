package org.qasite.web.page;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * Sends a visitor to the login page with the reason, and back to where they were once logged in (or signed up). The
 * return address travels in the {@link #RETURN_COOKIE} cookie: set by a refused form's redirect, or by the login and
 * signup pages from their {@code return} query parameter, which every link to them carries.
 */
public final class LoginRedirect {

    /** The cookie the login reads to know where to go after a successful login. */
    public static final String RETURN_COOKIE = "qa-return-to";

    /**
     * A path of this site, as a return address may be: no scheme or host (so a login can never lead to another site), no
     * "//" at the start (another host to a browser), only characters that need no encoding; a query and a fragment (the
     * answer to scroll to) may follow.
     */
    private static final Pattern SAFE_PATH = Pattern
            .compile("/(?!/)[A-Za-z0-9._~/-]*(\\?[A-Za-z0-9._~=&%+-]*)?(#[A-Za-z0-9._~-]*)?");

    private LoginRedirect() {
    }

    /**
     * @param returnPath the page to come back to, a path of this site such as {@code /questions/12}; anything else
     *        (a raw id out of an address, say) comes back to the front page instead
     */
    public static Response to(String why, String returnPath) {
        return Response.seeOther(URI.create("/login")).cookie(Flash.set(why), returnCookie(returnPath)).build();
    }

    /** The cookie that remembers where to go after the login: the path when it is a safe one, else the front page. */
    public static NewCookie returnCookie(String returnPath) {
        return new NewCookie.Builder(RETURN_COOKIE).value(safe(returnPath)).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge(3600).build();
    }

    /**
     * Where a successful login or signup goes: the return cookie's path when it is a safe one, else the front page. The
     * cookie is dropped with this response, so that a later login does not go there again.
     */
    public static String takeReturn(HttpServerRequest request) {
        Cookie cookie = request.getCookie(RETURN_COOKIE);
        if (cookie == null) {
            return "/";
        }
        request.response().addCookie(Cookie.cookie(RETURN_COOKIE, "").setPath("/").setHttpOnly(true).setMaxAge(0));
        return safe(cookie.getValue());
    }

    /** A link to {@code page} ("/login", "/signup") that comes back to {@code returnPath} afterwards. */
    public static String link(String page, String returnPath) {
        return page + "?return=" + URLEncoder.encode(safe(returnPath), StandardCharsets.UTF_8);
    }

    /** The path itself when it is one of this site's that a login may return to, else the front page. */
    public static String safe(String path) {
        return path != null && path.length() <= 500 && SAFE_PATH.matcher(path).matches() ? path : "/";
    }
}
