package org.qasite.question;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qasite.member.Member;
import org.qasite.tag.TagFollow;
import org.qasite.web.page.Pager;

/**
 * What the question page shows: the question, one page of its answers, the reader's own votes, and for live updates
 * the stream position read before the answers (null when Redis did not tell), and the comments of the question and of
 * those answers. How many people have it open comes with the live socket's greeting.
 */
public record QuestionPage(Question question, List<Answer> answers, Pager pager, Answer.Sort sort, Member reader,
        int myQuestionVote, Map<Long, Integer> myAnswerVotes, String livePosition, PageComments comments) {

    /** A page without comments (pushed live, where the reader's page has its own). */
    public QuestionPage(Question question, List<Answer> answers, Pager pager, Answer.Sort sort, Member reader,
            int myQuestionVote, Map<Long, Integer> myAnswerVotes, String livePosition) {
        this(question, answers, pager, sort, reader, myQuestionVote, myAnswerVotes, livePosition, PageComments.NONE);
    }

    public QuestionPage withComments(PageComments pageComments) {
        return new QuestionPage(question, answers, pager, sort, reader, myQuestionVote, myAnswerVotes, livePosition,
                pageComments);
    }

    /** The page as one reader sees a single answer pushed live: no other answers, no votes of theirs. */
    public static QuestionPage forLiveAnswer(Question question, Member reader) {
        return new QuestionPage(question, List.of(), null, Answer.Sort.NEWEST, reader, 0, Map.of(), null);
    }

    /**
     * Whether this is the page pushed live to every reader who has no frame of their own, members and visitors alike:
     * its comment boxes come with both the form and the login link, and the reader's page keeps the one that fits.
     */
    public boolean isForEveryone() {
        return reader == null && pager == null;
    }

    /**
     * Whether a new answer goes straight into the list: when it is empty, or shows the first page newest first.
     * Elsewhere an alert says one arrived, and the list the reader is looking at stays as it is.
     */
    public boolean insertsLiveAnswers() {
        return answers.isEmpty() || (pager.page() == 1 && sort == Answer.Sort.NEWEST);
    }

    /** Whether the reader wrote the post: theirs to delete and undelete. */
    public boolean isMine(Post post) {
        return PostRights.isAuthor(reader == null ? null : reader.id, post);
    }

    public boolean isAuthor() {
        return reader != null && reader.id.equals(question.author.id);
    }

    /** Visitors see live buttons (they lead to the login page); only a post's own author cannot vote on it. */
    public boolean canVote(Member author) {
        return reader == null || !reader.id.equals(author.id);
    }

    /** Whether the reader may edit the post: the Edit link beside it. */
    public boolean mayEdit(Post post) {
        return PostRights.offersEdit(reader, post);
    }

    public int myVote(Answer answer) {
        return myAnswerVotes.getOrDefault(answer.id, 0);
    }

    public boolean isAccepted(Answer answer) {
        return answer.id.equals(question.acceptedAnswerId);
    }

    /**
     * Whether the reader follows the question (asked, answered, commented on or chose to follow it, and did not
     * unfollow it): the state of the Follow button, read when the page shows it.
     */
    public boolean isFollowing() {
        return reader != null && QuestionFollow.isFollowing(reader.id, question.id);
    }

    /** The ids of the question's tags that the reader follows, in one query (none for a visitor). */
    public Set<Long> followedTagIds() {
        return reader == null ? Set.of()
                : TagFollow.followedAmong(reader.id, question.tags.stream().map(t -> t.id).toList());
    }

    /**
     * The accepted answer (or, when none is, the top-voted one) when this is the first page and it is not on it: shown
     * pinned above the list. Null otherwise, and on the pages pushed live.
     */
    public Answer pinnedAnswer() {
        return PinnedAnswer.of(this);
    }

    /**
     * Whether the accepted answer is pinned above the list ({@link #pinnedAnswer()}): the first page, without it. No
     * query: an accepted answer is never a deleted one.
     */
    public boolean pinsAcceptedAnswer() {
        return pager != null && pager.page() == 1 && question.acceptedAnswerId != null
                && answers.stream().noneMatch(this::isAccepted);
    }

    public boolean sortedByVotes() {
        return sort == Answer.Sort.VOTES;
    }
}
