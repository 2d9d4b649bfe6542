package org.qasite.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.qasite.member.Member;
import org.qasite.question.Question;

/** What the upgrade check reads from the database: whether the question exists, and who the member is. */
@ApplicationScoped
public class LiveLookups {

    /** The question's author, or null when there is no such question: no room is opened for it. */
    @Transactional
    public Long questionAuthor(long questionId) {
        return Question.getEntityManager()
                .createQuery("select q.author.id from Question q where q.id = ?1", Long.class).setParameter(1, questionId)
                .getResultStream().findFirst().orElse(null);
    }

    /** The id of the member with this user name, or null. */
    @Transactional
    public Long memberId(String username) {
        return Member.findByUsername(username).map(m -> m.id).orElse(null);
    }
}
