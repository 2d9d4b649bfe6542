package org.qasite.search;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class SearchApi {

    private final SearchService search;
    private final SimilarQuestions similar;

    SearchApi(SearchService search, SimilarQuestions similar) {
        this.search = search;
        this.similar = similar;
    }

    @GET
    @Path("suggest")
    @Operation(summary = "Up to 8 questions whose titles have the words typed so far (the last one as a prefix)")
    public List<SearchService.Suggestion> suggest(@RestQuery String q) {
        return search.suggest(q);
    }

    @GET
    @Path("similar")
    @Operation(summary = "Up to 5 questions whose titles share the most words with the title given (any word counts),"
            + " for the ask form; the same items as the suggestions")
    public List<SearchService.Suggestion> similar(@RestQuery String title) {
        return similar.find(title);
    }
}
