package org.qasite.refusal;

import java.util.List;

/**
 * The member sent the same post again (the back button and "submit" once more, a retried request): nothing new is
 * written, and the member is pointed at the post that exists.
 */
public class DuplicatePost extends QaException {

    private final String url;

    public DuplicatePost(String message, String url) {
        super(409, message, List.of(url), null);
        this.url = url;
    }

    public String url() {
        return url;
    }
}
