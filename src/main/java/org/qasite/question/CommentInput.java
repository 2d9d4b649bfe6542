package org.qasite.question;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A comment as typed in a comment box or sent to the API. */
public record CommentInput(
        @NotBlank(message = "{qa.comment.required}") @Size(min = Comment.MIN_BODY, max = Comment.MAX_BODY, message = "{qa.comment.size}") String body) {
}
