package org.qasite.session;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.limit.ClientAddress;
import org.qasite.limit.RateLimiter;
import org.qasite.member.Member;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;
import org.qasite.web.page.Flash;
import org.qasite.web.page.LoginRedirect;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /login} (fields {@code username}, {@code password}), answered here: a redirect back to where the member
 * was (or the front page) with the session cookie, or to the login form again with the name kept and, after many
 * failures, how long to wait. The browser's device id is settled before the password is checked, so that a right login
 * makes the very browser it came from known.
 */
@ApplicationScoped
class LoginForm {

    static final String PATH = "/login";
    /** The device id of this login, as {@link PasswordLogin} records it. */
    private static final String DEVICE = "qa.login.device";

    private final SessionStart start;

    LoginForm(SessionStart start) {
        this.start = start;
    }

    /** Completes with no identity: this request itself needs none, the next one carries the cookie. */
    Uni<SecurityIdentity> answer(RoutingContext ctx, IdentityProviderManager identities) {
        ctx.request().setExpectMultipart(true);
        return Uni.createFrom().<MultiMap> emitter(emitter -> {
            ctx.request().endHandler(ended -> emitter.complete(ctx.request().formAttributes()));
            ctx.request().exceptionHandler(emitter::fail);
            ctx.request().resume();
        }).onItem().transformToUni(form -> {
            String username = form.get("username");
            String password = form.get("password");
            if (username == null || password == null) {
                failed(ctx, username, null);
                return Uni.createFrom().<SecurityIdentity> nullItem();
            }
            ctx.put(DEVICE, start.device(ctx));
            AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                    new UsernamePasswordAuthenticationRequest(username, new PasswordCredential(password.toCharArray())),
                    ctx);
            return identities.authenticate(request).onItemOrFailure().transform((identity, failure) -> {
                if (failure != null) {
                    failed(ctx, username, LoginRefused.retryAfter(failure));
                } else {
                    loggedIn(ctx, identity);
                }
                return null;
            });
        });
    }

    /** Where a login comes from: the client's address and the device id settled for this login. */
    static LoginThrottle.Origin origin(RoutingContext ctx) {
        if (ctx == null) {
            return new LoginThrottle.Origin(null, null);
        }
        return new LoginThrottle.Origin(ClientAddress.of(ctx.request()), ctx.get(DEVICE));
    }

    private void loggedIn(RoutingContext ctx, SecurityIdentity identity) {
        start.settle(ctx, SessionIdentity.sessionId(identity), SessionIdentity.memberId(identity),
                SessionIdentity.createdAt(identity), ctx.get(DEVICE));
        redirect(ctx, LoginRedirect.takeReturn(ctx.request()));
    }

    private static void failed(RoutingContext ctx, String username, Duration retryAfter) {
        if (retryAfter != null) {
            ctx.response().addCookie(Flash.setOnVertx(Refusals.now().too_many_logins(
                    RateLimiter.describe(retryAfter, Refusals.now()))));
            ctx.response().putHeader("Retry-After", Long.toString(QaException.wholeSeconds(retryAfter)));
        }
        // the name goes back into the form when it is one a member could have (it then needs no encoding either)
        String keep = Member.isPossibleUsername(username) ? "&username=" + username : "";
        redirect(ctx, PATH + "?error=true" + keep);
    }

    /** 303: the login form was a POST, the page it leads to is a GET. */
    private static void redirect(RoutingContext ctx, String path) {
        ctx.response().setStatusCode(303).putHeader(HttpHeaderNames.LOCATION, path).end();
    }
}
