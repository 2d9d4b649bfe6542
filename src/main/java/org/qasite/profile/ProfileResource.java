package org.qasite.profile;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.refusal.QaException;

import io.quarkus.panache.common.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A member's public page: who they are, and their latest questions and answers. */
@Path("/members")
@Produces(MediaType.TEXT_HTML)
public class ProfileResource {

    private static final int LATEST = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(Member member, List<Question> questions, long questionCount,
                List<Answer> answers, long answerCount);
    }

    @GET
    @Path("{username}")
    public TemplateInstance profile(@RestPath String username) {
        Member member = Member.findByUsername(username)
                .orElseThrow(() -> QaException.notFound("There is no member \u201C" + username + "\u201D."));
        Page latest = Page.ofSize(LATEST);
        return Templates.profile(member, Question.listByAuthor(member, latest), Question.countByAuthor(member),
                Answer.listByAuthor(member, latest), Answer.countByAuthor(member));
    }
}
