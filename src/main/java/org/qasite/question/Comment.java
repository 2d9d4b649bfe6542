package org.qasite.question;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
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
    // Given by the column's default (its sequence) in the INSERT itself, which returns it: no round trip of its own
    // before the insert, as a sequence read by Hibernate would take.
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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

    /**
     * The member's comment with this text on the same post (an answer's, or the question's own when {@code answerId} is
     * null) since the time, not deleted: the same comment sent again (a double click, the back button), or null.
     */
    public static Comment findRepeat(long authorId, long questionId, Long answerId, String body, Instant since) {
        return (answerId == null
                ? find("author.id = ?1 and questionId = ?2 and answerId is null and body = ?3 and createdAt > ?4"
                        + " and deletedAt is null", authorId, questionId, body, since)
                : find("author.id = ?1 and answerId = ?2 and body = ?3 and createdAt > ?4 and deletedAt is null",
                        authorId, answerId, body, since))
                .firstResult();
    }

    /**
     * The comments shown under a question page: those on the question and those on the given answers, not deleted,
     * oldest first, with their authors, in one query. The answers' ids go as one array parameter: Hibernate translates a
     * query with a list parameter ({@code in ?2}) to SQL again for every call, which cost more than the query itself.
     */
    public static List<Comment> listForPage(long questionId, Collection<Long> answerIds) {
        if (answerIds.isEmpty()) {
            return find("select c from Comment c join fetch c.author where c.questionId = ?1 and c.answerId is null"
                    + " and c.deletedAt is null order by c.createdAt, c.id", questionId).list();
        }
        return find("select c from Comment c join fetch c.author where c.questionId = ?1"
                + " and (c.answerId is null or array_contains(?2, c.answerId)) and c.deletedAt is null"
                + " order by c.createdAt, c.id", questionId, answerIds.toArray(Long[]::new)).list();
    }

    /** The comment with its author read in the same query (what its fragment shows), or null. */
    public static Comment findWithAuthor(long id) {
        return Comment.<Comment> find("select c from Comment c join fetch c.author where c.id = ?1", id).firstResult();
    }

    /** The comments of one post (an answer, or the question itself when {@code answerId} is null), oldest first. */
    public static List<Comment> listForPost(long questionId, Long answerId) {
        if (answerId == null) {
            return find("select c from Comment c join fetch c.author where c.questionId = ?1 and c.answerId is null"
                    + " and c.deletedAt is null order by c.createdAt, c.id", questionId).list();
        }
        return find("select c from Comment c join fetch c.author where c.answerId = ?1 and c.deletedAt is null"
                + " order by c.createdAt, c.id", answerId).list();
    }

    public static long countForPost(long questionId, Long answerId) {
        return answerId == null ? count("questionId = ?1 and answerId is null and deletedAt is null", questionId)
                : count("answerId = ?1 and deletedAt is null", answerId);
    }

    /** Whether {@code member} wrote it (false for a visitor, null). */
    public boolean isBy(Member member) {
        return member != null && member.id.equals(author.id);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** The post it is on, as the DOM hooks name it: {@code question-{id}} or {@code answer-{id}}. */
    public String postKey() {
        return answerId == null ? "question-" + questionId : "answer-" + answerId;
    }
}
