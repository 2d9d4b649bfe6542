package org.qasite.seo;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestPath;
import org.qasite.question.Answer;
import org.qasite.question.DeletedPosts;
import org.qasite.question.Question;
import org.qasite.refusal.QaException;
import org.qasite.tag.Tag;
import org.qasite.text.i18n.Refusals;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.TemplateExtensions;

import io.quarkus.panache.common.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Atom feeds (RFC 4287): the newest questions, a tag's newest questions, a question's newest answers. Summaries are
 * plain text, so no reader runs a post's markup. The feed's own words follow the reader's language, as a page's do.
 */
@Path("/feeds")
@Produces(FeedResource.ATOM)
public class FeedResource {

    static final String ATOM = "application/atom+xml;charset=utf-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feed(String title, String selfPath, String pagePath, Instant updated,
                List<FeedEntry> entries);
    }

    private final SeoConfig config;

    FeedResource(SeoConfig config) {
        this.config = config;
    }

    @GET
    @Path("questions")
    public TemplateInstance questions() {
        List<Question> questions = Question.listNewest(Page.ofSize(config.feedEntries()));
        return feed(ReaderLocale.browseWords().head_feed(), "/feeds/questions", "/",
                questions.stream().map(FeedEntry::of).toList());
    }

    @GET
    @Path("tag/{name}")
    public TemplateInstance tag(@RestPath String name) {
        Tag tag = Tag.findByName(name).orElseThrow(() -> QaException.notFound(Refusals.now().feed_no_tag(name)));
        List<Question> questions = Question.listByTag(tag, Page.ofSize(config.feedEntries()));
        String segment = TemplateExtensions.pathSegment(tag.name);
        return feed(ReaderLocale.browseWords().list_tag_feed(tag.name), "/feeds/tag/" + segment, "/tag/" + segment,
                questions.stream().map(FeedEntry::of).toList());
    }

    @GET
    @Path("questions/{id}")
    public TemplateInstance answers(@RestPath String id) {
        Question question = DeletedPosts.require(Question.require(id), null);
        List<Answer> answers = Answer.listForQuestion(question, Answer.Sort.NEWEST, Page.ofSize(config.feedEntries()));
        return feed(ReaderLocale.browseWords().feed_answers_to(question.title), "/feeds/questions/" + question.id,
                question.path(),
                answers.stream().map(a -> FeedEntry.of(a, question, ReaderLocale.current())).toList());
    }

    private static TemplateInstance feed(String title, String selfPath, String pagePath, List<FeedEntry> entries) {
        Instant updated = entries.stream().map(FeedEntry::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return Templates.feed(title, selfPath, pagePath, updated, entries);
    }
}
