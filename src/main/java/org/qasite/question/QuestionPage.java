package org.qasite.question;

import java.util.List;
import java.util.Map;

import org.qasite.answer.Answer;
import org.qasite.member.Member;
import org.qasite.web.Pager;

/** What the question page shows: the question, one page of its answers, and the reader's own votes. */
public record QuestionPage(Question question, List<Answer> answers, Pager pager, Answer.Sort sort, Member reader,
        int myQuestionVote, Map<Long, Integer> myAnswerVotes) {

    public boolean isAuthor() {
        return reader != null && reader.id.equals(question.author.id);
    }

    /** Visitors see live buttons (they lead to the login page); only a post's own author cannot vote on it. */
    public boolean canVote(Member author) {
        return reader == null || !reader.id.equals(author.id);
    }

    public int myVote(Answer answer) {
        return myAnswerVotes.getOrDefault(answer.id, 0);
    }

    public boolean isAccepted(Answer answer) {
        return answer.id.equals(question.acceptedAnswerId);
    }

    public boolean sortedByVotes() {
        return sort == Answer.Sort.VOTES;
    }
}
