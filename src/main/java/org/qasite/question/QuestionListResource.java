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
import org.qasite.web.i18n.ReaderLocale;
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
        static native TemplateInstance list(String tab, List<Question> questions, Pager pager, TagHeader tag);
    }

    /**
     * What a tag's page shows above its questions: its description (null while none is written), how many follow it,
     * and whether the reader does.
     */
    public record TagHeader(String name, String description, long followers, boolean member, boolean following) {
    }

    private final CurrentMember me;

    QuestionListResource(CurrentMember me) {
        this.me = me;
    }

    @GET
    public TemplateInstance newest(@RestQuery String page) {
        Pager pager = Pager.of(page, Question.countListed(), QUESTIONS_PER_PAGE, "/", null);
        return Templates.list("new", Question.listNewest(pager.panache()), pager, null);
    }

    @GET
    @Path("hot")
    public TemplateInstance hot(@RestQuery String page) {
        Pager pager = Pager.of(page, Question.countListed(), QUESTIONS_PER_PAGE, "/hot", null);
        return Templates.list("hot", Question.listHot(pager.panache()), pager, null);
    }

    @GET
    @Path("unanswered")
    public TemplateInstance unanswered(@RestQuery String page) {
        Pager pager = Pager.of(page, Question.countUnanswered(), QUESTIONS_PER_PAGE, "/unanswered", null);
        return Templates.list("unanswered", Question.listUnanswered(pager.panache()), pager, null);
    }

    /** A tag's questions: newest first, or {@code sort=hot}, or {@code sort=unanswered} (anything else: newest). */
    @GET
    @Path("tag/{name}")
    public TemplateInstance tagged(@RestPath String name, @RestQuery String sort, @RestQuery String page) {
        Tag tag = Tag.findByName(name.toLowerCase(Locale.ROOT)).orElseThrow(
                () -> QaException.notFound(ReaderLocale.browseWords().tag_not_found(name)));
        Question.ListSort order = tagSort(sort);
        String tab = order == Question.ListSort.NEWEST ? "new" : order.name().toLowerCase(Locale.ROOT);
        Pager pager = Pager.of(page, Question.countByTag(tag, order), QUESTIONS_PER_PAGE,
                "/tag/" + TemplateExtensions.pathSegment(tag.name), order == Question.ListSort.NEWEST ? null : "sort=" + tab);
        Long reader = me.id();
        TagHeader header = new TagHeader(tag.name, tag.description, TagFollow.countFollowers(tag.id), reader != null,
                reader != null && TagFollow.isFollowing(reader, tag.id));
        return Templates.list(tab, Question.listByTag(tag, order, pager.panache()), pager, header);
    }

    static Question.ListSort tagSort(String raw) {
        if ("hot".equals(raw)) {
            return Question.ListSort.HOT;
        }
        return "unanswered".equals(raw) ? Question.ListSort.UNANSWERED : Question.ListSort.NEWEST;
    }
}
