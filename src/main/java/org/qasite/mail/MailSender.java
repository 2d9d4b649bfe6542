package org.qasite.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.qasite.events.EventLogContext;
import org.qasite.events.EventsDisabled;
import org.qasite.member.Member;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the queued mail, oldest first, one transaction per mail: the row is locked (SKIP LOCKED, so instances share
 * the queue without sending a mail twice) and marked sent in the transaction that sent it. A refused mail is tried
 * again after a backoff that doubles; while the SMTP server is down the circuit breaker keeps rounds short, and those
 * refusals do not count as attempts. Pages never wait for any of this.
 */
@ApplicationScoped
public class MailSender {

    enum Outcome {
        NOTHING_DUE,
        SENT,
        SKIPPED,
        FAILED,
        SERVER_UNAVAILABLE
    }

    private final MailConfig config;
    private final SmtpGateway smtp;
    private final AccountMails accountMails;
    private final AnswerMails answerMails;
    private final CommentMails commentMails;
    private final NotificationMails notificationMails;
    private final DigestMails digestMails;
    private final EntityManager em;
    private final Counter sent;
    private final Counter failed;
    /** The id of the mail the current round picked, for {@link #failedApart}; rounds never overlap. */
    private volatile Long inHand;

    MailSender(MailConfig config, SmtpGateway smtp, AccountMails accountMails, AnswerMails answerMails,
            CommentMails commentMails, NotificationMails notificationMails, DigestMails digestMails, EntityManager em,
            MeterRegistry registry) {
        this.config = config;
        this.smtp = smtp;
        this.accountMails = accountMails;
        this.answerMails = answerMails;
        this.commentMails = commentMails;
        this.notificationMails = notificationMails;
        this.digestMails = digestMails;
        this.em = em;
        this.sent = Counter.builder("qa.mail.sent").description("Mails accepted by the SMTP server").register(registry);
        this.failed = Counter.builder("qa.mail.failed").description("Attempts the SMTP server refused or timed out")
                .register(registry);
    }

    @Scheduled(every = "${qa.mail.send-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    void sendDue() {
        for (int i = 0; i < config.batchSize(); i++) {
            Outcome outcome;
            inHand = null;
            try {
                outcome = QuarkusTransaction.requiringNew().call(this::sendNext);
            } catch (RuntimeException e) {
                if (inHand == null || !failedApart(inHand, e)) {
                    Log.warnf("Mail queue not readable: %s", e.getMessage());
                    return;
                }
                continue;
            }
            if (outcome == Outcome.NOTHING_DUE || outcome == Outcome.SERVER_UNAVAILABLE) {
                return;
            }
        }
    }

    private Outcome sendNext() {
        List<?> due = em.createNativeQuery("""
                SELECT id FROM mail_log WHERE status = 'pending' AND next_attempt_at <= now()
                ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
                """).getResultList();
        if (due.isEmpty()) {
            return Outcome.NOTHING_DUE;
        }
        inHand = ((Number) due.get(0)).longValue();
        MailLog mail = MailLog.findById(inHand);
        try (EventLogContext logged = EventLogContext.enter(mail.eventId, null)) {
            return send(mail);
        }
    }

    /** Sends one due mail and records the outcome on its row. */
    private Outcome send(MailLog mail) {
        MailTemplateInstance message;
        try {
            message = compose(mail);
        } catch (RuntimeException e) {
            // a mail that cannot be composed (a defect) must not hold up the mails queued behind it
            tryLater(mail, e);
            return Outcome.FAILED;
        }
        if (message == null) {
            mail.status = MailLog.SKIPPED;
            mail.sealedToken = null;
            return Outcome.SKIPPED;
        }
        try {
            smtp.send(message);
        } catch (CircuitBreakerOpenException e) {
            return Outcome.SERVER_UNAVAILABLE;
        } catch (MailRefused e) {
            failed.increment();
            mail.attempts++;
            mail.lastError = e.getMessage();
            mail.status = MailLog.FAILED;
            mail.sealedToken = null;
            Log.errorf("Mail %d to member %d refused by the SMTP server: %s", mail.id, mail.recipientId, e.getMessage());
            return Outcome.FAILED;
        } catch (RuntimeException e) {
            failed.increment();
            tryLater(mail, e);
            return Outcome.FAILED;
        }
        mail.attempts++;
        mail.status = MailLog.SENT;
        mail.sentAt = Instant.now();
        mail.lastError = null;
        mail.sealedToken = null; // the token now exists in the mail alone
        sent.increment();
        return Outcome.SENT;
    }

    /** The mail as it is to be sent now, or null when it is no longer worth sending. */
    private MailTemplateInstance compose(MailLog mail) {
        Member recipient = Member.findById(mail.recipientId);
        if (recipient == null) {
            return null;
        }
        return switch (mail.kind) {
            case MailLog.KIND_NOTIFICATION -> notificationMails.compose(mail, recipient);
            case MailLog.KIND_DIGEST -> digestMails.compose(mail, recipient);
            // queued before notifications existed
            case MailLog.KIND_NEW_ANSWER -> answerMails.compose(mail, recipient);
            case MailLog.KIND_NEW_COMMENT -> commentMails.compose(mail, recipient);
            default -> accountMails.compose(mail, recipient);
        };
    }

    /** Counts a failed attempt: the mail is tried again after the backoff, or given up after the last attempt. */
    /**
     * The mail's transaction failed as a whole (composing it broke the transaction, so its failed attempt could not be
     * recorded there): the attempt is recorded in a transaction of its own, so that the row waits for its backoff
     * instead of coming first again at every round and holding up the mails behind it. Answers false when that fails
     * too (the database is down).
     */
    private boolean failedApart(long mailId, RuntimeException e) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                MailLog mail = MailLog.findById(mailId);
                if (mail != null && MailLog.PENDING.equals(mail.status)) {
                    tryLater(mail, e);
                }
            });
            return true;
        } catch (RuntimeException again) {
            return false;
        }
    }

    private void tryLater(MailLog mail, RuntimeException e) {
        mail.attempts++;
        mail.lastError = describe(e);
        if (mail.attempts >= config.maxAttempts()) {
            mail.status = MailLog.FAILED;
            mail.sealedToken = null;
            Log.errorf("Mail %d to member %d given up after %d attempts: %s", mail.id, mail.recipientId,
                    mail.attempts, mail.lastError);
        } else {
            mail.nextAttemptAt = Instant.now().plus(backoff(mail.attempts));
            Log.warnf("Mail %d not sent (attempt %d), trying again at %s: %s", mail.id, mail.attempts,
                    mail.nextAttemptAt, mail.lastError);
        }
    }

    Duration backoff(int attempts) {
        Duration d = config.retryBackoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return d.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : d;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
