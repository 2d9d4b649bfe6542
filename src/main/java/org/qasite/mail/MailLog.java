package org.qasite.mail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One mail caused by one event, notification or digest: the queue of the sender and the proof that an event was mailed once.
 */
@Entity
@Table(name = "mail_log")
public class MailLog extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
    public static final String KIND_NEW_ANSWER = "new-answer";
    public static final String KIND_NEW_COMMENT = "new-comment";
    public static final String KIND_PASSWORD_RESET = "password-reset";
    public static final String KIND_EMAIL_VERIFICATION = "email-verification";
    public static final String KIND_EMAIL_CHANGED = "email-changed";
    /** The instant mail about one notification ({@code notification_id}). */
    public static final String KIND_NOTIFICATION = "notification";
    /** A daily or weekly digest ({@code digest_id}). */
    public static final String KIND_DIGEST = "digest";

    @Id
    @SequenceGenerator(name = "mail_log_seq", sequenceName = "mail_log_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_log_seq")
    public Long id;

    @Column(name = "event_id")
    public UUID eventId;

    public String kind;

    @Column(name = "answer_id")
    public Long answerId;

    @Column(name = "comment_id")
    public Long commentId;

    @Column(name = "notification_id")
    public Long notificationId;

    @Column(name = "digest_id")
    public Long digestId;

    /** The link of an account mail. */
    @Column(name = "token_id")
    public Long tokenId;

    /** The link's token, sealed ({@link TokenSeal}) until the mail is sent, then erased. */
    @Column(name = "sealed_token")
    public String sealedToken;

    @Column(name = "recipient_id")
    public Long recipientId;

    @Column(columnDefinition = "citext")
    public String recipient;

    public String status = PENDING;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt = Instant.now();

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "sent_at")
    public Instant sentAt;

    public static MailLog findByEventId(UUID eventId) {
        return find("eventId", eventId).firstResult();
    }

    public static List<MailLog> listByRecipient(long memberId) {
        return list("recipientId = ?1 order by id", memberId);
    }

    public static long countByStatus(String status) {
        return count("status", status);
    }

    /** How many mails are in each status, every status listed (zero included), in the order of the queue's life. */
    public static Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of(PENDING, SENT, FAILED, SKIPPED)) {
            counts.put(status, 0L);
        }
        List<Object[]> rows = getEntityManager()
                .createQuery("select m.status, count(m) from MailLog m group by m.status", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** When the oldest mail still waiting to be sent was queued, or null when none waits. */
    public static Instant oldestPending() {
        return getEntityManager()
                .createQuery("select min(m.createdAt) from MailLog m where m.status = :status", Instant.class)
                .setParameter("status", PENDING).getSingleResult();
    }
}
