package org.qasite.question;

/** A member opened a question's page (a CDI event, fired synchronously while the page is made). */
public record QuestionOpened(long memberId, long questionId) {
}
