package org.qasite.web.guard;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.qasite.text.i18n.Refusals;
import org.qasite.text.i18n.SiteLocales;
import org.qasite.web.Site;
import org.qasite.web.error.ErrorMapper;
import org.qasite.web.i18n.ReaderLocale;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses requests that change state but cannot come from this site's own pages or a well-behaved API client, before
 * anything (login included) handles them:
 * <ul>
 * <li>a browser request from another site (foreign {@code Origin}, or {@code Sec-Fetch-Site: cross-site/same-site}),
 * which also covers the login form that the CSRF token filter does not see;</li>
 * <li>a page request whose body is not a form (only forms carry the CSRF token), and an API request whose body is not
 * JSON (a type no other site can send without a preflight that is never granted).</li>
 * </ul>
 */
@ApplicationScoped
class RequestGuard {

    private static final List<HttpMethod> SAFE = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final SameOrigin sameOrigin;
    /**
     * In dev mode, Quarkus' own tools under /q/ on this port (Dev UI, its MCP endpoint) take JSON posts from the
     * developer's tools. Nothing else is there: health, metrics and OpenAPI are on the management interface, which this
     * filter does not see, so in production /q/ is an address like any other.
     */
    private final boolean devTools = LaunchMode.current() == LaunchMode.DEVELOPMENT;

    RequestGuard(SameOrigin sameOrigin) {
        this.sameOrigin = sameOrigin;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 1000);
    }

    /**
     * One-click unsubscribe (RFC 8058) may come from a webmail page on another site; the signed address is its proof,
     * and anyone holding it could open it anyway.
     */
    private static final Pattern ONE_CLICK_UNSUBSCRIBE = Pattern
            .compile("/unsubscribe(-[a-z]+(-[a-z]+)*)?/[0-9]+/[A-Za-z0-9_-]+");

    /**
     * API addresses that take a file. A multipart body is one that another site's form can send, so unlike JSON it is
     * not safe by its type: the CSRF filter checks the page's token (X-CSRF-TOKEN header or csrf-token field) on it.
     */
    private static final Set<String> MULTIPART_API = Set.of("/api/v1/uploads");

    /** Declared empty, or not declared at all (a DELETE as curl sends it): a message without either header has none. */
    private static boolean hasNoBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return length == null ? ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) == null : "0".equals(length);
    }

    void check(RoutingContext ctx) {
        if (SAFE.contains(ctx.request().method()) || devTools && ctx.normalizedPath().startsWith("/q/")) {
            ctx.next();
            return;
        }
        boolean api = ErrorMapper.isApi(ctx.normalizedPath());
        if (sameOrigin.isCrossSite(ctx.request()) && !ONE_CLICK_UNSUBSCRIBE.matcher(ctx.normalizedPath()).matches()) {
            refuse(ctx, api, 403, Refusals.of(api ? SiteLocales.ENGLISH : ReaderLocale.current()).cross_site());
            return;
        }
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (api && type == null && hasNoBody(ctx)) {
            ctx.next(); // an API call without a body (accept, delete): nothing to read, the origin check above applies
            return;
        }
        if (api && mediaType.equals("multipart/form-data") && MULTIPART_API.contains(ctx.normalizedPath())) {
            ctx.next(); // a file: the CSRF filter wants the page's token with it, as with a form
            return;
        }
        if (api && !mediaType.equals("application/json")) {
            refuse(ctx, true, 415, "Send JSON: Content-Type: application/json.");
            return;
        }
        if (!api && !mediaType.equals("application/x-www-form-urlencoded") && !mediaType.equals("multipart/form-data")) {
            refuse(ctx, false, 400, "This address only accepts forms sent from the site's own pages.");
            return;
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, boolean api, int status, String message) {
        ErrorMapper.refuse(ctx, api, status, message);
    }
}
