package org.qasite.stats;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The two widgets of the right column, read at most once per page. */
@Named("rightColumn")
@RequestScoped
public class RightColumn {

    private final StatsQueries queries;
    private List<StatsQueries.PopularTag> popularTags;
    private List<StatsQueries.BestMember> bestMembers;

    RightColumn(StatsQueries queries) {
        this.queries = queries;
    }

    public List<StatsQueries.PopularTag> getPopularTags() {
        if (popularTags == null) {
            popularTags = queries.popularTags();
        }
        return popularTags;
    }

    public List<StatsQueries.BestMember> getBestMembers() {
        if (bestMembers == null) {
            bestMembers = queries.bestMembers();
        }
        return bestMembers;
    }
}
