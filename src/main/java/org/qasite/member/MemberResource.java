package org.qasite.member;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
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
import org.qasite.text.i18n.AccountMsg;
import org.qasite.text.i18n.Messages;
import org.qasite.text.i18n.SiteLocales;
import org.qasite.web.i18n.ReaderLocale;
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

    /** {@code mail}: the frequency chosen for each kind of notification, or null where a form sent none it knows. */
    public record SettingsForm(String email, String displayName, Map<NotificationKind, MailFrequency> mail,
            String avatarUrl, boolean hasAvatar, String locale) {
        static SettingsForm of(Member m) {
            Map<NotificationKind, MailFrequency> mail = new EnumMap<>(NotificationKind.class);
            for (NotificationKind kind : NotificationKind.values()) {
                mail.put(kind, m.mailFor(kind));
            }
            return new SettingsForm(m.email, m.displayName, mail, m.avatarUrl(), m.avatarHash != null, m.locale);
        }

        /** For the template: the languages one may choose besides "automatic". */
        public List<String> locales() {
            return SiteLocales.TAGS;
        }

        /** For the template: the kinds in order, each with its choice. */
        public List<MailChoice> mailChoices() {
            return Arrays.stream(NotificationKind.values()).map(k -> new MailChoice(k, mail.get(k))).toList();
        }
    }

    /** One row of the mail preferences: a kind of notification and the frequency chosen for it. */
    public record MailChoice(NotificationKind kind, MailFrequency chosen) {
        public List<MailFrequency> frequencies() {
            return List.of(MailFrequency.values());
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
    private final ReaderLocale reader;

    MemberResource(CurrentMember me, MemberService members, AvatarStore avatars, NewMemberLogin newMemberLogin,
            ReaderLocale reader) {
        this.me = me;
        this.reader = reader;
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
            AccountMsg msg = reader.words(AccountMsg.class);
            if (!newMemberLogin.logIn(member, ctx)) {
                return Response.seeOther(URI.create("/login?username=" + member.username))
                        .cookie(Flash.set(msg.signup_welcome(member.username, false, member.email)))
                        .build();
            }
            return Response.seeOther(URI.create(LoginRedirect.takeReturn(ctx.request())))
                    .cookie(Flash.set(msg.signup_welcome(member.username, true, member.email)))
                    .build();
        } catch (QaException e) {
            SignupForm form = new SignupForm(Forms.orEmpty(username), Forms.orEmpty(email));
            Response.ResponseBuilder response = Response.status(e.status()).entity(
                    Templates.signup(form, renamePasswordConfirm(Forms.fieldErrors(e)), reader.formError(e)));
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
                .orElseGet(() -> LoginRedirect.to(reader.words(AccountMsg.class).settings_login(), "/settings"));
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response saveSettings(@RestForm String email, @RestForm("display_name") String displayName,
            @RestForm("mail_answer") String mailAnswer, @RestForm("mail_followed_answer") String mailFollowedAnswer,
            @RestForm("mail_comment") String mailComment, @RestForm("mail_mention") String mailMention,
            @RestForm("mail_accepted") String mailAccepted, @RestForm("mail_tag_question") String mailTagQuestion,
            @RestForm("remove_avatar") String removeAvatar, @RestForm String locale,
            @RestForm FileUpload avatar) {
        Member current = me.get().orElse(null);
        if (current == null) {
            return LoginRedirect.to(reader.words(AccountMsg.class).settings_login(), "/settings");
        }
        Map<NotificationKind, String> mailValues = new EnumMap<>(NotificationKind.class);
        mailValues.put(NotificationKind.ANSWER, mailAnswer);
        mailValues.put(NotificationKind.FOLLOWED_ANSWER, mailFollowedAnswer);
        mailValues.put(NotificationKind.COMMENT, mailComment);
        mailValues.put(NotificationKind.MENTION, mailMention);
        mailValues.put(NotificationKind.ACCEPTED, mailAccepted);
        mailValues.put(NotificationKind.TAG_QUESTION, mailTagQuestion);
        Map<NotificationKind, MailFrequency> mail = new EnumMap<>(NotificationKind.class);
        mailValues.forEach((kind, value) -> mail.put(kind, value == null ? current.mailFor(kind) : MailFrequency.parse(value)));
        try {
            AvatarStore.Picture picture = avatars.read(avatar);
            // a form without the field (an older page, a script) keeps the language as it was; "" is "automatic"
            String chosenLocale = locale == null ? current.locale : locale.isBlank() ? null : locale.strip();
            Member saved = members.updateSettings(current.id, new SettingsInput(email, displayName, mail, chosenLocale),
                    picture,
                    removeAvatar != null && !removeAvatar.isBlank());
            String newEmail = InputText.line(email);
            // the message in the language just saved: the next page is read in it
            AccountMsg msg = reader.words(AccountMsg.class);
            if (saved.locale != null) {
                msg = Messages.bundle(AccountMsg.class, SiteLocales.of(saved.locale).orElse(SiteLocales.ENGLISH));
            }
            return Response.seeOther(URI.create("/settings")).cookie(Flash.set(saved.email.equalsIgnoreCase(newEmail)
                    ? msg.settings_saved()
                    : msg.settings_saved_email(newEmail)))
                    .build();
        } catch (QaException e) {
            SettingsForm form = new SettingsForm(Forms.orEmpty(email),
                    Forms.orEmpty(displayName), mail, current.avatarUrl(), current.avatarHash != null,
                    locale == null ? current.locale : locale);
            Map<String, String> errors = new java.util.LinkedHashMap<>(Forms.fieldErrors(e));
            if (errors.containsKey("displayName")) {
                errors.put("display_name", errors.remove("displayName"));
            }
            return Response.status(e.status()).entity(Templates.settings(form, errors, reader.formError(e))).build();
        }
    }
}
