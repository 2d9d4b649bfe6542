package org.qasite.question;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.qasite.limit.RateLimiter;
import org.qasite.refusal.QaException;
import org.qasite.tag.Tag;
import org.qasite.tag.TagFollow;
import org.qasite.text.i18n.Refusals;

/** A member follows or unfollows a question or a tag (counted against a rate limit, so a script cannot flood them). */
@ApplicationScoped
public class FollowService {

    private final RateLimiter rateLimiter;

    FollowService(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    /** 404 for a question that does not exist or that the member may not see (deleted, not theirs). */
    @Transactional
    public Question question(long memberId, long questionId, boolean following) {
        Question question = Question.findById(questionId);
        if (question == null) {
            throw QaException.notFound(Refusals.now().follow_no_question(questionId));
        }
        DeletedPosts.require(question, memberId);
        rateLimiter.acquire(RateLimiter.Action.FOLLOW, memberId);
        QuestionFollow.choose(memberId, questionId, following);
        return question;
    }

    /** 404 for a tag that does not exist. */
    @Transactional
    public Tag tag(long memberId, String name, boolean following) {
        Tag tag = Tag.findByName(name == null ? null : name.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> QaException.notFound(Refusals.now().follow_no_tag(name)));
        rateLimiter.acquire(RateLimiter.Action.FOLLOW, memberId);
        TagFollow.choose(memberId, tag.id, following);
        return tag;
    }
}
