package org.qasite.question;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.qasite.member.CurrentMember;
import org.qasite.refusal.QaException;
import org.qasite.tag.Tag;
import org.qasite.tag.TagFollow;
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
                String emptyText, TagHeader tag);
    }

    /** What a tag's page shows above its questions: how many follow it, and whether the reader does. */
    public record TagHeader(String name, long followers, boolean member, boolean following) {
    }

    private final CurrentMember me;

    QuestionListResource(CurrentMember me) {
        this.me = me;
    }

    @GET
    public TemplateInstance newest(@RestQuery String page) {
        Pager pager = Pager.of(page, Question.countListed(), QUESTIONS_PER_PAGE, "/", null);
        return Templates.list("Newest questions", "new", Question.listNewest(pager.panache()), pager,
                "No questions yet. Be the first to ask one!", null);
    }

    @GET
    @Path("hot")
    public TemplateInstance hot(@RestQuery String page) {
        Pager pager = Pager.of(page, Question.countListed(), QUESTIONS_PER_PAGE, "/hot", null);
        return Templates.list("Hot questions", "hot", Question.listHot(pager.panache()), pager,
                "No questions yet. Be the first to ask one!", null);
    }

    @GET
    @Path("tag/{name}")
    public TemplateInstance tagged(@RestPath String name, @RestQuery String page) {
        Tag tag = Tag.findByName(name.toLowerCase(Locale.ROOT)).orElseThrow(
                () -> QaException.notFound("There is no tag \u201C" + name + "\u201D yet."));
        Pager pager = Pager.of(page, Question.countByTag(tag), QUESTIONS_PER_PAGE,
                "/tag/" + TemplateExtensions.pathSegment(tag.name), null);
        Long reader = me.id();
        TagHeader header = new TagHeader(tag.name, TagFollow.countFollowers(tag.id), reader != null,
                reader != null && TagFollow.isFollowing(reader, tag.id));
        return Templates.list("Questions tagged [" + tag.name + "]", "tag", Question.listByTag(tag, pager.panache()),
                pager, "No questions with this tag.", header);
    }
}
