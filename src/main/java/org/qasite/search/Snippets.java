package org.qasite.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.qasite.markdown.PlainText;
import org.qasite.question.Question;

/**
 * The titles and snippets of a page of results with the matches marked. Snippets come from the plain text a reader
 * sees (no backticks, fences, image addresses or table pipes), from the question's body, or, for a question found by
 * an answer alone, from its best-matching answer.
 */
@ApplicationScoped
class Snippets {

    /** Constants, never typed text: written into the SQL. */
    private static final String SNIPPET_OPTIONS = "StartSel=" + SearchService.START + ", StopSel=" + SearchService.STOP
            + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    /**
     * A zero-width space put after each "<" and "</" of the text given to ts_headline, whose parser reads it as a blank:
     * "<section>" is then the word "section", marked where it matches, not markup that the snippet leaves out (the
     * vectors read it so since V27). Taken out of what comes back.
     */
    private static final String BREAK = "\u200B";
    private static final Pattern MARKUP_START = Pattern.compile("</?");

    record Marked(String titleHtml, String snippetHtml, boolean fromAnswer) {
    }

    private final EntityManager em;

    Snippets(EntityManager em) {
        this.em = em;
    }

    Map<Long, Marked> mark(Map<Long, Question> questions, Collection<Long> byAnswer, SearchService.Prepared search) {
        Map<Long, String> answerTexts = byAnswer.isEmpty() ? Map.of() : bestAnswers(byAnswer, search);
        List<Object> params = new ArrayList<>(search.params());
        StringBuilder values = new StringBuilder();
        for (Question q : questions.values()) {
            String answer = answerTexts.get(q.id);
            values.append(values.isEmpty() ? "" : ", ").append("(CAST(?").append(params.size() + 1)
                    .append(" AS bigint), CAST(?").append(params.size() + 2).append(" AS text), CAST(?")
                    .append(params.size() + 3).append(" AS text))");
            params.add(q.id);
            params.add(unmarkup(q.title));
            params.add(unmarkup(PlainText.of(answer != null ? answer : q.body)));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = SearchService.bind(em.createNativeQuery(search.with() + ", t(id, title, body) AS (VALUES "
                + values + ") SELECT t.id, ts_headline(CAST(?1 AS regconfig), t.title, query.q, '"
                + SearchService.TITLE_OPTIONS + "'), ts_headline(CAST(?1 AS regconfig), t.body, query.q, '"
                + SNIPPET_OPTIONS + "') FROM t, query"), params).getResultList();
        Map<Long, Marked> marked = new HashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            marked.put(id, new Marked(SearchService.highlight(((String) r[1]).replace(BREAK, "")),
                    SearchService.highlight(((String) r[2]).replace(BREAK, "")), answerTexts.containsKey(id)));
        }
        return marked;
    }

    /** For each question, the body of its answer that matches best (not deleted). */
    private Map<Long, String> bestAnswers(Collection<Long> questionIds, SearchService.Prepared search) {
        List<Object> params = new ArrayList<>(search.params());
        params.add(List.copyOf(questionIds));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = SearchService.bind(em.createNativeQuery(search.with()
                + "SELECT DISTINCT ON (a.question_id) a.question_id, a.body FROM answer a, query"
                + " WHERE a.question_id IN (?" + params.size() + ") AND a.search_vector @@ query.q AND a.deleted_at IS NULL"
                + " ORDER BY a.question_id, ts_rank_cd(a.search_vector, query.q) DESC, a.id"), params).getResultList();
        Map<Long, String> bodies = new HashMap<>();
        rows.forEach(r -> bodies.put(((Number) r[0]).longValue(), (String) r[1]));
        return bodies;
    }

    /** The start of a question's text, for a search by tags alone. */
    static String excerpt(String body) {
        return PlainText.excerpt(body, 240);
    }

    private static String unmarkup(String text) {
        return MARKUP_START.matcher(text).replaceAll("$0" + BREAK);
    }
}
