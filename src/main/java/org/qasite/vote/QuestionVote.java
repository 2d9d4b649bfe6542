package org.qasite.vote;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One member's +1/−1 on a question. */
@Entity
@Table(name = "question_vote")
public class QuestionVote extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public short value;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "question_id")
        public Long questionId;
        @Column(name = "member_id")
        public Long memberId;

        public Key() {
        }

        public Key(Long questionId, Long memberId) {
            this.questionId = questionId;
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(questionId, k.questionId) && Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(questionId, memberId);
        }
    }
}
