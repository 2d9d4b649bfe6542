package org.qasite.question;

import io.quarkus.qute.TemplateExtension;

/** The names the page's comment lists and forms go by: {@code question-{id}}, {@code answer-{id}}. */
@TemplateExtension
class CommentKeys {

    static String postKey(Question question) {
        return "question-" + question.id;
    }

    static String postKey(Answer answer) {
        return "answer-" + answer.id;
    }
}
