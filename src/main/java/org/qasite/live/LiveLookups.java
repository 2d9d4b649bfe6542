package org.qasite.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.qasite.member.Member;
import org.qasite.question.Question;

/** What the upgrade check reads from the database: whether the question exists and for whom, and who the member is. */
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
        return Question.getEntityManager()
                .createQuery("select q.author.id, q.deletedAt from Question q where q.id = ?1", Object[].class)
                .setParameter(1, questionId).getResultStream().findFirst()
                .map(row -> new Room((Long) row[0], row[1] != null)).orElse(null);
    }

    /** A member as a socket knows them: their id and the language they chose (null: none). */
    public record Known(long id, String locale) {
    }

    /** The member with this user name, or null. */
    @Transactional
    public Known member(String username) {
        return Member.findByUsername(username).map(m -> new Known(m.id, m.locale)).orElse(null);
    }
}
