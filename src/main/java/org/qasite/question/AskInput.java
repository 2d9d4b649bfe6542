package org.qasite.question;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A question as typed in the ask form or sent to the API. */
public record AskInput(
        @NotBlank(message = "Enter a title.") @Size(min = Question.MIN_TITLE, max = Question.MAX_TITLE, message = "The title must be {min} to {max} characters long.") String title,
        @NotBlank(message = "Describe your question.") @Size(min = Question.MIN_BODY, max = Question.MAX_BODY, message = "The question must be {min} to {max} characters long.") String body,
        List<String> tags) {
}
