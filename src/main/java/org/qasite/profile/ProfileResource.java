package org.qasite.profile;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.refusal.QaException;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Pager;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A member's public page: who they are, their questions and their answers side by side, newest first, each list with
 * its own pager: {@code ?tab=questions&page=N} or {@code ?tab=answers&page=N} turns one of them, the other stays on
 * its first page.
 */
@Path("/members")
@Produces(MediaType.TEXT_HTML)
public class ProfileResource {

    static final int POSTS_PER_PAGE = 15;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(Member member, List<Question> questions, Pager questionPager,
                List<Answer> answers, Pager answerPager);
    }

    @GET
    @Path("{username}")
    public TemplateInstance profile(@RestPath String username, @RestQuery String tab, @RestQuery String page) {
        Member member = Member.findByUsername(username)
                .orElseThrow(() -> QaException.notFound(ReaderLocale.browseWords().member_not_found(username)));
        String path = "/members/" + member.username;
        boolean answersTurned = "answers".equals(tab);
        Pager questions = Pager.of(answersTurned ? null : page, Question.countByAuthor(member), POSTS_PER_PAGE, path,
                "tab=questions");
        Pager answers = Pager.of(answersTurned ? page : null, Answer.countByAuthor(member), POSTS_PER_PAGE, path,
                "tab=answers");
        return Templates.profile(member, Question.listByAuthor(member, questions.panache()), questions,
                Answer.listByAuthor(member, answers.panache()), answers);
    }
}
