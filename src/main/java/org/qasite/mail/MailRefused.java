package org.qasite.mail;

/**
 * The SMTP server refused this mail for good (a 5xx reply, such as an unknown recipient). Trying again would not help,
 * and it says nothing about the server being down, so it does not trip the circuit breaker.
 */
class MailRefused extends RuntimeException {

    MailRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
