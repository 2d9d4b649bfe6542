package org.qasite.question;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A question as typed in the ask form or sent to the API. */
public record AskInput(
        @NotBlank(message = "{qa.title.required}") @Size(min = Question.MIN_TITLE, max = Question.MAX_TITLE, message = "{qa.title.size}") String title,
        @NotBlank(message = "{qa.question.required}") @Size(min = Question.MIN_BODY, max = Question.MAX_BODY, message = "{qa.question.size}") String body,
        List<String> tags) {
}
