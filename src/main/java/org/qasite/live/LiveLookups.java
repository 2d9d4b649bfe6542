package org.qasite.live;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.qasite.member.Member;
import org.qasite.question.Question;

/**
 * What the upgrade check reads from the database: whether the question exists and for whom, and who the member is.
 * Plain SQL, not HQL: after a restart every open page reconnects at once, and each first use of an HQL query parses
 * it, in every request that comes before the first parse is cached. A hundred handshakes parsing the same HQL at once
 * held about 200 MiB in the parser's working sets and kept the site in back-to-back full collections for 20 s
 * ({@code bench/live.sh}'s first round).
 */
@ApplicationScoped
public class LiveLookups {

    /** A question's author, and whether it is deleted: then only its author still sees its page. */
    public record Room(long authorId, boolean deleted) {

        /** Whether the reader ({@code memberId} null: a visitor) sees the question's page. */
        public boolean isOpenTo(Long memberId) {
            return !deleted || Long.valueOf(authorId).equals(memberId);
        }
    }

    /** The question's author and deleted state, or null when there is no such question: no room is opened for it. */
    @Transactional
    public Room room(long questionId) {
        Object[] row = firstRow("SELECT author_id, deleted_at IS NOT NULL FROM question WHERE id = ?1", questionId);
        return row == null ? null : new Room(((Number) row[0]).longValue(), (Boolean) row[1]);
    }

    /** A member as a socket knows them: their id and the language they chose (null: none). */
    public record Known(long id, String locale) {
    }

    /** The member with this user name, or null. */
    @Transactional
    public Known member(String username) {
        if (!Member.isPossibleUsername(username)) {
            return null;
        }
        // citext: compared without case, as Member.findByUsername does
        Object[] row = firstRow("SELECT id, locale FROM member WHERE username = CAST(?1 AS citext)", username);
        return row == null ? null : new Known(((Number) row[0]).longValue(), (String) row[1]);
    }

    /** The first row the statement answers for its one parameter, or null when it answers none. */
    private static Object[] firstRow(String sql, Object parameter) {
        // by primary key or unique name: at most one row
        List<?> rows = Question.getEntityManager().createNativeQuery(sql).setParameter(1, parameter).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }
}
