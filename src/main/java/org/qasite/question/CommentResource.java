package org.qasite.question;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.qasite.refusal.DuplicatePost;
import org.qasite.refusal.Ids;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.QuestionMsg;
import org.qasite.text.i18n.Refusals;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.Forms;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;

/** The comment boxes under questions and answers, and the Delete button of one's own comment (plain forms). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CommentResource {

    private final CurrentMember me;
    private final CommentService comments;
    private final QuestionResource questionPage;

    CommentResource(CurrentMember me, CommentService comments, QuestionResource questionPage) {
        this.me = me;
        this.comments = comments;
        this.questionPage = questionPage;
    }

    @POST
    @Path("questions/{id}/comments")
    @Authenticated
    public Response onQuestion(@RestPath String id, @RestForm String body) {
        return comment(CommentService.Target.question(Ids.parse(id, "question")), body);
    }

    @POST
    @Path("answers/{id}/comments")
    @Authenticated
    public Response onAnswer(@RestPath String id, @RestForm String body) {
        return comment(CommentService.Target.answer(Ids.parse(id, "answer")), body);
    }

    /** A comment's permanent address (the link of the mail about it): its post's page, scrolled to it. */
    @GET
    @Path("comments/{id}")
    public Response permalink(@RestPath String id) {
        long commentId = Ids.parse(id, "comment");
        Comment comment = Comment.findById(commentId);
        if (comment == null || comment.isDeleted()) {
            throw QaException.notFound(Refusals.now().no_comment_maybe_deleted(commentId));
        }
        return Response.seeOther(URI.create(postUrl(comment, "#comment-" + comment.id))).build();
    }

    @POST
    @Path("comments/{id}/delete")
    @Authenticated
    public Response delete(@RestPath String id) {
        Comment comment = comments.delete(me.id(), Ids.parse(id, "comment"));
        return Response.seeOther(URI.create(postUrl(comment, "#comments-" + comment.postKey())))
                .cookie(Flash.set(ReaderLocale.wordsNow(QuestionMsg.class).comment_deleted())).build();
    }

    private Response comment(CommentService.Target target, String body) {
        try {
            Comment comment = comments.comment(me.id(), target, new CommentInput(body));
            return Response.seeOther(URI.create(postUrl(comment, "#comment-" + comment.id)))
                    .cookie(Flash.set(ReaderLocale.wordsNow(QuestionMsg.class).comment_posted())).build();
        } catch (DuplicatePost e) {
            return Response.seeOther(URI.create(e.url())).cookie(Flash.set(e.getMessage())).build();
        } catch (QaException e) {
            if (e.status() == 404) {
                throw e;
            }
            QuestionPage page;
            try {
                page = pageOf(target);
            } catch (QaException pageGone) {
                throw e; // the post's page is gone too (a deleted question): the refusal alone
            }
            String message = Forms.fieldErrors(e).getOrDefault("body", e.getMessage());
            page = page.withComments(page.comments().withForm(target.key(), Forms.orEmpty(body), message));
            return Response.status(e.status()).entity(QuestionResource.Templates.show(page, "", Map.of(), null))
                    .build();
        }
    }

    /** The question page where the post stands, its comment box to be shown again. */
    private QuestionPage pageOf(CommentService.Target target) {
        if (!target.onAnswer()) {
            return questionPage.load(Long.toString(target.id()), null, null);
        }
        Answer answer = Answer.require(Long.toString(target.id()));
        return questionPage.load(Long.toString(answer.question.id), Long.toString(answerPage(answer)), null);
    }

    /**
     * The question page where the comment's post stands (newest answers first), with all its comments shown when
     * there are more than the page shows at first.
     */
    private String postUrl(Comment comment, String anchor) {
        Question question = Question.findById(comment.questionId);
        StringBuilder url = new StringBuilder(question.path());
        String separator = "?";
        if (comment.answerId != null) {
            long page = answerPage(Answer.findById(comment.answerId));
            if (page > 1) {
                url.append("?page=").append(page);
                separator = "&";
            }
        }
        if (Comment.countForPost(comment.questionId, comment.answerId) > PageComments.SHOWN) {
            url.append(separator).append("comments=").append(comment.postKey());
        }
        return url.append(anchor).toString();
    }

    /** The page of its question where the answer stands for this reader (who also sees their own deleted answers). */
    private long answerPage(Answer answer) {
        return Answer.countNewerThan(answer, me.id()) / QuestionResource.ANSWERS_PER_PAGE + 1;
    }

    /** A visitor: to the login page, and back to the post once logged in. */
    @ServerExceptionMapper
    Response visitor(UnauthorizedException e, UriInfo uri) {
        String path = uri.getPath();
        String id = uri.getPathParameters().getFirst("id");
        String back = path.startsWith("/answers/") ? "/answers/" + id
                : path.startsWith("/questions/") ? "/questions/" + id : "/";
        return LoginRedirect.to(ReaderLocale.wordsNow(QuestionMsg.class).comment_login(), back);
    }
}
