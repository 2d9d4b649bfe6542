package org.qasite.question;

import java.util.List;
import java.util.Locale;

import org.qasite.member.Member;

/**
 * The people of a question's thread: its author, the authors of its answers and the authors of its comments. They are
 * whom a comment may mention, and whom the comment box suggests after an {@code @}.
 */
final class ThreadPeople {

    private static final String PEOPLE = """
            select m from Member m where m.deletedAt is null and (
                m.id = (select q.author.id from Question q where q.id = :question)
                or m.id in (select a.author.id from Answer a where a.question.id = :question)
                or m.id in (select c.author.id from Comment c where c.questionId = :question and c.deletedAt is null))
            """;

    private ThreadPeople() {
    }

    /** Everyone of the thread, by username. */
    static List<Member> of(long questionId) {
        return Member.getEntityManager().createQuery(PEOPLE + " order by m.username", Member.class)
                .setParameter("question", questionId).getResultList();
    }

    /** At most {@code limit} people of the thread whose username or display name starts with {@code prefix}. */
    static List<Member> matching(long questionId, String prefix, int limit) {
        String pattern = prefix.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
        return Member.getEntityManager()
                .createQuery(PEOPLE + " and (lower(m.username) like :prefix escape '\\' or lower(m.displayName) like"
                        + " :prefix escape '\\') order by m.username", Member.class)
                .setParameter("question", questionId).setParameter("prefix", pattern).setMaxResults(limit)
                .getResultList();
    }
}
