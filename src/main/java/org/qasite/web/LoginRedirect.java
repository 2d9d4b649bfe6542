package org.qasite.web;

import java.net.URI;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Sends a visitor to the login page with the reason, and back to where they were once logged in. */
public final class LoginRedirect {

    /** The cookie the login form reads to know where to go after a successful login (quarkus.http.auth.form). */
    static final String RETURN_COOKIE = "qa-return-to";

    private LoginRedirect() {
    }

    /**
     * @param returnPath the page to come back to, a path of this site such as {@code /questions/12}
     */
    public static Response to(UriInfo uri, String why, String returnPath) {
        String back = uri.getBaseUri().resolve(returnPath.startsWith("/") ? returnPath.substring(1) : returnPath)
                .toString();
        NewCookie returnTo = new NewCookie.Builder(RETURN_COOKIE).value(back).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge(3600).build();
        return Response.seeOther(URI.create("/login")).cookie(Flash.set(why), returnTo).build();
    }
}
