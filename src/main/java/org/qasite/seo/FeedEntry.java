package org.qasite.seo;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.qasite.markdown.PlainText;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.text.i18n.Messages;

/**
 * One entry of an Atom feed. Its {@code id} is the post's bare address ({@code /questions/{id}}, {@code /answers/{id}}),
 * which never changes, where its link is the canonical address, which follows the title.
 */
public record FeedEntry(String idPath, String title, String path, Instant published, Instant updated, Member author,
        String summary, List<String> categories) {

    /** Characters of the plain-text summary. */
    static final int SUMMARY = 400;

    static FeedEntry of(Question q) {
        return new FeedEntry("/questions/" + q.id, q.title, q.path(), q.createdAt, updated(q.createdAt, q.editedAt),
                q.author, PlainText.excerpt(q.body, SUMMARY), q.tags.stream().map(t -> t.name).toList());
    }

    static FeedEntry of(Answer a, Question q, Locale locale) {
        return new FeedEntry("/answers/" + a.id,
                Messages.browse(locale).feed_answer_by(a.author.nameIn(locale), q.title),
                q.path() + "#answer-" + a.id, a.createdAt, updated(a.createdAt, a.editedAt), a.author,
                PlainText.excerpt(a.body, SUMMARY), List.of());
    }

    private static Instant updated(Instant created, Instant edited) {
        return edited != null && edited.isAfter(created) ? edited : created;
    }
}
