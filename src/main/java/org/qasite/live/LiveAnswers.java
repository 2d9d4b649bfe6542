package org.qasite.live;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.question.QuestionPage;
import org.qasite.question.QuestionResource;

/** Renders a new answer with the question page's own fragment, once for each kind of reader. */
@ApplicationScoped
public class LiveAnswers {

    /** The answer's fragments, or null when there is no such answer. */
    @Transactional
    public RenderedAnswer render(long answerId) {
        Answer answer = Answer.find("select a from Answer a join fetch a.author join fetch a.question q join fetch q.author"
                + " where a.id = ?1", answerId).firstResult();
        if (answer == null) {
            return null;
        }
        Question question = answer.question;
        Member questionAuthor = question.author;
        Map<Long, String> html = new HashMap<>();
        html.put(RenderedAnswer.OTHERS, render(answer, question, null));
        html.put(answer.author.id, render(answer, question, answer.author));
        if (!questionAuthor.id.equals(answer.author.id)) {
            html.put(questionAuthor.id, render(answer, question, questionAuthor));
        }
        return new RenderedAnswer(answer.id, question.id, questionAuthor.id, answer.author.id, question.answerCount,
                Map.copyOf(html));
    }

    private static String render(Answer answer, Question question, Member reader) {
        return QuestionResource.answerFragment(answer, QuestionPage.forLiveAnswer(question, reader)).render().strip();
    }

    /** The question's author, or null when there is no such question: no room is opened for it. */
    @Transactional
    public Long questionAuthor(long questionId) {
        return Question.getEntityManager()
                .createQuery("select q.author.id from Question q where q.id = ?1", Long.class).setParameter(1, questionId)
                .getResultStream().findFirst().orElse(null);
    }

    /** The id of the member with this user name, or null. */
    @Transactional
    public Long memberId(String username) {
        return Member.findByUsername(username).map(m -> m.id).orElse(null);
    }
}
