package org.qasite.session;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.qasite.limit.ClientAddress;
import org.qasite.member.CurrentMember;
import org.qasite.member.Member;
import org.qasite.member.MemberResource;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.LoginAction;
import org.qasite.text.i18n.Messages;
import org.qasite.text.i18n.Refusals;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /settings/password} (fields {@code current_password}, {@code password}, {@code password_confirm}): a new
 * password from the settings page. This browser stays logged in; the member's other sessions end. A refused change
 * shows the settings page again, with the messages in its password section ({@link PasswordChangeForm}).
 */
@Path("/settings/password")
public class PasswordChangeResource {

    private final CurrentMember me;
    private final SecurityIdentity identity;
    private final PasswordChangeService passwords;
    private final PasswordChangeForm form;
    private final SessionCookies cookies;
    private final MemberResource settings;

    PasswordChangeResource(CurrentMember me, SecurityIdentity identity, PasswordChangeService passwords,
            PasswordChangeForm form, SessionCookies cookies, MemberResource settings) {
        this.me = me;
        this.identity = identity;
        this.passwords = passwords;
        this.form = form;
        this.cookies = cookies;
        this.settings = settings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response change(@RestForm("current_password") String currentPassword, @RestForm String password,
            @RestForm("password_confirm") String passwordConfirm, RoutingContext ctx) {
        Member member = me.get().orElse(null);
        UUID session = SessionIdentity.sessionId(identity);
        if (member == null || session == null) {
            return LoginRedirect.to(Refusals.loginTo(LoginAction.PASSWORD), "/settings");
        }
        LoginThrottle.Origin origin = new LoginThrottle.Origin(ClientAddress.of(ctx.request()), cookies.deviceId(ctx));
        try {
            int ended = passwords.change(member, session, currentPassword, password, passwordConfirm, origin);
            String message = Messages.account(ReaderLocale.current()).password_changed(ended);
            return Response.seeOther(URI.create("/settings")).cookie(Flash.set(message)).build();
        } catch (QaException e) {
            form.refused(e);
            // the settings page as its owner renders it; the password section reads its messages from the form
            Response.ResponseBuilder page = Response.status(e.status()).entity(settings.settingsForm().getEntity())
                    .type(MediaType.TEXT_HTML_TYPE);
            if (e.retryAfter() != null) {
                page.header(HttpHeaders.RETRY_AFTER, QaException.wholeSeconds(e.retryAfter()));
            }
            return page.build();
        }
    }
}
