package org.qasite.member;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

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
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.qasite.limit.ClientAddress;
import org.qasite.refusal.QaException;
import org.qasite.text.InputText;
import org.qasite.web.page.Flash;
import org.qasite.web.page.Forms;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/** Signup (which logs the new member in), the login page and settings. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class MemberResource {

    /** What the signup form shows again after a refusal (never the passwords). */
    public record SignupForm(String username, String email) {
    }

    public record SettingsForm(String email, String displayName, boolean notifyAnswers, boolean notifyComments,
            String avatarUrl, boolean hasAvatar) {
        static SettingsForm of(Member m) {
            return new SettingsForm(m.email, m.displayName, m.notifyAnswers, m.notifyComments, m.avatarUrl(),
                    m.avatarHash != null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(SignupForm form, Map<String, String> errors, String formError);

        static native TemplateInstance login(String username, boolean failed);

        static native TemplateInstance settings(SettingsForm form, Map<String, String> errors, String formError);
    }

    private final CurrentMember me;
    private final MemberService members;
    private final AvatarStore avatars;
    private final NewMemberLogin newMemberLogin;

    MemberResource(CurrentMember me, MemberService members, AvatarStore avatars, NewMemberLogin newMemberLogin) {
        this.me = me;
        this.members = members;
        this.avatars = avatars;
        this.newMemberLogin = newMemberLogin;
    }

    @GET
    @Path("signup")
    public Response signupForm(@RestQuery("return") String returnTo) {
        return accountPage(returnTo, () -> Templates.signup(new SignupForm("", ""), Map.of(), null));
    }

    @POST
    @Path("signup")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response signup(@RestForm String username, @RestForm String email, @RestForm String password,
            @RestForm("password_confirm") String passwordConfirm, @RestForm FileUpload avatar,
            RoutingContext ctx) {
        try {
            AvatarStore.Picture picture = avatars.read(avatar);
            // the client's address; behind a trusted proxy, the one it forwarded (quarkus.http.proxy)
            String address = ClientAddress.of(ctx.request());
            Member member = members.signup(new SignupInput(username, email, password, passwordConfirm), picture,
                    address);
            String confirm = " A link to confirm your email address is on its way to " + member.email + ".";
            if (!newMemberLogin.logIn(member, ctx)) {
                return Response.seeOther(URI.create("/login?username=" + member.username))
                        .cookie(Flash.set("Welcome, " + member.username + "! Your account is ready: log in to start."
                                + confirm))
                        .build();
            }
            return Response.seeOther(URI.create(LoginRedirect.takeReturn(ctx.request())))
                    .cookie(Flash.set("Welcome, " + member.username + "! Your account is ready and you are logged in."
                            + confirm))
                    .build();
        } catch (QaException e) {
            SignupForm form = new SignupForm(Forms.orEmpty(username), Forms.orEmpty(email));
            Response.ResponseBuilder response = Response.status(e.status()).entity(
                    Templates.signup(form, renamePasswordConfirm(Forms.fieldErrors(e)), e.getMessage()));
            if (e.retryAfter() != null) {
                response.header(HttpHeaders.RETRY_AFTER, QaException.wholeSeconds(e.retryAfter()));
            }
            return response.build();
        }
    }

    private static Map<String, String> renamePasswordConfirm(Map<String, String> errors) {
        if (!errors.containsKey("passwordConfirm")) {
            return errors;
        }
        Map<String, String> renamed = new java.util.LinkedHashMap<>(errors);
        renamed.put("password_confirm", renamed.remove("passwordConfirm"));
        return renamed;
    }

    @GET
    @Path("login")
    public Response loginForm(@RestQuery String error, @RestQuery String username,
            @RestQuery("return") String returnTo) {
        return accountPage(returnTo, () -> Templates.login(Forms.orEmpty(username), error != null));
    }

    /**
     * The login or signup page, which keeps the page a link came from ({@code ?return=}) in the return cookie; a member
     * who is logged in already goes straight there.
     */
    private Response accountPage(String returnTo, Supplier<TemplateInstance> page) {
        if (me.isLoggedIn()) {
            return Response.seeOther(URI.create(LoginRedirect.safe(returnTo))).build();
        }
        Response.ResponseBuilder response = Response.ok(page.get());
        if (returnTo != null) {
            response.cookie(LoginRedirect.returnCookie(returnTo));
        }
        return response.build();
    }

    /** The settings page as saved, with messages beside the fields of its other forms (such as deleting the account). */
    public static TemplateInstance settingsPage(Member member, Map<String, String> errors) {
        return Templates.settings(SettingsForm.of(member), errors, null);
    }

    @GET
    @Path("settings")
    public Response settingsForm() {
        return me.get().map(m -> Response.ok(Templates.settings(SettingsForm.of(m), Map.of(), null)).build())
                .orElseGet(() -> LoginRedirect.to("Log in to change your settings.", "/settings"));
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response saveSettings(@RestForm String email, @RestForm("display_name") String displayName,
            @RestForm("notify_answers") String notifyAnswers, @RestForm("notify_comments") String notifyComments,
            @RestForm("remove_avatar") String removeAvatar,
            @RestForm FileUpload avatar) {
        Member current = me.get().orElse(null);
        if (current == null) {
            return LoginRedirect.to("Log in to change your settings.", "/settings");
        }
        boolean notify = notifyAnswers != null && !notifyAnswers.isBlank();
        boolean notifyOfComments = notifyComments != null && !notifyComments.isBlank();
        try {
            AvatarStore.Picture picture = avatars.read(avatar);
            Member saved = members.updateSettings(current.id, new SettingsInput(email, displayName, notify, notifyOfComments),
                    picture,
                    removeAvatar != null && !removeAvatar.isBlank());
            String newEmail = InputText.line(email);
            return Response.seeOther(URI.create("/settings")).cookie(Flash.set(saved.email.equalsIgnoreCase(newEmail)
                    ? "Your settings are saved."
                    : "Your settings are saved. A link is on its way to " + newEmail
                            + ": your address changes when you open it."))
                    .build();
        } catch (QaException e) {
            SettingsForm form = new SettingsForm(Forms.orEmpty(email),
                    Forms.orEmpty(displayName), notify, notifyOfComments, current.avatarUrl(), current.avatarHash != null);
            Map<String, String> errors = new java.util.LinkedHashMap<>(Forms.fieldErrors(e));
            if (errors.containsKey("displayName")) {
                errors.put("display_name", errors.remove("displayName"));
            }
            return Response.status(e.status()).entity(Templates.settings(form, errors, e.getMessage())).build();
        }
    }
}
