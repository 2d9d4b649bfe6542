package org.qasite.upload;

import java.util.Map;

/** A checked picture: what it is, read from its content, and its address on the site. */
public record ImageFile(String hash, String contentType, int width, int height, byte[] data) {

    /** The file name ending for each accepted type; an address names its type, so a link says what it shows. */
    static final Map<String, String> EXTENSIONS = Map.of("image/png", "png", "image/jpeg", "jpg", "image/gif", "gif",
            "image/webp", "webp");

    /** Where the site serves it: never changes, since the name is the content's hash. */
    public String url() {
        return url(hash, contentType);
    }

    static String url(String hash, String contentType) {
        return "/uploads/" + hash + "." + EXTENSIONS.get(contentType);
    }
}
