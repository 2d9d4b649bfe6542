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

/** One member's +1/−1 on an answer. */
@Entity
@Table(name = "answer_vote")
public class AnswerVote extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public short value;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "answer_id")
        public Long answerId;
        @Column(name = "member_id")
        public Long memberId;

        public Key() {
        }

        public Key(Long answerId, Long memberId) {
            this.answerId = answerId;
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(answerId, k.answerId) && Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(answerId, memberId);
        }
    }
}
