package org.qasite.edit;

/**
 * An edit of an answer as typed in the edit form or sent to the API: the new body, why ({@code summary}, optional) and
 * the revision it was based on (null: the current one).
 */
public record AnswerEdit(String body, String summary, Integer baseRevision) {
}
