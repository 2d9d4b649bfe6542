package org.qasite.tag;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Every tag with its question count (kept in the tag, see V26), for /tags and its API: filtered by the start of the name
 * (without case, through the index on lower(name)), most used first or by name.
 */
@ApplicationScoped
public class TagList {

    /** The orders of the list. */
    public enum Sort {
        POPULAR("questions DESC, t.name"),
        NAME("t.name");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        /** The order a {@code sort} parameter names; anything else is the default, most used first. */
        public static Sort parse(String raw) {
            return "name".equals(raw) ? NAME : POPULAR;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final EntityManager em;

    TagList(EntityManager em) {
        this.em = em;
    }

    /**
     * The filter as the list matches it: the start of a name, in the one form names have (lower case, NFKC), or
     * empty for every tag.
     */
    public static String prefix(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        return TagNames.name(raw);
    }

    public long count(String prefix) {
        if (prefix.isEmpty()) {
            return Tag.count();
        }
        if (tooLong(prefix)) {
            return 0;
        }
        return ((Number) em.createNativeQuery("SELECT count(*) FROM tag t WHERE lower(t.name) LIKE ?1 ESCAPE '\\'")
                .setParameter(1, like(prefix)).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    public List<TagCount> list(String prefix, Sort sort, int offset, int limit) {
        if (tooLong(prefix)) {
            return List.of();
        }
        String where = prefix.isEmpty() ? "" : " WHERE lower(t.name) LIKE ?1 ESCAPE '\\'";
        // The count kept in the tag plus the changes not yet folded into it (CountFolds): a handful of rows.
        var query = em.createNativeQuery("SELECT t.name, t.questions + coalesce(d.s, 0) AS questions FROM tag t"
                + " LEFT JOIN (SELECT tag_id, sum(d) AS s FROM tag_count_delta GROUP BY tag_id) d ON d.tag_id = t.id"
                + where + " ORDER BY " + sort.orderBy + " LIMIT " + limit + " OFFSET " + offset);
        if (!prefix.isEmpty()) {
            query.setParameter(1, like(prefix));
        }
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new TagCount((String) row[0], ((Number) row[1]).longValue())).toList();
    }

    /** No tag name is longer: nothing to ask the database (and no NUL it would refuse). */
    private static boolean tooLong(String prefix) {
        return prefix.length() > TagNames.MAX_LENGTH || prefix.indexOf('\0') >= 0;
    }

    /** The prefix as a LIKE pattern: its own % _ and \\ match themselves. */
    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
