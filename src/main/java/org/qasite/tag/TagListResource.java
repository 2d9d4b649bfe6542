package org.qasite.tag;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;
import org.qasite.web.page.Pager;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** /tags: every tag with its question count, filtered by the start of its name as the reader types. */
@Path("/tags")
@Produces(MediaType.TEXT_HTML)
public class TagListResource {

    static final int TAGS_PER_PAGE = 60;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tags(List<TagCount> tags, Pager pager, String q, String sort);
    }

    private final TagList tags;

    TagListResource(TagList tags) {
        this.tags = tags;
    }

    @GET
    public TemplateInstance tags(@RestQuery String q, @RestQuery String sort, @RestQuery String page) {
        String prefix = TagList.prefix(q);
        TagList.Sort order = TagList.Sort.parse(sort);
        Pager pager = Pager.of(page, tags.count(prefix), TAGS_PER_PAGE, "/tags",
                Pager.query("q", prefix, "sort", order == TagList.Sort.POPULAR ? null : order.param()));
        return Templates.tags(tags.list(prefix, order, (pager.page() - 1) * TAGS_PER_PAGE, TAGS_PER_PAGE), pager,
                q == null ? "" : q.strip(), order.param());
    }
}
