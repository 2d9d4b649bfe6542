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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.qasite.member.Member;
import org.qasite.refusal.Ids;
import org.qasite.refusal.QaException;

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
    @SequenceGenerator(name = "answer_seq", sequenceName = "answer_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "answer_seq")
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "question_id")
    public Question question;

    public static List<Answer> listForQuestion(Question question, Sort sort, Page page) {
        return find("select a from Answer a join fetch a.author where a.question = ?1 order by " + sort.orderBy, question)
                .page(page).list();
    }

    /** Answers posted after the given one, oldest first: what a client that saw {@code afterId} has missed. */
    public static List<Answer> listAfter(Question question, long afterId, int limit) {
        return find("select a from Answer a join fetch a.author where a.question = ?1 and a.id > ?2 order by a.id", question,
                afterId).range(0, limit - 1).list();
    }

    /** The answer with the id as typed in an address, or a 404 that says there is none. */
    public static Answer require(String rawId) {
        Answer answer = findById(Ids.parse(rawId, "answer"));
        if (answer == null) {
            throw QaException.notFound("There is no answer " + rawId + ".");
        }
        return answer;
    }

    /** How many answers of the same question come before this one in the newest-first order. */
    public static long countNewerThan(Answer answer) {
        return count("question = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3))", answer.question,
                answer.createdAt, answer.id);
    }

    /** The same text posted by the same member on the same question since the given time (a resubmitted form). */
    public static Answer findRepeat(long authorId, long questionId, String body, java.time.Instant since) {
        return find("author.id = ?1 and question.id = ?2 and body = ?3 and createdAt > ?4", authorId, questionId,
                body, since).firstResult();
    }

    public static List<Answer> listByAuthor(Member author, Page page) {
        return find("select a from Answer a join fetch a.question where a.author = ?1 order by a.createdAt desc, a.id desc",
                author).page(page).list();
    }

    public static long countByAuthor(Member author) {
        return count("author", author);
    }
}
