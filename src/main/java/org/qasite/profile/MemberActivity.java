package org.qasite.profile;

import java.time.Instant;

import org.qasite.member.Member;

/**
 * A member as /users lists them: what they posted that is still shown (questions, answers), the rating those posts
 * earned, and when they last posted (or joined, when they never did).
 */
public record MemberActivity(Member member, long questions, long answers, long rating, Instant lastActive) {
}
