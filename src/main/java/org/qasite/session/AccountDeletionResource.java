package org.qasite.session;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.qasite.limit.ClientAddress;
import org.qasite.limit.RateLimiter;
import org.qasite.member.CurrentMember;
import org.qasite.member.Member;
import org.qasite.member.MemberResource;
import org.qasite.member.MemberService;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.LoginAction;
import org.qasite.text.i18n.Refusals;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.LoginRedirect;

import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /settings/delete}: a member deletes their account, with their password. A wrong password counts as a
 * failed login of the name ({@link LoginThrottle}): the form cannot be used to guess it faster than the login form.
 */
@Path("/settings/delete")
@Produces(MediaType.TEXT_HTML)
public class AccountDeletionResource {

    /** The field of the settings page that a refusal is shown beside. */
    static final String FIELD = "delete_password";

    private final CurrentMember me;
    private final MemberService members;
    private final OwnPassword ownPassword;
    private final Sessions sessions;
    private final SessionCookies cookies;

    AccountDeletionResource(CurrentMember me, MemberService members, OwnPassword ownPassword, Sessions sessions,
            SessionCookies cookies) {
        this.me = me;
        this.members = members;
        this.ownPassword = ownPassword;
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@RestForm String password, RoutingContext ctx) {
        Member member = me.get().orElse(null);
        if (member == null) {
            return LoginRedirect.to(Refusals.loginTo(LoginAction.DELETE_ACCOUNT), "/settings");
        }
        if (password == null || password.isEmpty()) {
            return refused(member, 400, Refusals.now().delete_enter_password(), null);
        }
        LoginThrottle.Origin origin = new LoginThrottle.Origin(ClientAddress.of(ctx.request()), cookies.deviceId(ctx));
        try {
            if (!ownPassword.matches(member, password, origin)) {
                return refused(member, 400, Refusals.now().delete_wrong_password(), null);
            }
        } catch (QaException held) {
            return refused(member, 429,
                    Refusals.now().delete_too_many(RateLimiter.describe(held.retryAfter(), Refusals.now())),
                    held.retryAfter());
        }
        members.deleteAccount(member.id);
        sessions.endAll(member.id); // the row stopped every session at the commit; this forgets them here at once
        cookies.forget(ctx);
        return Response.seeOther(URI.create("/"))
                .cookie(Flash.set(ReaderLocale.words().flash_account_deleted(ReaderLocale.words().deleted_member()))).build();
    }

    private static Response refused(Member member, int status, String message, Duration retryAfter) {
        Response.ResponseBuilder response = Response.status(status)
                .entity(MemberResource.settingsPage(member, Map.of(FIELD, message)));
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, QaException.wholeSeconds(retryAfter));
        }
        return response.build();
    }
}
