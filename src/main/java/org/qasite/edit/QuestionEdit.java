package org.qasite.edit;

import java.util.List;

/**
 * An edit of a question as typed in the edit form or sent to the API: the new text, why ({@code summary}, optional) and
 * the revision it was based on (null: the current one).
 */
public record QuestionEdit(String title, String body, List<String> tags, String summary, Integer baseRevision) {
}
