package org.qasite.stats;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The right column's markup. It depends on the two widgets alone, which change only when they are recomputed, so
 * every page between two changes gets the markup rendered for the first of them.
 */
@ApplicationScoped
class RightColumnMarkup {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widgets(List<StatsQueries.PopularTag> popularTags,
                List<StatsQueries.BestMember> bestMembers);
    }

    private record Rendered(List<StatsQueries.PopularTag> popularTags, List<StatsQueries.BestMember> bestMembers,
            String html) {
    }

    private volatile Rendered last;

    String html(List<StatsQueries.PopularTag> popularTags, List<StatsQueries.BestMember> bestMembers) {
        Rendered rendered = last;
        if (rendered == null || !rendered.popularTags().equals(popularTags)
                || !rendered.bestMembers().equals(bestMembers)) {
            rendered = new Rendered(popularTags, bestMembers, Templates.widgets(popularTags, bestMembers).render());
            last = rendered;
        }
        return rendered.html();
    }
}
