package org.qasite.question;

import org.qasite.member.Member;

/** Who may do what to a post; one place, so that members with a privilege can be added later. */
public final class PostRights {

    private PostRights() {
    }

    /** Whether the member (null for a visitor) may edit the post: its author, for now. */
    public static boolean mayEdit(Member member, Post post) {
        return member != null && post.author != null && member.id.equals(post.author.id);
    }
}
