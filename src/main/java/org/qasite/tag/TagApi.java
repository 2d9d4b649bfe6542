package org.qasite.tag;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.qasite.web.page.Pager;

@Path("/api/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tags")
public class TagApi {

    /** One page of tags, and where it is in the whole list. */
    public record TagPage(List<TagCount> items, int page, int pages, long total) {
    }

    private final TagList tags;

    TagApi(TagList tags) {
        this.tags = tags;
    }

    @GET
    @Operation(summary = "Tags with their question counts: most used first (or sort=name), q= filters by the start of the name")
    public TagPage list(@RestQuery String q, @RestQuery String sort, @RestQuery String page) {
        String prefix = TagList.prefix(q);
        TagList.Sort order = TagList.Sort.parse(sort);
        Pager pager = Pager.of(page, tags.count(prefix), TagListResource.TAGS_PER_PAGE, "", null);
        return new TagPage(tags.list(prefix, order, (pager.page() - 1) * pager.size(), pager.size()), pager.page(),
                pager.pages(), pager.total());
    }
}
