package org.qasite.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;
import org.qasite.web.page.Pager;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** {@code /search?q=}: questions ranked by how well they match, with the matches highlighted. */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String q, SearchQuery query, List<SearchService.Hit> hits, Pager pager,
                boolean more, SearchQuery didYouMean);
    }

    private final SearchService search;
    private final DidYouMean didYouMean;

    SearchResource(SearchService search, DidYouMean didYouMean) {
        this.search = search;
        this.didYouMean = didYouMean;
    }

    @GET
    public TemplateInstance search(@RestQuery String q, @RestQuery String page) {
        SearchQuery query = SearchQuery.parse(q);
        long total = search.count(query);
        boolean more = total > SearchService.COUNT_LIMIT;
        Pager pager = Pager.of(page, Math.min(total, SearchService.COUNT_LIMIT), search.pageSize(), "/search",
                "q=" + URLEncoder.encode(query.raw(), StandardCharsets.UTF_8));
        List<SearchService.Hit> hits = search.page(query, pager.page());
        SearchQuery corrected = total == 0 ? didYouMean.correct(query) : null;
        return Templates.search(query.raw(), query, hits, pager, more, corrected);
    }
}
