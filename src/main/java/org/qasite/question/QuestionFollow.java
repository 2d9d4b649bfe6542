package org.qasite.question;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A member's own choice about following a question. Without one, a member follows the questions they asked, answered
 * or commented on ({@link #isFollowing}); {@code following = false} unfollows such a question for good, until they
 * follow it again.
 */
@Entity
@Table(name = "question_follow")
@IdClass(QuestionFollow.Key.class)
public class QuestionFollow extends PanacheEntityBase {

    /** The primary key: member and question. */
    public static class Key implements Serializable {
        public Long memberId;
        public Long questionId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(memberId, other.memberId)
                    && Objects.equals(questionId, other.questionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, questionId);
        }
    }

    @Id
    @Column(name = "member_id")
    public Long memberId;

    @Id
    @Column(name = "question_id")
    public Long questionId;

    public boolean following;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    /**
     * Who follows a question, as SQL with the question id given by the SQL expression {@code question} (a parameter, or
     * a column of the statement it goes into; a constant of the caller's, never input): the members who asked, answered
     * (an answer not deleted) or commented (a comment not deleted), and those who chose to, less those who chose not to.
     * Deleted members are left to the caller.
     */
    public static String followersSql(String question) {
        return """
                SELECT f.member_id FROM (
                    SELECT q.author_id AS member_id FROM question q WHERE q.id = %1$s
                    UNION SELECT a.author_id FROM answer a WHERE a.question_id = %1$s AND a.deleted_at IS NULL
                    UNION SELECT c.author_id FROM comment c WHERE c.question_id = %1$s AND c.deleted_at IS NULL
                    UNION SELECT qf.member_id FROM question_follow qf WHERE qf.question_id = %1$s AND qf.following
                ) f
                WHERE NOT EXISTS (SELECT 1 FROM question_follow u
                                  WHERE u.question_id = %1$s AND u.member_id = f.member_id AND NOT u.following)
                """.formatted(question);
    }

    /**
     * Whether the member follows the question, by choice or because they took part in it: {@link #followersSql} for one
     * member, each part looked up by its index instead of listing everyone.
     */
    public static boolean isFollowing(long memberId, long questionId) {
        Object found = getEntityManager().createNativeQuery("""
                SELECT coalesce((SELECT following FROM question_follow WHERE member_id = :member AND question_id = :question),
                    EXISTS (SELECT 1 FROM question WHERE id = :question AND author_id = :member)
                    OR EXISTS (SELECT 1 FROM answer WHERE question_id = :question AND author_id = :member
                               AND deleted_at IS NULL)
                    OR EXISTS (SELECT 1 FROM comment WHERE question_id = :question AND author_id = :member
                               AND deleted_at IS NULL))
                """).setParameter("question", questionId).setParameter("member", memberId).getSingleResult();
        return Boolean.TRUE.equals(found);
    }

    /** Records the member's choice, replacing an earlier one. */
    public static void choose(long memberId, long questionId, boolean following) {
        getEntityManager().createNativeQuery("""
                INSERT INTO question_follow (member_id, question_id, following) VALUES (?1, ?2, ?3)
                ON CONFLICT (member_id, question_id) DO UPDATE SET following = EXCLUDED.following, created_at = now()
                """).setParameter(1, memberId).setParameter(2, questionId).setParameter(3, following).executeUpdate();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuestionFollow other && Objects.equals(memberId, other.memberId)
                && Objects.equals(questionId, other.questionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(memberId, questionId);
    }
}
