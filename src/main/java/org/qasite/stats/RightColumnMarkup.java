package org.qasite.stats;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.web.i18n.ReaderLocale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The right column's markup. It depends on the two widgets and the reader's language alone, and the widgets change only
 * when they are recomputed, so every page between two changes gets the markup rendered for the first of them in its
 * language.
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

    /** The last markup rendered in each language. */
    private final Map<Locale, Rendered> last = new ConcurrentHashMap<>();

    String html(List<StatsQueries.PopularTag> popularTags, List<StatsQueries.BestMember> bestMembers) {
        Locale locale = ReaderLocale.current();
        Rendered rendered = last.get(locale);
        if (rendered == null || !rendered.popularTags().equals(popularTags)
                || !rendered.bestMembers().equals(bestMembers)) {
            rendered = new Rendered(popularTags, bestMembers, Templates.widgets(popularTags, bestMembers).render());
            last.put(locale, rendered);
        }
        return rendered.html();
    }
}
