package org.qasite.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Whether forms rendered now can carry a CSRF token: only while an HTTP request is being answered. Answers pushed to
 * live readers are rendered outside any request; their forms are sent by the page script through the JSON API, which
 * needs no token.
 */
@Named("formToken")
@ApplicationScoped
public class FormToken {

    public boolean isAvailable() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        InjectableInstance<CurrentVertxRequest> request = Arc.container().select(CurrentVertxRequest.class);
        return request.isResolvable() && request.get().getCurrent() != null;
    }
}
