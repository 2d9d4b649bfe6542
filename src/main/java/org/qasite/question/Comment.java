package org.qasite.question;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.qasite.member.Member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A comment on a question ({@code answerId} null) or on one of its answers. */
@Entity
@Table(name = "comment")
public class Comment extends PanacheEntityBase {

    public static final int MIN_BODY = 15;
    public static final int MAX_BODY = 600;

    @Id
    @SequenceGenerator(name = "comment_seq", sequenceName = "comment_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_seq")
    public Long id;

    /** The question of the thread, also for a comment on one of its answers. */
    @Column(name = "question_id")
    public long questionId;

    @Column(name = "answer_id")
    public Long answerId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Member author;

    /** The Markdown as written (inline only). */
    public String body;

    @Column(name = "body_html")
    public String bodyHtml;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The post it is on, as the DOM hooks name it: {@code question-{id}} or {@code answer-{id}}. */
    public String postKey() {
        return answerId == null ? "question-" + questionId : "answer-" + answerId;
    }
}
