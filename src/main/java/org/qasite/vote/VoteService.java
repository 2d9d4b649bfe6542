package org.qasite.vote;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;
import org.qasite.limit.RateLimiter;
import org.qasite.refusal.InvalidInput;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;

/**
 * Votes on questions and answers. The voted post's row is locked for the length of the transaction, so votes on one
 * post are applied one after the other and its rating always equals the sum of its votes.
 */
@ApplicationScoped
public class VoteService {

    /** What can be voted on; the names are constants of the schema, never input. */
    public enum Target {
        QUESTION("question", "question_vote", "question_id", "id"),
        ANSWER("answer", "answer_vote", "answer_id", "question_id");

        final String table;
        final String voteTable;
        final String column;
        /** The post's column that holds its question's id. */
        final String questionColumn;

        Target(String table, String voteTable, String column, String questionColumn) {
            this.table = table;
            this.voteTable = voteTable;
            this.column = column;
            this.questionColumn = questionColumn;
        }
    }

    /** The post's new score and the member's vote on it. */
    public record Result(int score, int myVote) {
    }

    private final EntityManager em;
    private final RateLimiter rateLimiter;
    private final Outbox outbox;

    VoteService(EntityManager em, RateLimiter rateLimiter, Outbox outbox) {
        this.em = em;
        this.rateLimiter = rateLimiter;
        this.outbox = outbox;
    }

    /** Casts (+1/−1), changes or withdraws (0) the member's vote. */
    @Transactional
    public Result vote(Target target, long postId, long memberId, Integer value) {
        if (value == null || value < -1 || value > 1) {
            throw InvalidInput.of("value", Refusals.forField().vote_value());
        }
        // The post and its question (the same row for a question): a deleted one takes no votes.
        List<?> post = em.createNativeQuery("SELECT p.author_id, p." + target.questionColumn
                + ", p.deleted_at IS NOT NULL OR q.deleted_at IS NOT NULL FROM " + target.table
                + " p JOIN question q ON q.id = p." + target.questionColumn + " WHERE p.id = ?1 FOR UPDATE OF p")
                .setParameter(1, postId).getResultList();
        if (post.isEmpty()) {
            throw QaException.notFound(Refusals.now().no_post_id(target.table, postId));
        }
        long authorId = ((Number) ((Object[]) post.get(0))[0]).longValue();
        long questionId = ((Number) ((Object[]) post.get(0))[1]).longValue();
        if ((Boolean) ((Object[]) post.get(0))[2]) {
            throw QaException.conflict(Refusals.now().vote_deleted(target.table));
        }
        if (target == Target.ANSWER) {
            // The question too, shared and after the answer (the order a deletion locks them in): deleting the question
            // (allowed while none of its answers is upvoted) waits for this vote, or this vote sees the deletion.
            Object questionDeleted = em.createNativeQuery(
                    "SELECT deleted_at IS NOT NULL FROM question WHERE id = ?1 FOR SHARE").setParameter(1, questionId)
                    .getSingleResult();
            if (Boolean.TRUE.equals(questionDeleted)) {
                throw QaException.conflict(Refusals.now().vote_question_deleted());
            }
        }
        if (authorId == memberId) {
            throw QaException.forbidden(Refusals.now().vote_own(target.table));
        }
        List<?> existing = em.createNativeQuery(
                "SELECT value FROM " + target.voteTable + " WHERE " + target.column + " = ?1 AND member_id = ?2")
                .setParameter(1, postId).setParameter(2, memberId).getResultList();
        int old = existing.isEmpty() ? 0 : ((Number) existing.get(0)).intValue();
        if (old == value) {
            throw QaException.conflict(value == 0 ? "You have not voted on this " + target.table + "."
                    : "You have already voted " + (value > 0 ? "up" : "down") + " on this " + target.table + ".");
        }
        if (value == 0) {
            em.createNativeQuery("DELETE FROM " + target.voteTable + " WHERE " + target.column + " = ?1 AND member_id = ?2")
                    .setParameter(1, postId).setParameter(2, memberId).executeUpdate();
        } else if (old == 0) {
            em.createNativeQuery("INSERT INTO " + target.voteTable + " (" + target.column
                    + ", member_id, value) VALUES (?1, ?2, ?3)")
                    .setParameter(1, postId).setParameter(2, memberId).setParameter(3, value.shortValue())
                    .executeUpdate();
        } else {
            em.createNativeQuery("UPDATE " + target.voteTable + " SET value = ?3, created_at = now() WHERE "
                    + target.column + " = ?1 AND member_id = ?2")
                    .setParameter(1, postId).setParameter(2, memberId).setParameter(3, value.shortValue())
                    .executeUpdate();
        }
        Number score = (Number) em.createNativeQuery("UPDATE " + target.table
                + " SET rating = rating + ?2 WHERE id = ?1 RETURNING rating")
                .setParameter(1, postId).setParameter(2, value - old).getSingleResult();
        outbox.record(EventType.VOTE_CAST, new Payloads.VoteCast(target.table, postId, questionId, authorId, memberId,
                value, score.intValue()));
        // Counted once the writes went through: a refusal rolls them back, a failed write costs no quota.
        rateLimiter.acquire(RateLimiter.Action.VOTE, memberId);
        return new Result(score.intValue(), value);
    }

    /** The member's votes on the given posts, by post id (absent = no vote). */
    public Map<Long, Integer> myVotes(Target target, long memberId, List<Long> postIds) {
        Map<Long, Integer> votes = new HashMap<>();
        if (postIds.isEmpty()) {
            return votes;
        }
        List<?> rows = em.createNativeQuery("SELECT " + target.column + ", value FROM " + target.voteTable
                + " WHERE member_id = ?1 AND " + target.column + " = ANY (?2)")
                .setParameter(1, memberId).setParameter(2, postIds.toArray(Long[]::new)).getResultList();
        for (Object row : rows) {
            Object[] cols = (Object[]) row;
            votes.put(((Number) cols[0]).longValue(), ((Number) cols[1]).intValue());
        }
        return votes;
    }
}
