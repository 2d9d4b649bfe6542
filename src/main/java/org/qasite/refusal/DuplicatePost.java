package org.qasite.refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The member sent the same post again (the back button and "submit" once more, a retried request): nothing new is
 * written, and the member is pointed at the post that exists.
 */
public class DuplicatePost extends QaException {

    /** How far back a question, answer or comment sent again (the same text, place and author) is recognised. */
    public static final Duration WINDOW = Duration.ofHours(1);

    private final String url;

    public DuplicatePost(String message, String url) {
        super(409, message, List.of(url), null);
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** Since when a post with the same text, place and author is the one being sent again. */
    public static Instant windowStart() {
        return Instant.now().minus(WINDOW);
    }
}
