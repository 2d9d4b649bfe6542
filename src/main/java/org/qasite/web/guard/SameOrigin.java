package org.qasite.web.guard;

import java.net.URI;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.web.Site;
import org.qasite.web.SiteConfig;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

/**
 * Tells a browser's request from another site ({@code Sec-Fetch-Site}, {@code Origin}) from one of this site's own
 * pages: for requests that change state, and for the live answers' WebSocket upgrade.
 */
@ApplicationScoped
public class SameOrigin {

    /** The site's public origin (behind a proxy the request itself may name an internal host). */
    private final String publicOrigin;

    SameOrigin(SiteConfig site) {
        this.publicOrigin = origin(site.baseUrl());
    }

    public boolean isCrossSite(HttpServerRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equals(fetchSite) || "same-site".equals(fetchSite)) {
            return true;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false; // not a browser's cross-origin request (curl, scripts, old same-origin forms)
        }
        String normalised = origin(origin);
        if (normalised == null) {
            return true; // "null" (sandboxed frames, files) or something that is no origin
        }
        // The address the request was sent to (HTTP/1 Host or HTTP/2 :authority), or the configured public one.
        HostAndPort authority = request.authority();
        String requested = authority == null ? null : origin(request.scheme(), authority.host(), authority.port());
        return !(normalised.equals(requested) || normalised.equals(publicOrigin));
    }

    /** scheme://host:port in lower case, with the scheme's default port written out; null if not an http(s) origin. */
    public static String origin(String address) {
        try {
            URI uri = URI.create(address.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            return null;
        }
        int p = port > 0 ? port : s.equals("https") ? 443 : 80;
        return s + "://" + host.toLowerCase(Locale.ROOT) + ":" + p;
    }
}
