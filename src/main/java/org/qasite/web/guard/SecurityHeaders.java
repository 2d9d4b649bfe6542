package org.qasite.web.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.qasite.web.Site;
import org.qasite.web.SiteConfig;
import org.qasite.web.i18n.ReaderLocale;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;

/**
 * What every response of the site says about itself, in one place:
 * <ul>
 * <li>a Content Security Policy without inline script or style (the pages load their own script and style files; posts
 * may show pictures from other sites), no framing, no type sniffing, no referrer to other sites, and HSTS when the
 * public address is https;</li>
 * <li>every cookie {@code SameSite=Lax}, and {@code Secure} when the public address is https, whoever set it (the
 * CSRF filter, the login, a page); no cookie at all on responses that caches may share (pictures, bundles);</li>
 * <li>redirects that name a path of the site, never the host a request claimed ({@code Host:} is the client's to
 * forge): relative, or the configured public address for a created resource.</li>
 * </ul>
 * The operations endpoints on the management port are not served by this router. In dev mode Quarkus' tools under
 * {@code /q/} on this port get no policy: they need their inline scripts.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: https: http:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private static final String ROTATE_CSRF = "qa.rotate-csrf";

    /** Paths whose responses may be cached and shared: they carry no cookie. */
    private static final List<String> SHARED = List.of("/avatars/", "/uploads/", "/static/");

    /** Quarkus' development tools under /q/ (dev mode only, on this port) have their own inline scripts. */
    private final boolean devTools = LaunchMode.current() == LaunchMode.DEVELOPMENT;

    private final Site site;
    private final SiteConfig config;
    private final String csrfCookie;
    /** The public address' scheme, host and port as written in qa.site.base-url. */
    private final String publicOrigin;

    SecurityHeaders(Site site, SiteConfig config, @ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String csrfCookie) {
        this.site = site;
        this.config = config;
        this.csrfCookie = csrfCookie;
        String base = site.getBaseUrl();
        int authorityStart = base.indexOf("://") + 3;
        int authorityEnd = base.indexOf('/', authorityStart);
        this.publicOrigin = authorityEnd < 0 ? base : base.substring(0, authorityEnd);
    }

    void register(@Observes Filters filters) {
        filters.register(this::apply, 2500);
    }

    void apply(RoutingContext ctx) {
        MultiMap headers = ctx.response().headers();
        if (!(devTools && ctx.normalizedPath().startsWith("/q/"))) {
            headers.set("Content-Security-Policy", POLICY);
        }
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        if (site.isHttps()) {
            headers.set("Strict-Transport-Security", "max-age=" + config.hstsMaxAge().toSeconds());
        }
        ctx.addHeadersEndHandler(done -> beforeHeaders(ctx));
        ctx.next();
    }

    /**
     * Drops the CSRF cookie with this response (login, logout): the next page gets a new token, and one seen before is
     * worth nothing. Done last, because the CSRF filter sets its cookie again on its way out.
     */
    public static void rotateCsrf(RoutingContext ctx) {
        ctx.put(ROTATE_CSRF, Boolean.TRUE);
    }

    /** Whether responses to this path may be cached and shared (pictures, bundles): they never carry a cookie. */
    public static boolean isShared(String path) {
        return SHARED.stream().anyMatch(path::startsWith);
    }

    private void beforeHeaders(RoutingContext ctx) {
        if (Boolean.TRUE.equals(ctx.get(ROTATE_CSRF))) {
            ctx.response().addCookie(Cookie.cookie(csrfCookie, "").setPath("/").setMaxAge(0).setHttpOnly(true));
        }
        boolean shared = isShared(ctx.normalizedPath());
        varyByReader(ctx.response().headers(), ctx.normalizedPath());
        fixCookieHeaders(ctx.response().headers(), shared);
        fixCookieJar(ctx, shared);
        fixLocation(ctx);
    }

    /**
     * A page's (and a feed's) language follows the browser's Accept-Language and the member's session (their setting):
     * a cache in front of the site must never give one reader's page to another.
     */
    private static void varyByReader(MultiMap headers, String path) {
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type != null && (type.startsWith("text/html") || type.startsWith("application/atom+xml"))) {
            headers.add(HttpHeaders.VARY, "Accept-Language, Cookie");
        } else if (type != null && type.startsWith("application/json") && path.startsWith("/api/")) {
            // an API refusal is English, or the reader's language for the page scripts that ask for it
            headers.add(HttpHeaders.VARY, ReaderLocale.LANGUAGE_HEADER + ", Accept-Language, Cookie");
        }
    }

    /** Cookies set as headers (by JAX-RS responses). */
    private void fixCookieHeaders(MultiMap headers, boolean shared) {
        List<String> cookies = headers.getAll(HttpHeaders.SET_COOKIE);
        if (cookies.isEmpty()) {
            return;
        }
        headers.remove(HttpHeaders.SET_COOKIE);
        if (shared) {
            return;
        }
        List<String> fixed = new ArrayList<>(cookies.size());
        for (String cookie : cookies) {
            String lower = cookie.toLowerCase(Locale.ROOT);
            StringBuilder out = new StringBuilder(cookie);
            if (!lower.contains("samesite=")) {
                out.append("; SameSite=Lax");
            }
            if (site.isHttps() && !lower.matches(".*;\\s*secure\\s*(;.*)?$")) {
                out.append("; Secure");
            }
            fixed.add(out.toString());
        }
        fixed.forEach(cookie -> headers.add(HttpHeaders.SET_COOKIE, cookie));
    }

    /**
     * Cookies set through Vert.x (the CSRF filter, the login), still to be written after this handler. Only those
     * changed in this response: the ones the browser sent are in the same jar.
     */
    private void fixCookieJar(RoutingContext ctx, boolean shared) {
        List<String> drop = new ArrayList<>();
        for (Cookie cookie : ctx.request().cookies()) {
            if (!(cookie instanceof ServerCookie server) || !server.isChanged()) {
                continue;
            }
            if (shared) {
                drop.add(cookie.getName());
                continue;
            }
            if (cookie.getSameSite() == null) {
                cookie.setSameSite(CookieSameSite.LAX);
            }
            if (site.isHttps()) {
                cookie.setSecure(true);
            }
        }
        drop.forEach(name -> ctx.response().removeCookies(name, false));
    }

    /**
     * The site sends browsers only to its own pages, so an absolute Location names either the configured public address
     * or the host the request claimed (JAX-RS makes a Location absolute with it): the latter becomes a path (a redirect)
     * or the public address (a created resource). The authority is compared as written, not parsed: a claimed host that
     * is no valid host name (say with an "_") must not slip through as "somewhere else".
     */
    private void fixLocation(RoutingContext ctx) {
        String location = ctx.response().headers().get(HttpHeaders.LOCATION);
        int schemeEnd = location == null ? -1
                : location.regionMatches(true, 0, "http:", 0, 5) ? 5
                        : location.regionMatches(true, 0, "https:", 0, 6) ? 6 : -1;
        if (schemeEnd < 0) {
            return; // a path already
        }
        int pathStart = schemeEnd;
        if (location.startsWith("//", schemeEnd)) {
            pathStart += 2;
            while (pathStart < location.length() && "/?#".indexOf(location.charAt(pathStart)) < 0) {
                pathStart++;
            }
            if (location.substring(0, pathStart).equalsIgnoreCase(publicOrigin)) {
                return;
            }
        } // else "http:/login": a request without any Host (HTTP/1.0) gave no authority at all
        String path = location.substring(pathStart);
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        ctx.response().headers().set(HttpHeaders.LOCATION,
                ctx.response().getStatusCode() == 201 ? site.absoluteUrl(path) : path);
    }
}
