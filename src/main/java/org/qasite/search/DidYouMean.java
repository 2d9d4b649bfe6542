package org.qasite.search;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * "Did you mean": for a search that found nothing, the same search with each word that no title has replaced by the
 * most similar title word (pg_trgm trigram similarity over the table title_word, which the database keeps as questions
 * are asked, edited and deleted: migration V20, and the changes of title_word_delta not yet folded into it: V26).
 * Offered only when the corrected search finds something.
 */
@ApplicationScoped
class DidYouMean {

    /** Words looked up at most: each costs one indexed query. */
    static final int MAX_WORDS = 6;
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,40}");

    private final EntityManager em;
    private final SearchService search;

    DidYouMean(EntityManager em, SearchService search) {
        this.em = em;
        this.search = search;
    }

    /** The corrected search, or null when no word needs a correction or the correction finds nothing either. */
    @Transactional
    public SearchQuery correct(SearchQuery query) {
        if (!query.hasWords()) {
            return null;
        }
        Matcher m = WORD.matcher(query.words());
        StringBuilder corrected = new StringBuilder();
        boolean changed = false;
        int looked = 0;
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            String best = looked++ < MAX_WORDS ? closest(word) : null;
            m.appendReplacement(corrected, Matcher.quoteReplacement(best == null ? m.group() : best));
            changed |= best != null && !best.equals(word);
        }
        m.appendTail(corrected);
        if (!changed) {
            return null;
        }
        SearchQuery other = query.withWords(corrected.toString());
        return search.count(other) > 0 ? other : null;
    }

    /** The word itself when a title has it, else the most similar title word (the commonest among equals), or null. */
    private String closest(String word) {
        @SuppressWarnings("unchecked")
        // The folded counts plus the changes not yet folded into them (CountFolds): a few rows, read without index.
        List<String> rows = em.createNativeQuery("SELECT word FROM (SELECT word, sum(questions) AS questions FROM"
                + " (SELECT word, questions FROM title_word WHERE word = ?1 OR word % ?1"
                + " UNION ALL SELECT word, d FROM title_word_delta WHERE word = ?1 OR word % ?1) AS w"
                + " GROUP BY word HAVING sum(questions) > 0) AS w"
                + " ORDER BY word = ?1 DESC, similarity(word, ?1) DESC, questions DESC, word LIMIT 1")
                .setParameter(1, word).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }
}
