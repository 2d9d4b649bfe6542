package org.qasite.question;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An answer as typed in the answer form or sent to the API. */
public record AnswerInput(
        @NotBlank(message = "Write your answer.") @Size(min = Answer.MIN_BODY, max = Answer.MAX_BODY, message = "The answer must be {min} to {max} characters long.") String body) {
}
