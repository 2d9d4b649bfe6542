package org.qasite.account;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.qasite.limit.ClientAddress;
import org.qasite.member.CurrentMember;
import org.qasite.member.Member;
import org.qasite.refusal.QaException;
import org.qasite.session.Sessions;
import org.qasite.text.i18n.LoginAction;
import org.qasite.text.i18n.Messages;
import org.qasite.text.i18n.Refusals;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.Forms;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * The pages of account mails: forgot password, reset password (from the mail's link), confirm an address (from the
 * mail's link), and the settings' "send the link again".
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forgotPassword(String email, Map<String, String> errors, String formError);

        static native TemplateInstance resetPassword(String token, String username, Map<String, String> errors,
                String formError);

        static native TemplateInstance emailConfirmed(String email, boolean changed, boolean loggedIn);

        static native TemplateInstance linkRefused(String message, boolean passwordReset);
    }

    private final PasswordResetService resets;
    private final EmailVerificationService verifications;
    private final Sessions sessions;
    private final CurrentMember me;

    AccountResource(PasswordResetService resets, EmailVerificationService verifications, Sessions sessions,
            CurrentMember me) {
        this.resets = resets;
        this.verifications = verifications;
        this.sessions = sessions;
        this.me = me;
    }

    @GET
    @Path("forgot-password")
    public TemplateInstance forgotPasswordForm(@RestQuery String email) {
        return Templates.forgotPassword(Forms.orEmpty(email), Map.of(), null);
    }

    @POST
    @Path("forgot-password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forgotPassword(@RestForm String email, HttpServerRequest request) {
        try {
            String address = resets.request(email, ClientAddress.of(request));
            return Response.seeOther(URI.create("/forgot-password"))
                    .cookie(Flash.set(ReaderLocale.words().flash_reset_sent(address))).build();
        } catch (QaException e) {
            return refused(e, Templates.forgotPassword(Forms.orEmpty(email), Forms.fieldErrors(e), e.getMessage()));
        }
    }

    @GET
    @Path("reset-password")
    public Response resetPasswordForm(@RestQuery String token) {
        try {
            Member member = resets.check(token);
            return Response.ok(Templates.resetPassword(token, member.username, Map.of(), null)).build();
        } catch (LinkRefusal e) {
            return linkRefused(e);
        }
    }

    @POST
    @Path("reset-password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@RestForm String token, @RestForm String password,
            @RestForm("password_confirm") String passwordConfirm) {
        Member member;
        try {
            member = resets.reset(token, Forms.orEmpty(password), Forms.orEmpty(passwordConfirm));
        } catch (LinkRefusal e) {
            return linkRefused(e);
        } catch (QaException e) {
            Member holder = resets.check(token);
            return refused(e, Templates.resetPassword(token, holder.username, Forms.fieldErrors(e), e.getMessage()));
        }
        // after the commit: a login checked meanwhile with the old password starts no session either
        sessions.endAll(member.id);
        return Response.seeOther(URI.create("/login?username=" + URLEncoder.encode(member.username,
                StandardCharsets.UTF_8))).cookie(Flash.set(ReaderLocale.words().flash_password_reset()))
                .build();
    }

    @GET
    @Path("verify-email")
    public Response verifyEmail(@RestQuery String token) {
        try {
            EmailVerificationService.Confirmed confirmed = verifications.confirm(token);
            return Response.ok(Templates.emailConfirmed(confirmed.email(), confirmed.changed(), me.isLoggedIn()))
                    .build();
        } catch (LinkRefusal e) {
            return linkRefused(e);
        } catch (QaException e) {
            return Response.status(e.status()).entity(Templates.linkRefused(e.getMessage(), false)).build();
        }
    }

    @POST
    @Path("settings/email/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendVerificationAgain() {
        Member member = me.get().orElse(null);
        if (member == null) {
            return LoginRedirect.to(Refusals.loginTo(LoginAction.CONFIRM_EMAIL), "/settings");
        }
        String message;
        try {
            message = verifications.sendAgain(member.id)
                    ? Messages.account(ReaderLocale.current()).verification_sent(member.email)
                    : Messages.account(ReaderLocale.current()).email_confirmed_already();
        } catch (QaException e) {
            message = e.getMessage();
        }
        return Response.seeOther(URI.create("/settings")).cookie(Flash.set(message)).build();
    }

    private static Response linkRefused(LinkRefusal e) {
        return Response.status(e.status()).entity(Templates.linkRefused(e.getMessage(), e.isPasswordReset())).build();
    }

    private static Response refused(QaException e, TemplateInstance page) {
        Response.ResponseBuilder response = Response.status(e.status()).entity(page);
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, QaException.wholeSeconds(e.retryAfter()));
        }
        return response.build();
    }
}
