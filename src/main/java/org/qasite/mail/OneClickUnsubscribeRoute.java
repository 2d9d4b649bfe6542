package org.qasite.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.qasite.refusal.QaException;
import org.qasite.web.error.ErrorMapper;

import io.vertx.ext.web.Router;

/**
 * {@code POST /unsubscribe/{member}/{signature}} (and {@code /unsubscribe-comments/...} for mail about comments): the
 * one-click unsubscribe of mail programs ({@code List-Unsubscribe-Post},
 * RFC 8058), and the button of the unsubscribe page ({@code ?from=page}, answered with a redirect to that page). A mail
 * program posts without a session or CSRF token, so this is a plain route outside the CSRF-checked resources; the
 * link's signature is what proves the request genuine.
 */
@ApplicationScoped
class OneClickUnsubscribeRoute {

    private final MailPreferences preferences;

    OneClickUnsubscribeRoute(MailPreferences preferences) {
        this.preferences = preferences;
    }

    void register(@Observes Router router) {
        route(router, "/unsubscribe/:member/:signature", "new answers", preferences::setNotifyAnswers);
        route(router, "/unsubscribe-comments/:member/:signature", "new comments", preferences::setNotifyComments);
    }

    /** How a member's preference about one kind of mail is set from a signed link. */
    private interface Preference {
        void set(String member, String signature, boolean on);
    }

    private static void route(Router router, String path, String about, Preference preference) {
        router.post(path).order(-10).blockingHandler(ctx -> {
            try {
                preference.set(ctx.pathParam("member"), ctx.pathParam("signature"), false);
                if ("page".equals(ctx.request().getParam("from"))) {
                    ctx.response().setStatusCode(303).putHeader("Location", ctx.normalizedPath()).end();
                    return;
                }
                ctx.response().setStatusCode(200).putHeader("Content-Type", "text/plain; charset=UTF-8")
                        .end("Unsubscribed from mail about " + about + ".\n");
            } catch (QaException e) {
                // the page's button and mail programs alike get the site's error page (a mail program only reads the status)
                ErrorMapper.refuse(ctx, false, e.status(), e.getMessage());
            }
        }, false);
    }
}
