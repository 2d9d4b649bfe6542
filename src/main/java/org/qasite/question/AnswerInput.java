package org.qasite.question;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An answer as typed in the answer form or sent to the API. */
public record AnswerInput(
        @NotBlank(message = "{qa.answer.required}") @Size(min = Answer.MIN_BODY, max = Answer.MAX_BODY, message = "{qa.answer.size}") String body) {
}
