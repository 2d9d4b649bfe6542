package org.qasite.web.page;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The header's "Log in" and "Sign up" links, which come back to the page they are on. The account pages themselves
 * (and a page answering a form) link without a return address, so that the one already kept stays.
 */
@Named("loginLinks")
@RequestScoped
public class LoginLinks {

    /** Pages not to come back to: the account pages, and those whose address holds a one-time token. */
    private static final Set<String> ACCOUNT_PAGES = Set.of("/login", "/signup", "/logout", "/forgot-password",
            "/reset-password", "/verify-email");

    private final CurrentVertxRequest request;

    LoginLinks(CurrentVertxRequest request) {
        this.request = request;
    }

    public String getLogin() {
        return link("/login");
    }

    public String getSignup() {
        return link("/signup");
    }

    private String link(String page) {
        RoutingContext ctx = request.getCurrent();
        if (ctx == null || !HttpMethod.GET.equals(ctx.request().method()) || ACCOUNT_PAGES.contains(ctx.normalizedPath())) {
            return page;
        }
        return LoginRedirect.link(page, ctx.request().uri());
    }
}
