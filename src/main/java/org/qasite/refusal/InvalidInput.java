package org.qasite.refusal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response.Status;

/** Input that failed validation: one message per field, shown beside the field or listed in a JSON error. */
public class InvalidInput extends QaException {

    private final Map<String, String> fieldErrors;

    public InvalidInput(Map<String, String> fieldErrors) {
        super(Status.BAD_REQUEST.getStatusCode(), "Please correct the marked fields.",
                fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList(), null);
        this.fieldErrors = new LinkedHashMap<>(fieldErrors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
