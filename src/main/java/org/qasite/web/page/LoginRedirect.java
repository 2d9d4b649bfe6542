package org.qasite.web.page;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.Cookie;

/** Sends a visitor to the login page with the reason, and back to where they were once logged in. */
public final class LoginRedirect {

    /** The cookie the login reads to know where to go after a successful login. */
    public static final String RETURN_COOKIE = "qa-return-to";

    /**
     * A path of this site, as a return address may be: no scheme or host (so a login can never lead to another site), no
     * "//" at the start (another host to a browser), only characters that need no encoding.
     */
    private static final Pattern SAFE_PATH = Pattern.compile("/(?!/)[A-Za-z0-9._~/-]*(\\?[A-Za-z0-9._~=&%-]*)?");

    private LoginRedirect() {
    }

    /**
     * @param returnPath the page to come back to, a path of this site such as {@code /questions/12}; anything else
     *        (a raw id out of an address, say) comes back to the front page instead
     */
    public static Response to(String why, String returnPath) {
        String back = safe(returnPath);
        NewCookie returnTo = new NewCookie.Builder(RETURN_COOKIE).value(back).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge(3600).build();
        return Response.seeOther(URI.create("/login")).cookie(Flash.set(why), returnTo).build();
    }

    /** Where a successful login goes: the return cookie's path when it is a safe one, else the front page. */
    public static String returnPath(Cookie cookie) {
        return cookie == null ? "/" : safe(cookie.getValue());
    }

    /** Drops the return cookie once the login used it. */
    public static Cookie clearReturn() {
        return Cookie.cookie(RETURN_COOKIE, "").setPath("/").setHttpOnly(true).setMaxAge(0);
    }

    static String safe(String path) {
        return path != null && path.length() <= 500 && SAFE_PATH.matcher(path).matches() ? path : "/";
    }
}
