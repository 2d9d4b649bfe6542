package org.qasite.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.qasite.question.Question;
import org.qasite.question.Slug;
import org.qasite.text.Html;
import org.qasite.text.InputText;

/**
 * Ranked full-text search over questions and their answers, with highlighted titles and snippets. The last word typed
 * is a prefix, as in the header's suggestions, so that "See all results" finds what the box suggested.
 */
@ApplicationScoped
public class SearchService {

    /** Counting stops here: "1,000+ results" is all a reader needs, and counting every match of a common word is slow. */
    static final int COUNT_LIMIT = 1000;
    /**
     * Matches ranked at most on each side (a question's own text, its answers), the first ones the indexes give: a
     * common word or a short prefix matches thousands of posts, and ranking all of them is what makes such searches
     * slow. Up to the count limit every match is ranked, so a search with at most 1,000 results is ranked exactly; past
     * it, the pages show the best of these candidates, the same ones the count reads.
     */
    static final int RANKED = COUNT_LIMIT + 1;
    /** ts_headline marks matches with these (control characters never stored in a post), turned into {@code <mark>}. */
    static final String START = "\u0002";
    static final String STOP = "\u0003";
    static final String TITLE_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP + ", HighlightAll=true";

    /**
     * The rank of a question's own text: cover density over title (weight A, 1.0) and body (weight B, 0.4), so a match
     * in the title counts two and a half times one in the body; times a bonus that grows with the logarithm of the
     * question's rating.
     */
    private static final String BONUS = " * (1 + ln(1 + greatest(q.rating, 0)) / 5)";
    private static final String RANK = "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', q.search_vector, query.q)" + BONUS;
    /** The rank of a match in an answer, used only among the questions that match by their answers alone. */
    private static final String ANSWER_RANK = "ts_rank_cd(a.search_vector, query.q)" + BONUS;

    /**
     * One result: the question, its title and a snippet with the matches marked, as safe HTML; {@code fromAnswer} when
     * only an answer has the words, and the snippet is that answer's.
     */
    public record Hit(Question question, String titleHtml, String snippetHtml, boolean fromAnswer) {
    }

    private final EntityManager em;
    private final SearchConfig config;
    private final Snippets snippets;

    SearchService(EntityManager em, SearchConfig config, Snippets snippets) {
        this.em = em;
        this.config = config;
        this.snippets = snippets;
    }

    /**
     * How many questions match, up to {@link #COUNT_LIMIT} + 1 (more than the limit: "1,000+"). Each side (questions,
     * answers) stops at the limit, so past it the figure is a lower bound, as the page says.
     */
    @Transactional
    public long count(SearchQuery search) {
        if (search.isEmpty()) {
            return 0;
        }
        Filter filter = filter(search);
        String sql = search.hasWords()
                ? filter.with + "SELECT count(*) FROM (SELECT id FROM (" + filter.ownText + " LIMIT " + RANKED
                        + ") own UNION SELECT id FROM (" + filter.answers + " LIMIT " + RANKED + ") answered LIMIT "
                        + (COUNT_LIMIT + 1) + ") matches"
                : "SELECT count(*) FROM (SELECT 1 FROM question q WHERE " + filter.where + " LIMIT " + (COUNT_LIMIT + 1)
                        + ") matches";
        return ((Number) bind(em.createNativeQuery(sql), filter.params).getSingleResult()).longValue();
    }

