package org.qasite.question;

import org.qasite.member.Member;

/** Who may do what to a post; one place, so that members with a privilege can be added later. */
public final class PostRights {

    private PostRights() {
    }

    /** Whether the member (null: a visitor, who is nobody's author) wrote the post. */
    public static boolean isAuthor(Long memberId, Post post) {
        return memberId != null && post.author != null && memberId.equals(post.author.id);
    }

    /** Whether the member (null for a visitor) may edit the post: its author, for now. */
    public static boolean mayEdit(Member member, Post post) {
        return member != null && isAuthor(member.id, post);
    }

    /**
     * Whether the page offers the member to edit the post (or roll it back) now: as {@link #mayEdit}, and not while it
     * is deleted (undeleting comes first), nor an answer of a deleted question.
     */
    public static boolean offersEdit(Member member, Post post) {
        boolean deleted = post.isDeleted() || post instanceof Answer answer && answer.question.isDeleted();
        return !deleted && mayEdit(member, post);
    }
}
