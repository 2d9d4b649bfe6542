package org.qasite.web.page;

import java.util.Map;

import org.qasite.refusal.InvalidInput;
import org.qasite.refusal.QaException;

/** What a form shown again after a refusal needs: the values as typed, and the message of each field. */
public final class Forms {

    private Forms() {
    }

    /** The messages by field name when the refusal is about fields; none for a refusal of the whole form. */
    public static Map<String, String> fieldErrors(QaException e) {
        return e instanceof InvalidInput invalid ? invalid.fieldErrors() : Map.of();
    }

    /** A form field as it came, or empty when it did not come at all. */
    public static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
