package org.qasite.question;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A question as typed in the ask form or sent to the API. */
public record AskInput(
        @NotBlank(message = "Enter a title.") @Size(min = 10, max = Question.MAX_TITLE, message = "The title must be 10 to 150 characters long.") String title,
        @NotBlank(message = "Describe your question.") @Size(min = 20, max = Question.MAX_BODY, message = "The question must be 20 to 30000 characters long.") String body,
        List<String> tags) {
}
