package org.qasite.edit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.PostRights;
import org.qasite.question.Question;
import org.qasite.question.QuestionService;

/**
 * The revisions of a post, newest first, each with its differences from the one before it. A post never edited has
 * one: itself as its author wrote it.
 */
public record History(Question question, Answer answer, int currentRevision, boolean mayRollback, List<Entry> entries) {

    /** One revision: who and when, why, its text, and what it changed (the first one: nothing marked). */
    public record Entry(int revision, Member author, Instant createdAt, String summary, Integer rollbackOf, String title,
            String body, List<String> tags, WordDiff titleDiff, WordDiff tagsDiff, WordDiff bodyDiff) {
    }

    public boolean isQuestion() {
        return answer == null;
    }

    /** The address of the post's history: where its rollback forms go. */
    public String path() {
        return isQuestion() ? "/questions/" + question.id : "/answers/" + answer.id;
    }

    public static History of(Question question, Member reader) {
        List<QuestionRevision> rows = new ArrayList<>(QuestionRevision.listForQuestion(question.id));
        if (rows.isEmpty()) {
            QuestionRevision only = new QuestionRevision();
            only.revision = question.revision;
            only.author = question.author;
            only.title = question.title;
            only.body = question.body;
            only.tags = String.join(" ", QuestionService.tagNames(question));
            only.createdAt = question.createdAt;
            rows.add(only);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            QuestionRevision r = rows.get(i);
            QuestionRevision before = i + 1 < rows.size() ? rows.get(i + 1) : r;
            entries.add(new Entry(r.revision, r.author, r.createdAt, r.summary, r.rollbackOf, r.title, r.body,
                    r.tagList(), WordDiff.between(before.title, r.title), WordDiff.between(before.tags, r.tags),
                    WordDiff.between(before.body, r.body)));
        }
        return new History(question, null, question.revision, PostRights.offersEdit(reader, question), entries);
    }

    public static History of(Answer answer, Member reader) {
        List<AnswerRevision> rows = new ArrayList<>(AnswerRevision.listForAnswer(answer.id));
        if (rows.isEmpty()) {
            AnswerRevision only = new AnswerRevision();
            only.revision = answer.revision;
            only.author = answer.author;
            only.body = answer.body;
            only.createdAt = answer.createdAt;
            rows.add(only);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            AnswerRevision r = rows.get(i);
            AnswerRevision before = i + 1 < rows.size() ? rows.get(i + 1) : r;
            entries.add(new Entry(r.revision, r.author, r.createdAt, r.summary, r.rollbackOf, null, r.body, null, null,
                    null, WordDiff.between(before.body, r.body)));
        }
        return new History(answer.question, answer, answer.revision, PostRights.offersEdit(reader, answer), entries);
    }
}
