package org.qasite.notification;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.qasite.events.EventsDisabled;
import org.qasite.lock.RedisLocks;
import org.qasite.member.MailFrequency;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The daily and weekly digests: a scheduled job makes one digest, and queues its mail, for each member with unread
 * notifications of a period (a UTC calendar day, or an ISO week from Monday 00:00 UTC) whose kind they want in that
 * digest. The database's unique (member, frequency, period start) is what makes a digest once: a second run, a restart,
 * a crash between two runs or a second instance adds nothing and skips nothing. The Redis lock only saves the work of
 * the same statement twice. What a digest lists is decided when its mail is sent ({@link #contents}).
 */
@ApplicationScoped
public class Digests {

    static final String LOCK_KEY = "qa:lock:digests";

    /** A digest's period: from {@code start} (included) to {@code end} (excluded). */
    public record Period(MailFrequency frequency, Instant start, Instant end) {
    }

    /** A digest as its mail shows it: the notifications still unread and still wanted in it, oldest first. */
    public record Contents(long id, long memberId, MailFrequency frequency, Period period, List<Inbox.Item> items) {
    }

    private final EntityManager em;
    private final NotificationsConfig config;
    private final RedisLocks locks;

    Digests(EntityManager em, NotificationsConfig config, RedisLocks locks) {
        this.em = em;
        this.config = config;
        this.locks = locks;
    }

    @Scheduled(every = "${qa.notifications.digest.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    void scheduled() {
        run(Instant.now());
    }

    /**
     * Makes the digests of every period that ended at least {@code digest.delay} before {@code now} (as far back as the
     * catch-up settings say), if this instance gets the lock. Answers how many digests were made, or -1 when another
     * instance holds the lock.
     */
    int run(Instant now) {
        int made = locks.callExclusively(LOCK_KEY, config.digest().lockTtl(), () -> makeEnded(now)).orElse(-1);
        if (made > 0) {
            Log.infof("%d digests queued", made);
        }
        return made;
    }

    /** Makes the digests of the periods that ended (each in a transaction of its own); answers how many. */
    private int makeEnded(Instant now) {
        List<Period> periods = new ArrayList<>(
                ended(MailFrequency.DAILY, now, config.digest().delay(), config.digest().dailyCatchUp()));
        periods.addAll(ended(MailFrequency.WEEKLY, now, config.digest().delay(), config.digest().weeklyCatchUp()));
        int made = 0;
        for (Period period : periods) {
            try {
                made += QuarkusTransaction.requiringNew().call(() -> make(period).size());
            } catch (RuntimeException e) {
                // the next run tries the period again
                Log.warnf("Digests of %s %s not made: %s", period.frequency().value(), period.start(), e.getMessage());
            }
        }
        return made;
    }

    /**
     * The {@code count} latest periods of this frequency that ended at least {@code delay} before {@code now}, oldest first.
     */
    static List<Period> ended(MailFrequency frequency, Instant now, Duration delay, int count) {
        LocalDate day = now.minus(delay).atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate lastEnd = frequency == MailFrequency.WEEKLY ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day;
        int days = frequency == MailFrequency.WEEKLY ? 7 : 1;
        List<Period> periods = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            LocalDate end = lastEnd.minusDays((long) i * days);
            periods.add(new Period(frequency, end.minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    end.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return periods;
    }

    /**
     * Makes the period's digests, one per member who has unread notifications created in it of a kind they want in this
     * digest, is not deleted and has a confirmed address, and queues the mail of each: one statement, in the caller's
     * transaction. A digest that exists already is left alone, and gets no second mail. Answers the new digests' ids.
     */
    @Transactional
    List<Long> make(Period period) {
        List<?> ids = em.createNativeQuery("""
                WITH due AS (
                    SELECT DISTINCT n.member_id FROM notification n
                    JOIN member_mail p ON p.member_id = n.member_id AND p.kind = n.kind AND p.frequency = :frequency
                    JOIN member m ON m.id = n.member_id AND m.deleted_at IS NULL AND m.email_verified_at IS NOT NULL
                    WHERE n.read_at IS NULL AND n.created_at >= :start AND n.created_at < :end),
                made AS (
                    INSERT INTO digest (member_id, frequency, period_start, period_end)
                    SELECT member_id, :frequency, :start, :end FROM due
                    ON CONFLICT (member_id, frequency, period_start) DO NOTHING
                    RETURNING id, member_id),
                queued AS (
                    INSERT INTO mail_log (kind, digest_id, recipient_id, recipient)
                    SELECT 'digest', made.id, m.id, m.email FROM made JOIN member m ON m.id = made.member_id
                    RETURNING digest_id)
                SELECT digest_id FROM queued
                """)
                .setParameter("frequency", period.frequency().value())
                .setParameter("start", period.start())
                .setParameter("end", period.end())
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * What the digest lists now: its member's notifications created in its period that are still unread, whose kind is
     * (still) wanted in this digest and whose targets are not deleted. Null when there is no such digest.
     */
    @Transactional
    public Contents contents(long digestId) {
        List<?> rows = em.createNativeQuery(
                "SELECT member_id, frequency, period_start, period_end FROM digest WHERE id = :id")
                .setParameter("id", digestId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] d = (Object[]) rows.get(0);
        long memberId = ((Number) d[0]).longValue();
        MailFrequency frequency = MailFrequency.parse((String) d[1]);
        Period period = new Period(frequency, Inbox.instant(d[2]), Inbox.instant(d[3]));
        List<Inbox.Item> items = Inbox.rows(em.createNativeQuery(Inbox.COLUMNS + Inbox.VISIBLE + """
                AND n.member_id = :member AND n.read_at IS NULL AND n.created_at >= :start AND n.created_at < :end
                AND EXISTS (SELECT 1 FROM member_mail p
                            WHERE p.member_id = n.member_id AND p.kind = n.kind AND p.frequency = :frequency)
                ORDER BY n.id""")
                .setParameter("member", memberId)
                .setParameter("start", period.start())
                .setParameter("end", period.end())
                .setParameter("frequency", frequency.value())
                .getResultList());
        return new Contents(digestId, memberId, frequency, period, items);
    }
}
