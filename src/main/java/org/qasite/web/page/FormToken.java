package org.qasite.web.page;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Whether forms rendered now can carry a CSRF token, and which: only while an HTTP request is being answered. Answers
 * pushed to live readers are rendered outside any request; their forms are sent by the page script through the JSON
 * API, which needs no token.
 */
@Named("formToken")
@ApplicationScoped
public class FormToken {

    private static final ThreadLocal<String> STAND_IN = new ThreadLocal<>();

    private final CsrfTokenParameterProvider csrf;

    FormToken(CsrfTokenParameterProvider csrf) {
        this.csrf = csrf;
    }

    public boolean isAvailable() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        InjectableInstance<CurrentVertxRequest> request = Arc.container().select(CurrentVertxRequest.class);
        return request.isResolvable() && request.get().getCurrent() != null;
    }

    /** The token the forms rendered now carry: the reader's, or the stand-in of {@link #renderWithStandIn}. */
    public String getValue() {
        String standIn = STAND_IN.get();
        return standIn != null ? standIn : csrf.getToken();
    }

    /**
     * Renders markup that many readers will share: its forms carry {@code standIn} instead of this reader's token, for
     * each reader's own to be put in its place. The rendering must not leave this thread.
     */
    public static String renderWithStandIn(String standIn, Supplier<String> render) {
        STAND_IN.set(standIn);
        try {
            return render.get();
        } finally {
            STAND_IN.remove();
        }
    }
}
