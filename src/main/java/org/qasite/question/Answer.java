package org.qasite.question;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.qasite.member.Member;
import org.qasite.refusal.Ids;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;

import io.quarkus.panache.common.Page;

@Entity
@Table(name = "answer")
public class Answer extends Post {

    public static final int MIN_BODY = 2;
    public static final int MAX_BODY = 30_000;

    /** The orders a question's answers can be read in. */
    public enum Sort {
        NEWEST("a.createdAt desc, a.id desc"),
        VOTES("a.rating desc, a.createdAt desc, a.id desc");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        public static Sort parse(String value) {
            return "votes".equalsIgnoreCase(value) ? VOTES : NEWEST;
        }
    }

    @Id
    // Given by the column's default (its sequence) in the INSERT itself, which returns it: no round trip of its own
    // before the insert, as a sequence read by Hibernate would take.
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "question_id")
    public Question question;

    /** A page of the answers everyone sees. */
    public static List<Answer> listForQuestion(Question question, Sort sort, Page page) {
        return listForQuestion(question, sort, page, null);
    }

    /**
     * A page of the answers the reader sees: those not deleted, and the reader's own deleted ones in their places (a
     * null reader, a visitor, sees no deleted one). {@link #countForReader} counts the same answers.
     */
    public static List<Answer> listForQuestion(Question question, Sort sort, Page page, Long readerId) {
        return find("select a from Answer a join fetch a.author where a.question = ?1"
                + " and (a.deletedAt is null or a.author.id = ?2) order by " + sort.orderBy, question,
                readerId == null ? -1L : readerId).page(page).list();
    }

    /** How many answers of the question the reader sees: the counted ones, and the reader's own deleted ones. */
    public static long countForReader(Question question, Long readerId) {
        if (readerId == null) {
            return question.answerCount;
        }
        return question.answerCount + count("question = ?1 and author.id = ?2 and deletedAt is not null", question, readerId);
    }

    /** Answers posted after the given one, oldest first: what a client that saw {@code afterId} has missed. */
    public static List<Answer> listAfter(Question question, long afterId, int limit) {
        return find("select a from Answer a join fetch a.author where a.question = ?1 and a.id > ?2"
                + " and a.deletedAt is null order by a.id", question, afterId).range(0, limit - 1).list();
    }

    /** The answer with the id as typed in an address, or a 404 that says there is none. */
    public static Answer require(String rawId) {
        long id = Ids.parse(rawId, "answer");
        Answer answer = findById(id);
        if (answer == null) {
            throw QaException.notFound(Refusals.now().no_answer(id));
        }
        return answer;
    }

    /** How many answers of the same question the reader sees before this one in the newest-first order. */
    public static long countNewerThan(Answer answer, Long readerId) {
        return count("question = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3))"
                + " and (deletedAt is null or author.id = ?4)", answer.question, answer.createdAt, answer.id,
                readerId == null ? -1L : readerId);
    }

    /** The same text posted by the same member on the same question since the given time (a resubmitted form). */
    public static Answer findRepeat(long authorId, long questionId, String body, java.time.Instant since) {
        return find("author.id = ?1 and question.id = ?2 and body = ?3 and createdAt > ?4", authorId, questionId,
                body, since).firstResult();
    }

    public static List<Answer> listByAuthor(Member author, Page page) {
        return find("select a from Answer a join fetch a.question q where a.author = ?1 and a.deletedAt is null"
                + " and q.deletedAt is null order by a.createdAt desc, a.id desc", author).page(page).list();
    }

    /** The member's answers that are shown: neither they nor their questions were deleted. */
    public static long countByAuthor(Member author) {
        return count("author = ?1 and deletedAt is null and question.deletedAt is null", author);
    }
}
