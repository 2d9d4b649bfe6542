package org.qasite.live;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Comment;
import org.qasite.question.Question;
import org.qasite.question.QuestionPage;
import org.qasite.question.QuestionResource;
import org.qasite.web.i18n.ReaderLocale;

import io.quarkus.qute.TemplateInstance;

/**
 * Turns a change of a question page into its frames, rendered with the page's own fragments once for each kind of
 * reader: the question's author, a post's author, and everyone else (members and visitors alike), in one language.
 */
@ApplicationScoped
class ChangeRenderer {

    /**
     * The frames of the change, or null when there is nothing to send: its post is gone, or it, the answer it is on or
     * its question was deleted since (the deletion's own entry follows in the stream, or went before it: readers of a
     * deleted question are told that much, never what it holds). Reads the post as it is now, which is never older
     * than the entry.
     */
    @Transactional
    PostChange render(PostEntry entry, Locale locale) {
        return switch (entry.type()) {
            case ANSWER_CREATED -> answer(entry, null, locale);
            case ANSWER_EDITED -> answer(entry, LiveMessage.EDITED, locale);
            case ANSWER_UNDELETED -> answer(entry, LiveMessage.UNDELETED, locale);
            case ANSWER_DELETED -> answerDeleted(entry);
            case QUESTION_EDITED -> question(entry, LiveMessage.EDITED, locale);
            case QUESTION_UNDELETED -> question(entry, LiveMessage.UNDELETED, locale);
            case QUESTION_DELETED -> PostChange.same(entry.position(), LiveMessage.questionDeleted(entry.position()));
            case COMMENT_CREATED -> comment(entry, locale);
            case COMMENT_DELETED -> PostChange.same(entry.position(),
                    LiveMessage.commentDeleted(entry.commentedPost(), entry.commentId(), entry.position()));
            default -> null;
        };
    }

    /** {@code change} null: a new answer. */
    private static PostChange answer(PostEntry entry, String change, Locale locale) {
        Answer answer = Answer.<Answer> find("select a from Answer a join fetch a.author join fetch a.question q"
                + " join fetch q.author where a.id = ?1", entry.answerId()).firstResult();
        if (answer == null || answer.isDeleted() || answer.question.isDeleted()) {
            return null;
        }
        Question question = answer.question;
        return perReader(entry, reader -> LiveMessage.answer(change, answer.id, entry.position(), question.answerCount,
                in(locale, QuestionResource.answerFragment(answer, page(question, reader)))), answer.author,
                question.author);
    }

    private static PostChange answerDeleted(PostEntry entry) {
        Integer answers = Question.getEntityManager()
                .createQuery("select q.answerCount from Question q where q.id = ?1", Integer.class)
                .setParameter(1, entry.questionId()).getResultStream().findFirst().orElse(null);
        return answers == null ? null
                : PostChange.same(entry.position(), LiveMessage.answerDeleted(entry.answerId(), entry.position(), answers));
    }

    private static PostChange question(PostEntry entry, String change, Locale locale) {
        Question question = Question.<Question> find(
                "select q from Question q join fetch q.author left join fetch q.tags where q.id = ?1", entry.questionId())
                .singleResultOptional().orElse(null);
        if (question == null || question.isDeleted()) {
            return null;
        }
        return perReader(entry, reader -> LiveMessage.questionUpdated(change, entry.position(),
                in(locale, QuestionResource.questionFragment(page(question, reader)))), question.author);
    }

    private static PostChange comment(PostEntry entry, Locale locale) {
        Comment comment = Comment.<Comment> find("select c from Comment c join fetch c.author where c.id = ?1",
                entry.commentId()).firstResult();
        Question question = comment == null ? null
                : Question.<Question> find("select q from Question q join fetch q.author where q.id = ?1",
                        comment.questionId).firstResult();
        if (question == null || comment.isDeleted() || question.isDeleted() || onDeletedAnswer(comment)) {
            return null;
        }
        return perReader(entry, reader -> LiveMessage.comment(comment.postKey(), comment.id, entry.position(),
                in(locale, QuestionResource.commentFragment(comment, page(question, reader)))), comment.author,
                question.author);
    }

    /** A comment on an answer that is gone or deleted: not shown on its page, so not sent either. */
    private static boolean onDeletedAnswer(Comment comment) {
        if (comment.answerId == null) {
            return false;
        }
        Answer answer = Answer.findById(comment.answerId);
        return answer == null || answer.isDeleted();
    }

    /**
     * The frame for everyone else, and for each of the members who may see the post otherwise: the same frame again
     * where it is the same (the question's author sees no control of their own on a comment, say), kept once.
     */
    private static PostChange perReader(PostEntry entry, Function<Member, String> frame, Member... members) {
        String forOthers = frame.apply(null);
        Map<Long, String> forMembers = new HashMap<>();
        for (Member member : members) {
            if (!forMembers.containsKey(member.id)) {
                String own = frame.apply(member);
                forMembers.put(member.id, own.equals(forOthers) ? forOthers : own);
            }
        }
        return PostChange.of(entry.position(), forOthers, forMembers);
    }

    /**
     * A fragment in the reader's language: it is rendered outside any request, which would make it and what it
     * includes through beans (an answer's comments) English.
     */
    private static String in(Locale locale, TemplateInstance fragment) {
        return ReaderLocale.renderingIn(locale, () -> fragment.setLocale(locale).render().strip());
    }

    private static QuestionPage page(Question question, Member reader) {
        return QuestionPage.forLiveAnswer(question, reader);
    }
}
