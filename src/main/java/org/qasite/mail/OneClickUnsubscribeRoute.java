package org.qasite.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.qasite.refusal.QaException;
import org.qasite.web.error.ErrorMapper;

import io.vertx.ext.web.Router;

/**
 * {@code POST /unsubscribe/{member}/{signature}} (and {@code /unsubscribe-comments/...}, {@code /unsubscribe-mention/...},
 * {@code /unsubscribe-daily/...}: one path per {@link UnsubscribeLinks.Topic}): the one-click unsubscribe of mail programs
 * ({@code List-Unsubscribe-Post}, RFC 8058), and the button of the unsubscribe page ({@code ?from=page}, answered with a
 * redirect to that page). A mail program posts without a session or CSRF token, so this is a plain route outside the
 * CSRF-checked resources; the link's signature is what proves the request genuine.
 */
@ApplicationScoped
class OneClickUnsubscribeRoute {

    private final MailPreferences preferences;

    OneClickUnsubscribeRoute(MailPreferences preferences) {
        this.preferences = preferences;
    }

    void register(@Observes Router router) {
        for (UnsubscribeLinks.Topic topic : UnsubscribeLinks.Topic.values()) {
            route(router, topic);
        }
    }

    private void route(Router router, UnsubscribeLinks.Topic topic) {
        String about = UnsubscribeResource.Kind.of(topic).about();
        router.post(topic.prefix() + ":member/:signature").order(-10).blockingHandler(ctx -> {
            try {
                preferences.unsubscribe(topic, ctx.pathParam("member"), ctx.pathParam("signature"));
                if ("page".equals(ctx.request().getParam("from"))) {
                    ctx.response().setStatusCode(303).putHeader("Location", ctx.normalizedPath()).end();
                    return;
                }
                ctx.response().setStatusCode(200).putHeader("Content-Type", "text/plain; charset=UTF-8")
                        .end("Unsubscribed from " + about + ".\n");
            } catch (QaException e) {
                // the page's button and mail programs alike get the site's error page (a mail program only reads the status)
                ErrorMapper.refuse(ctx, false, e.status(), e.getMessage());
            }
        }, false);
    }
}
