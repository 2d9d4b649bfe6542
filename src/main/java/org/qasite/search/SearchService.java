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
import org.qasite.text.Html;
import org.qasite.text.InputText;

/** Ranked full-text search over questions, with highlighted titles and snippets. */
@ApplicationScoped
public class SearchService {

    /** Counting stops here: "1,000+ results" is all a reader needs, and counting every match of a common word is slow. */
    static final int COUNT_LIMIT = 1000;
    /** ts_headline marks matches with these (control characters never stored in a post), turned into {@code <mark>}. */
    static final String START = "\u0002";
    static final String STOP = "\u0003";
    private static final String SNIPPET_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP
            + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";
    private static final String TITLE_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP + ", HighlightAll=true";

    /**
     * The rank: cover density over title (weight A, 1.0) and body (weight B, 0.4), so a match in the title counts
     * two and a half times one in the body; times a bonus that grows with the logarithm of the question's rating.
     */
    private static final String RANK = "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', q.search_vector, query.q)"
            + " * (1 + ln(1 + greatest(q.rating, 0)) / 5)";

    /** One result: the question, its title and a snippet of its body with the matches marked, as safe HTML. */
    public record Hit(Question question, String titleHtml, String snippetHtml) {
    }

    private final EntityManager em;
    private final SearchConfig config;

    SearchService(EntityManager em, SearchConfig config) {
        this.em = em;
        this.config = config;
    }

    /** How many questions match, up to {@link #COUNT_LIMIT} + 1 (more than the limit: "1,000+"). */
    @Transactional
    public long count(SearchQuery search) {
        if (search.isEmpty()) {
            return 0;
        }
        Filter filter = filter(search);
        return ((Number) bind(em.createNativeQuery("SELECT count(*) FROM (SELECT 1" + filter.from + " LIMIT "
                + (COUNT_LIMIT + 1) + ") matches"), filter.params).getSingleResult()).longValue();
    }

    /** One page of results, best first (newest first when only tags were given). */
    @Transactional
    public List<Hit> page(SearchQuery search, int page) {
        if (search.isEmpty()) {
            return List.of();
        }
        Filter filter = filter(search);
        String order = search.hasWords() ? RANK + " DESC, q.id DESC" : "q.created_at DESC, q.id DESC";
        Query query = bind(em.createNativeQuery("SELECT q.id" + filter.from + " ORDER BY " + order + " LIMIT "
                + config.pageSize() + " OFFSET " + (long) Math.max(0, page - 1) * config.pageSize()), filter.params);
        List<Long> ids = ((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
        return hits(ids, search);
    }

    /** One suggestion as the header box shows it: {@code titleHtml} has the matching words marked, escaped. */
    public record Suggestion(long id, String title, String titleHtml, int answers) {
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
        return rows.stream().map(r -> new Suggestion(((Number) r[0]).longValue(), (String) r[1], highlight((String) r[3]),
                ((Number) r[2]).intValue())).toList();
    }

    public int pageSize() {
        return config.pageSize();
    }

    /** FROM and WHERE of a search, with its parameters: typed text only ever goes into parameters. */
    private record Filter(String from, List<Object> params) {
    }

    private Filter filter(SearchQuery search) {
        List<Object> params = new ArrayList<>();
        params.add(config.config());
        params.add(search.words());
        // Deleted questions are few: they are filtered out of what the index finds.
        StringBuilder where = new StringBuilder(
                search.hasWords() ? "q.search_vector @@ query.q AND q.deleted_at IS NULL" : "q.deleted_at IS NULL");
        for (String tag : search.tags()) {
            params.add(tag);
            where.append(" AND EXISTS (SELECT 1 FROM question_tag qt JOIN tag t ON t.id = qt.tag_id"
                    + " WHERE qt.question_id = q.id AND t.name = ?").append(params.size()).append(')');
        }
        return new Filter(" FROM question q, websearch_to_tsquery(CAST(?1 AS regconfig), ?2) AS query(q) WHERE " + where,
                params);
    }

    private List<Hit> hits(List<Long> ids, SearchQuery search) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Question> questions = new HashMap<>();
        Question.<Question> find("select distinct q from Question q join fetch q.author left join fetch q.tags"
                + " where q.id in ?1", ids).list().forEach(q -> questions.put(q.id, q));
        Map<Long, String[]> marked = new HashMap<>();
        if (search.hasWords()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT q.id, ts_headline(CAST(?1 AS regconfig), q.title, query.q, ?3),"
                    + " ts_headline(CAST(?1 AS regconfig), q.body, query.q, ?4)"
                    + " FROM question q, websearch_to_tsquery(CAST(?1 AS regconfig), ?2) AS query(q) WHERE q.id IN (?5)")
                    .setParameter(1, config.config()).setParameter(2, search.words()).setParameter(3, TITLE_OPTIONS)
                    .setParameter(4, SNIPPET_OPTIONS).setParameter(5, ids).getResultList();
            rows.forEach(r -> marked.put(((Number) r[0]).longValue(), new String[] { (String) r[1], (String) r[2] }));
        }
        List<Hit> hits = new ArrayList<>();
        for (long id : ids) {
            Question question = questions.get(id);
            if (question == null) {
                continue;
            }
            String[] m = marked.get(id);
            String title = m == null ? Html.escape(question.title) : highlight(m[0]);
            String snippet = m == null ? Html.escape(excerpt(question.body)) : highlight(m[1]);
            hits.add(new Hit(question, title, snippet));
        }
        return hits;
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    /** Escapes the text for HTML, then turns the match markers into {@code <mark>} elements. */
    static String highlight(String marked) {
        return Html.escape(marked).replace(START, "<mark>").replace(STOP, "</mark>");
    }

    private static String excerpt(String body) {
        if (body.codePointCount(0, body.length()) <= 240) {
            return body;
        }
        return body.substring(0, body.offsetByCodePoints(0, 240)) + " …";
    }
}
