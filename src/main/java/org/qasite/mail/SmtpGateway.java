package org.qasite.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.vertx.ext.mail.SMTPException;

/**
 * The one door to the SMTP server. A circuit breaker stops the sender from queueing up behind a server that is down:
 * once it is open, calls fail at once until the delay passed and one mail tries again (settings under
 * {@code SmtpGateway/send/CircuitBreaker} in application.properties).
 */
@ApplicationScoped
class SmtpGateway {

    private final MailConfig config;

    SmtpGateway(MailConfig config) {
        this.config = config;
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30_000, successThreshold = 1, skipOn = MailRefused.class)
    void send(MailTemplateInstance mail) {
        try {
            mail.send().await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SMTPException smtp && smtp.isPermanent()) {
                    throw new MailRefused(smtp.getReplyCode() + " " + smtp.getReplyMessage(), e);
                }
            }
            throw e;
        }
    }
}
