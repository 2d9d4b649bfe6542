package org.qasite.refusal;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.core.Response.Status;

/** A request the site refuses, with the status and the message the member sees. */
public class QaException extends RuntimeException {

    private final int status;
    private final List<String> details;
    private final Duration retryAfter;

    public QaException(int status, String message, List<String> details, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    public QaException(Status status, String message) {
        this(status.getStatusCode(), message, List.of(), null);
    }

    public static QaException notFound(String message) {
        return new QaException(Status.NOT_FOUND, message);
    }

    public static QaException badRequest(String message) {
        return new QaException(Status.BAD_REQUEST, message);
    }

    public static QaException forbidden(String message) {
        return new QaException(Status.FORBIDDEN, message);
    }

    public static QaException conflict(String message) {
        return new QaException(Status.CONFLICT, message);
    }

    public static QaException unauthorized(String message) {
        return new QaException(Status.UNAUTHORIZED, message);
    }

    public static QaException tooManyRequests(String message, Duration retryAfter) {
        return new QaException(429, message, List.of(), retryAfter);
    }

    public int status() {
        return status;
    }

    public List<String> details() {
        return details;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up (at least one): a client that waits them (Retry-After) is not refused again. */
    public static long wholeSeconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