    /**
     * One page of results, best first: the questions whose own text matches, then those that match by an answer only
     * (newest first when only tags were given).
     */
    @Transactional
    public List<Hit> page(SearchQuery search, int page) {
        if (search.isEmpty()) {
            return List.of();
        }
        Filter filter = filter(search);
        String limit = " LIMIT " + config.pageSize() + " OFFSET " + (long) Math.max(0, page - 1) * config.pageSize();
        String sql = search.hasWords()
                ? filter.with + "SELECT id, max(own) FROM (SELECT id, 1 AS own, r FROM (" + filter.ownText + " LIMIT "
                        + RANKED + ") o UNION ALL SELECT id, 0, r FROM (" + filter.answers + " LIMIT " + RANKED
                        + ") a) m GROUP BY id"
                        + " ORDER BY max(own) DESC, coalesce(max(r) FILTER (WHERE own = 1), max(r)) DESC, id DESC" + limit
                : "SELECT q.id, 1 FROM question q WHERE " + filter.where + " ORDER BY q.created_at DESC, q.id DESC" + limit;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql), filter.params).getResultList();
        List<Long> ids = new ArrayList<>();
        List<Long> byAnswer = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            ids.add(id);
            if (((Number) row[1]).intValue() == 0) {
                byAnswer.add(id);
            }
        }
        return hits(ids, byAnswer, search);
    }

    /**
     * One suggestion as the header box shows it: {@code titleHtml} has the matching words marked, escaped; {@code path}
     * is the question page's address.
     */
    public record Suggestion(long id, String title, String titleHtml, int answers, String path) {
    }

    /** At most this many suggestions. */
    static final int SUGGESTIONS = 8;
    /** Fewer letters than this suggest nothing: one letter matches too much to be of use. */
    static final int MIN_LETTERS = 2;
    static final int MAX_WORDS = 6;
    /**
     * Matching titles ranked at most: for a short prefix or a common word, thousands of titles match, and ranking all
     * of them is what makes such queries slow. The first ones the index gives are ranked instead.
     */
    static final int CANDIDATES = 200;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * Questions whose titles have the words typed, the last one as a prefix (it may not be finished): the earlier
     * words stemmed as in full search, the last one stemmed or as typed so far.
     */
    @Transactional
    public List<Suggestion> suggest(String input) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(InputText.clean(input).toLowerCase(Locale.ROOT));
        while (m.find() && words.size() < MAX_WORDS) {
            words.add(m.group().length() > 40 ? m.group().substring(0, 40) : m.group());
        }
        if (words.isEmpty() || words.stream().mapToInt(String::length).sum() < MIN_LETTERS) {
            return List.of();
        }
        String last = words.get(words.size() - 1);
        String earlier = String.join(" ", words.subList(0, words.size() - 1));
        // The tsquery texts are built from letters and digits only, so their syntax is always valid.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("WITH query AS (SELECT plainto_tsquery(CAST(?1 AS regconfig), ?2)"
                + " && (to_tsquery(CAST(?1 AS regconfig), ?3) || to_tsquery('simple', ?4)) AS q)"
                + " SELECT c.id, c.title, c.answer_count, ts_headline(CAST(?1 AS regconfig), c.title, query.q, ?5)"
                + " FROM (SELECT q.id, q.title, q.answer_count, q.rating, q.title_vector FROM question q, query"
                + " WHERE q.title_vector @@ query.q AND q.deleted_at IS NULL LIMIT " + CANDIDATES + ") c, query"
                + " ORDER BY ts_rank(c.title_vector, query.q) DESC, c.rating DESC, c.id DESC LIMIT " + SUGGESTIONS)
                .setParameter(1, config.config()).setParameter(2, earlier).setParameter(3, last)
                .setParameter(4, last + ":*").setParameter(5, TITLE_OPTIONS).getResultList();
        return rows.stream().map(r -> {
            long id = ((Number) r[0]).longValue();
            return new Suggestion(id, (String) r[1], highlight((String) r[3]), ((Number) r[2]).intValue(),
                    Slug.path(id, (String) r[1]));
        }).toList();
    }

    public int pageSize() {
        return config.pageSize();
    }

    /**
     * The parts of a search, with their parameters (typed text only ever goes into parameters): {@code with} names the
     * query {@code query(q)}; {@code ownText} and {@code answers} select {@code id, r} of the questions that match by
     * their own text and by an answer; {@code where} filters questions by tags alone.
     */
    private record Filter(String with, String ownText, String answers, String where, List<Object> params) {
    }

    private Filter filter(SearchQuery search) {
        if (!search.hasWords()) { // tags alone: no text to match, the tags are the only parameters
            List<Object> params = new ArrayList<>(search.tags());
            return new Filter("", null, null, "q.deleted_at IS NULL" + tagConditions(search.tags(), 0), params);
        }
        List<Object> params = new ArrayList<>();
        params.add(config.config());
        params.add(search.leading());
        // "<", "</", ">" and "/>" as spaces, as in the stored vectors (V27): "<section>" is a word, not markup left out.
        String tsquery = "websearch_to_tsquery(CAST(?1 AS regconfig), regexp_replace(?2, '</?|/?>', ' ', 'g'))";
        String prefix = search.prefix();
        if (prefix != null) {
            // As the suggestions do: the last word stemmed, or as the start of a word. Letters and digits only.
            params.add(prefix);
            params.add(prefix + ":*");
            tsquery += (search.orPrefix() ? " || " : " && ")
                    + "(to_tsquery(CAST(?1 AS regconfig), ?3) || to_tsquery('simple', ?4))";
        }
        String tags = tagConditions(search.tags(), params.size());
        params.addAll(search.tags());
        // Deleted posts are few: they are filtered out of what the indexes find.
        String ownText = "SELECT q.id, " + RANK + " AS r FROM question q, query WHERE q.search_vector @@ query.q"
                + " AND q.deleted_at IS NULL" + tags;
        String answers = "SELECT q.id, " + ANSWER_RANK + " AS r FROM answer a JOIN question q ON q.id = a.question_id,"
                + " query WHERE a.search_vector @@ query.q AND a.deleted_at IS NULL AND q.deleted_at IS NULL" + tags;
        return new Filter("WITH query AS (SELECT " + tsquery + " AS q) ", ownText, answers,
                "q.deleted_at IS NULL" + tags, params);
    }

    /** A condition on {@code q} for each tag, whose names are the parameters after the first {@code before}. */
    private static String tagConditions(List<String> tags, int before) {
        StringBuilder conditions = new StringBuilder();
        for (int i = 1; i <= tags.size(); i++) {
            conditions.append(" AND EXISTS (SELECT 1 FROM question_tag qt JOIN tag t ON t.id = qt.tag_id"
                    + " WHERE qt.question_id = q.id AND t.name = ?").append(before + i).append(')');
        }
        return conditions.toString();
    }

    private List<Hit> hits(List<Long> ids, List<Long> byAnswer, SearchQuery search) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Question> questions = new HashMap<>();
        Question.<Question> find("select distinct q from Question q join fetch q.author left join fetch q.tags"
                + " where q.id in ?1", ids).list().forEach(q -> questions.put(q.id, q));
        Map<Long, Snippets.Marked> marked = search.hasWords() ? snippets.mark(questions, byAnswer, prepared(search))
                : Map.of();
        List<Hit> hits = new ArrayList<>();
        for (long id : ids) {
            Question question = questions.get(id);
            if (question == null) {
                continue;
            }
            Snippets.Marked m = marked.get(id);
            hits.add(m == null ? new Hit(question, Html.escape(question.title), Html.escape(Snippets.excerpt(question.body)),
                    false) : new Hit(question, m.titleHtml(), m.snippetHtml(), m.fromAnswer()));
        }
        return hits;
    }

    /** The query's parameters and the {@code WITH query} part, for the snippets of the same search. */
    record Prepared(String with, List<Object> params) {
    }

    private Prepared prepared(SearchQuery search) {
        Filter filter = filter(search);
        return new Prepared(filter.with, filter.params.subList(0, search.prefix() == null ? 2 : 4));
    }

    static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    /** Escapes the text for HTML, then turns the match markers into {@code <mark>} elements. */
    static String highlight(String marked) {
        return Html.escape(marked).replace(START, "<mark>").replace(STOP, "</mark>");
    }
}
