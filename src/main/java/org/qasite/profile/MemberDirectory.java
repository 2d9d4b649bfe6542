package org.qasite.profile;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.qasite.member.Member;

import io.quarkus.panache.common.Page;

/**
 * The members /users lists (not deleted accounts), newest first or by name, optionally those whose username starts
 * with a filter; and their activity, read for one page of members at a time.
 */
@ApplicationScoped
class MemberDirectory {

    /** The orders of the list. */
    enum Sort {
        NEWEST("createdAt desc, id desc"),
        NAME("username, id");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        static Sort parse(String raw) {
            return "name".equals(raw) ? NAME : NEWEST;
        }
    }

    /** What the start of a username can be (see {@link Member#USERNAME}). */
    private static final java.util.regex.Pattern USERNAME_PREFIX = java.util.regex.Pattern
            .compile("[A-Za-z0-9_.\\-]{1," + Member.MAX_USERNAME + "}");

    private final EntityManager em;

    MemberDirectory(EntityManager em) {
        this.em = em;
    }

    /** The filter as matched: the start of a username, any case; empty for everyone. */
    static String prefix(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String prefix = raw.strip();
        return USERNAME_PREFIX.matcher(prefix).matches() ? prefix : null; // null: no username can match
    }

    long count(String prefix) {
        if (prefix == null) {
            return 0;
        }
        return prefix.isEmpty() ? Member.count("deletedAt is null")
                : Member.count("deletedAt is null and lower(username) like ?1 escape '\\'", like(prefix));
    }

    List<MemberActivity> list(String prefix, Sort sort, Page page) {
        if (prefix == null) {
            return List.of();
        }
        List<Member> members = prefix.isEmpty()
                ? Member.<Member> find("deletedAt is null order by " + sort.orderBy).page(page).list()
                : Member.<Member> find("deletedAt is null and lower(username) like ?1 escape '\\' order by " + sort.orderBy,
                        like(prefix)).page(page).list();
        if (members.isEmpty()) {
            return List.of();
        }
        List<Long> ids = members.stream().map(m -> m.id).toList();
        Map<Long, Object[]> questions = byAuthor("""
                SELECT author_id, count(*), coalesce(sum(rating), 0), max(created_at) FROM question
                 WHERE author_id = ANY(?1) AND deleted_at IS NULL GROUP BY author_id
                """, ids);
        Map<Long, Object[]> answers = byAuthor("""
                SELECT a.author_id, count(*), coalesce(sum(a.rating), 0), max(a.created_at) FROM answer a
                  JOIN question q ON q.id = a.question_id
                 WHERE a.author_id = ANY(?1) AND a.deleted_at IS NULL AND q.deleted_at IS NULL GROUP BY a.author_id
                """, ids);
        return members.stream().map(m -> {
            Object[] q = questions.get(m.id);
            Object[] a = answers.get(m.id);
            Instant last = latest(latest(m.createdAt, q), a);
            return new MemberActivity(m, number(q, 1), number(a, 1), number(q, 2) + number(a, 2), last);
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Object[]> byAuthor(String sql, List<Long> ids) {
        Map<Long, Object[]> rows = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(sql).setParameter(1, ids.toArray(Long[]::new))
                .getResultList()) {
            rows.put(((Number) row[0]).longValue(), row);
        }
        return rows;
    }

    private static long number(Object[] row, int column) {
        return row == null ? 0 : ((Number) row[column]).longValue();
    }

    private static Instant latest(Instant current, Object[] row) {
        if (row == null || row[3] == null) {
            return current;
        }
        Instant time = switch (row[3]) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> current;
        };
        return time.isAfter(current) ? time : current;
    }

    /** Usernames are letters, digits and . _ -: only _ means something to LIKE. */
    private static String like(String prefix) {
        return prefix.toLowerCase(java.util.Locale.ROOT).replace("_", "\\_") + "%";
    }
}
