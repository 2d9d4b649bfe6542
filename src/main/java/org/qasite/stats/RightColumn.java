package org.qasite.stats;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.qute.RawString;

/** The two widgets of the right column, read at most once per page. */
@Named("rightColumn")
@RequestScoped
public class RightColumn {

    private final StatsCache cache;
    private final RightColumnMarkup markup;
    private List<StatsQueries.PopularTag> popularTags;
    private List<StatsQueries.BestMember> bestMembers;

    RightColumn(StatsCache cache, RightColumnMarkup markup) {
        this.cache = cache;
        this.markup = markup;
    }

    public List<StatsQueries.PopularTag> getPopularTags() {
        if (popularTags == null) {
            popularTags = cache.popularTags();
        }
        return popularTags;
    }

    public List<StatsQueries.BestMember> getBestMembers() {
        if (bestMembers == null) {
            bestMembers = cache.bestMembers();
        }
        return bestMembers;
    }

    /** Both widgets' markup. */
    public RawString getHtml() {
        return new RawString(markup.html(getPopularTags(), getBestMembers()));
    }
}
