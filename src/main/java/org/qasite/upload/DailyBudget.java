package org.qasite.upload;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.qasite.limit.RateLimiter;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.RefusalMsg;
import org.qasite.text.i18n.Refusals;

/**
 * The bytes of new pictures a member may store in any 24 hours, counted from the pictures the member stored first
 * (uploaded_image rows), so every instance of the site sees the same sum and nothing is lost when Redis is down.
 */
@ApplicationScoped
class DailyBudget {

    static final Duration WINDOW = Duration.ofHours(24);
    /** The first key of the per-member advisory lock, so it meets no other lock of the site. */
    private static final int LOCK_SPACE = 0x51A_0001;

    private final UploadConfig config;
    private final EntityManager em;

    DailyBudget(UploadConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    /**
     * Refuses with a 429 when {@code size} more bytes would pass the member's budget. Runs in the storing transaction,
     * which holds a lock per member until it commits, so two uploads at once cannot both slip under the limit.
     */
    void spend(long memberId, long size) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, ?2)").setParameter(1, LOCK_SPACE)
                .setParameter(2, (int) memberId).getSingleResult();
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT size, created_at FROM uploaded_image"
                + " WHERE uploaded_by = ?1 AND created_at > ?2 ORDER BY created_at")
                .setParameter(1, memberId).setParameter(2, Timestamp.from(now.minus(WINDOW))).getResultList();
        long used = rows.stream().mapToLong(r -> ((Number) r[0]).longValue()).sum();
        long limit = config.dailyBytes().asLongValue();
        if (used + size <= limit) {
            return;
        }
        // the wait until enough of the oldest pictures have left the window for this one to fit
        long left = used;
        Instant free = now.plus(WINDOW);
        for (Object[] row : rows) {
            left -= ((Number) row[0]).longValue();
            if (left + size <= limit) {
                free = instant(row[1]).plus(WINDOW);
                break;
            }
        }
        Duration wait = Duration.between(now, free);
        if (wait.isNegative() || wait.isZero()) {
            wait = Duration.ofSeconds(1);
        }
        RefusalMsg words = Refusals.now();
        throw QaException.tooManyRequests(words.picture_daily_budget(readable(used, words), readable(size, words),
                readable(limit, words), RateLimiter.describe(wait, words)), wait);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp " + value.getClass());
        };
    }

    /** "50 MB", "1.5 MB", "300 KB", in the refusal's language. */
    static String readable(long bytes, RefusalMsg words) {
        if (bytes >= 1024 * 1024) {
            double tenths = Math.round(bytes * 10 / (1024.0 * 1024));
            return words.size_megabytes(tenths % 10 == 0 ? Long.toString((long) tenths / 10)
                    : String.format(Refusals.locale(), "%.1f", tenths / 10));
        }
        return words.size_kilobytes(Long.toString((bytes + 1023) / 1024));
    }
}
