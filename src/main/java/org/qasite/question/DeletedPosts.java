package org.qasite.question;

import java.util.function.Function;

import org.qasite.refusal.QaException;
import org.qasite.text.i18n.RefusalMsg;
import org.qasite.text.i18n.Refusals;

/**
 * Who sees a deleted post: its author, who may undelete it, and nobody else. Everyone else is answered as for a post
 * that is not there, with a message that says it was deleted.
 */
public final class DeletedPosts {

    private DeletedPosts() {
    }

    /** Whether the reader sees the post itself (for an answer, see {@link #require(Answer, Long)} about its question). */
    public static boolean visibleTo(Post post, Long readerId) {
        return !post.isDeleted() || PostRights.isAuthor(readerId, post);
    }

    /** The question, unless it was deleted and the reader is not its author. */
    public static Question require(Question question, Long readerId) {
        if (!visibleTo(question, readerId)) {
            throw QaException.notFound(Refusals.now().deleted_by_author("question", question.id));
        }
        return question;
    }

    /** The answer, unless it or its question was deleted and the reader is not the author of what was. */
    public static Answer require(Answer answer, Long readerId) {
        if (!visibleTo(answer, readerId)) {
            throw QaException.notFound(Refusals.now().deleted_by_author("answer", answer.id));
        }
        require(answer.question, readerId);
        return answer;
    }

    /** Nothing may be added to a deleted post, nor done with it, but undeleting it. */
    static void refuseIfDeleted(Post post, Function<RefusalMsg, String> refused) {
        if (post.isDeleted()) {
            throw QaException.conflict(refused.apply(Refusals.now()));
        }
    }
}
