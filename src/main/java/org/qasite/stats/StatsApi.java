package org.qasite.stats;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stats")
public class StatsApi {

    private final StatsCache cache;

    StatsApi(StatsCache cache) {
        this.cache = cache;
    }

    @GET
    @Path("stats/popular-tags")
    @Operation(summary = "The 10 tags with the most questions asked in the last 3 months")
    public List<StatsQueries.PopularTag> popularTags() {
        return cache.popularTags();
    }

    @GET
    @Path("stats/best-members")
    @Operation(summary = "The 10 members whose posts of the last 7 days have the highest total rating")
    public List<StatsQueries.BestMember> bestMembers() {
        return cache.bestMembers();
    }
}
