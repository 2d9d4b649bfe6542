package org.qasite.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.qasite.question.Slug;
import org.qasite.text.InputText;

/**
 * Questions whose titles share words with a title being written, for the ask form. Unlike the suggestions, which need
 * every word typed, any one word is enough and the titles sharing the most words come first: a real title has words
 * that no earlier title has.
 */
@ApplicationScoped
public class SimilarQuestions {

    /** At most this many similar questions: the ask form shows a short list under the title. */
    static final int LIMIT = 5;
    /** Only the first words of a title count: a title is short, and more words would only widen the search. */
    static final int MAX_WORDS = 16;
    static final int MAX_WORD_LENGTH = 40;
    /**
     * Matching titles ranked at most: a title's most common words match thousands of questions, and ranking all of them
     * is what makes such queries slow. Stop words never count, so the candidates share a meaningful word.
     */
    static final int CANDIDATES = 2000;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final EntityManager em;
    private final SearchConfig config;

    SimilarQuestions(EntityManager em, SearchConfig config) {
        this.em = em;
        this.config = config;
    }

    /** The questions, not deleted, whose titles have the most of the title's words, best first. */
    @Transactional
    public List<SearchService.Suggestion> find(String title) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(InputText.clean(title == null ? "" : title).toLowerCase(Locale.ROOT));
        while (m.find() && words.size() < MAX_WORDS) {
            words.add(m.group().length() > MAX_WORD_LENGTH ? m.group().substring(0, MAX_WORD_LENGTH) : m.group());
        }
        if (words.stream().mapToInt(String::length).sum() < SearchService.MIN_LETTERS) {
            return List.of();
        }
        String text = String.join(" ", words);
        // PostgreSQL stems the words (letters and digits only) into its own tsquery, "a & b & c"; its & become | so
        // that any word matches. Nothing typed is ever read as tsquery syntax.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("WITH query AS (SELECT CAST(replace(CAST(plainto_tsquery("
                + "CAST(?1 AS regconfig), ?2) AS text), ' & ', ' | ') AS tsquery) AS q)"
                + " SELECT c.id, c.title, c.answer_count, ts_headline(CAST(?1 AS regconfig), c.title, query.q, ?3)"
                + " FROM (SELECT q.id, q.title, q.answer_count, q.rating, q.title_vector FROM question q, query"
                + " WHERE q.title_vector @@ query.q AND q.deleted_at IS NULL LIMIT " + CANDIDATES + ") c, query"
                + " ORDER BY ts_rank(c.title_vector, query.q) DESC, similarity(c.title, ?2) DESC, c.rating DESC,"
                + " c.id DESC LIMIT " + LIMIT)
                .setParameter(1, config.config()).setParameter(2, text).setParameter(3, SearchService.TITLE_OPTIONS)
                .getResultList();
        return rows.stream().map(r -> {
            long id = ((Number) r[0]).longValue();
            return new SearchService.Suggestion(id, (String) r[1], SearchService.highlight((String) r[3]),
                    ((Number) r[2]).intValue(), Slug.path(id, (String) r[1]));
        }).toList();
    }
}
