package org.qasite.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

/** Keeps the site's Vert.x router, to list the routes that are registered on it rather than declared with JAX-RS. */
@ApplicationScoped
class RegisteredRoutes {

    private volatile Router router;

    void capture(@Observes Router router) {
        this.router = router;
    }

    /** The routes with a path of their own (not the catch-alls of the REST layer, nor the management endpoints). */
    List<SiteRoutes.Route> routes() {
        List<SiteRoutes.Route> found = new ArrayList<>();
        if (router == null) {
            return found;
        }
        for (Route route : router.getRoutes()) {
            String path = route.getPath();
            if (path == null || path.startsWith("/q/") || path.equals("/") || path.endsWith("*")) {
                continue;
            }
            List<HttpMethod> methods = route.methods() == null || route.methods().isEmpty()
                    ? List.of(HttpMethod.GET, HttpMethod.POST)
                    : List.copyOf(route.methods());
            for (HttpMethod method : methods) {
                found.add(SiteRoutes.vertx(method.name(), path));
            }
        }
        return found;
    }
}
