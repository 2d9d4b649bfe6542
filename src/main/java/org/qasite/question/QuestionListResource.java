package org.qasite.question;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.qasite.refusal.QaException;
import org.qasite.tag.Tag;
import org.qasite.web.page.Pager;
import org.qasite.web.page.TemplateExtensions;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The question lists: newest, hot, and by tag. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class QuestionListResource {

    static final int QUESTIONS_PER_PAGE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(String heading, String tab, List<Question> questions, Pager pager,
                String emptyText);
    }

    @GET
    public TemplateInstance newest(@RestQuery String page) {
        Pager pager = Pager.of(page, Question.countListed(), QUESTIONS_PER_PAGE, "/", null);
        return Templates.list("Newest questions", "new", Question.listNewest(pager.panache()), pager,
                "No questions yet. Be the first to ask one!");
    }

    @GET
    @Path("hot")
    public TemplateInstance hot(@RestQuery String page) {
        Pager pager = Pager.of(page, Question.countListed(), QUESTIONS_PER_PAGE, "/hot", null);
        return Templates.list("Hot questions", "hot", Question.listHot(pager.panache()), pager,
                "No questions yet. Be the first to ask one!");
    }

    @GET
    @Path("tag/{name}")
    public TemplateInstance tagged(@RestPath String name, @RestQuery String page) {
        Tag tag = Tag.findByName(name.toLowerCase(Locale.ROOT)).orElseThrow(
                () -> QaException.notFound("There is no tag \u201C" + name + "\u201D yet."));
        Pager pager = Pager.of(page, Question.countByTag(tag), QUESTIONS_PER_PAGE,
                "/tag/" + TemplateExtensions.pathSegment(tag.name), null);
        return Templates.list("Questions tagged [" + tag.name + "]", "tag", Question.listByTag(tag, pager.panache()),
                pager, "No questions with this tag.");
    }
}
