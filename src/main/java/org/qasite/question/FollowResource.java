package org.qasite.question;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.qasite.member.CurrentMember;
import org.qasite.refusal.Ids;
import org.qasite.tag.Tag;
import org.qasite.text.i18n.LoginAction;
import org.qasite.text.i18n.QuestionMsg;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.LoginRedirect;
import org.qasite.web.page.TemplateExtensions;

import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;

/** The Follow and Unfollow buttons of a question page and of a tag's page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Authenticated
public class FollowResource {

    /** Where a tag's button on a question page returns to; nothing else, so that no link can send a member elsewhere. */
    private static final Pattern QUESTION_PAGE = Pattern.compile("/questions/[0-9]{1,18}(/[a-z0-9-]{1,80})?");

    private final CurrentMember me;
    private final FollowService follows;

    FollowResource(CurrentMember me, FollowService follows) {
        this.me = me;
        this.follows = follows;
    }

    @POST
    @Path("questions/{id}/follow")
    public Response followQuestion(@RestPath String id) {
        return question(id, true);
    }

    @POST
    @Path("questions/{id}/unfollow")
    public Response unfollowQuestion(@RestPath String id) {
        return question(id, false);
    }

    @POST
    @Path("tag/{name}/follow")
    public Response followTag(@RestPath String name, @RestForm String back) {
        return tag(name, true, back);
    }

    @POST
    @Path("tag/{name}/unfollow")
    public Response unfollowTag(@RestPath String name, @RestForm String back) {
        return tag(name, false, back);
    }

    private Response question(String rawId, boolean following) {
        Question question = follows.question(me.require(LoginAction.FOLLOW_QUESTION).id, Ids.parse(rawId, "question"),
                following);
        return Response.seeOther(URI.create(question.path())).cookie(Flash.set(following
                ? ReaderLocale.wordsNow(QuestionMsg.class).follow_question_on()
                : ReaderLocale.wordsNow(QuestionMsg.class).follow_question_off())).build();
    }

    /** {@code back}: the question page whose tag button it was, or null for the tag's own page. */
    private Response tag(String name, boolean following, String back) {
        Tag tag = follows.tag(me.require(LoginAction.FOLLOW_TAG).id, name, following);
        String to = back != null && QUESTION_PAGE.matcher(back).matches() ? back
                : "/tag/" + TemplateExtensions.pathSegment(tag.name);
        return Response.seeOther(URI.create(to))
                .cookie(Flash.set(following
                        ? ReaderLocale.wordsNow(QuestionMsg.class).follow_tag_on(tag.name)
                        : ReaderLocale.wordsNow(QuestionMsg.class).follow_tag_off(tag.name)))
                .build();
    }

    /** A visitor: to the login page, and back to the page of the button once logged in. */
    @ServerExceptionMapper
    Response visitor(UnauthorizedException e, UriInfo uri) {
        String path = uri.getPath();
        String back = path.substring(0, path.lastIndexOf('/'));
        return LoginRedirect.to(
                back.startsWith("/tag/") ? ReaderLocale.wordsNow(QuestionMsg.class).follow_tag_login()
                        : ReaderLocale.wordsNow(QuestionMsg.class).follow_question_login(),
                back);
    }
}
