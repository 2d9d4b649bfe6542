package org.qasite.question;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;
import org.qasite.web.SiteConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.logging.Log;

/**
 * Whole question pages as visitors see them (no login, no message to show), each rendered once and served to every
 * visitor who asks for the same address in the same language, with the visitor's own CSRF token put into its forms.
 * <p>
 * A change of the question or of anything on its page (an answer, a vote, a comment, an edit, a deletion, the accepted
 * mark) retires its pages at once: on this instance when the change commits, on the others when their live feed reads
 * its event ({@link #changed(String, String)}). A page being rendered while its question changes is not kept. What no
 * event announces (view counts, a member's new name or picture, the right column, "… ago") is at most the time to live
 * old. A page carries the stream position read before its content, like any page, so a visitor's script catches up
 * live from there whatever the page's age.
 */
@ApplicationScoped
public class VisitorPages {

    /** Everything a visitor's page depends on but the CSRF token: the address with its query, and the language. */
    record Key(long questionId, String uri, Locale locale) {
    }

    /** A page cut where the CSRF token goes, and when its rendering began (before its content was read). */
    private record Page(long renderedAt, byte[][] parts) {

        int weight() {
            int weight = 64;
            for (byte[] part : parts) {
                weight += 24 + part.length;
            }
            return weight;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Events that are about no question page: their payloads are not read. Any other type is, so that a new kind of
     * change retires its pages without a word here.
     */
    private static final Set<String> ABOUT_NO_PAGE = Stream
            .of(EventType.QUESTION_CREATED, EventType.PASSWORD_RESET_REQUESTED,
                    EventType.EMAIL_VERIFICATION_REQUESTED, EventType.EMAIL_CHANGED, EventType.NOTIFICATIONS_CREATED,
                    EventType.NOTIFICATIONS_FAN_OUT, EventType.NOTIFICATIONS_READ)
            .map(type -> type.wireName).collect(Collectors.toUnmodifiableSet());

    /** Null when the cache is off. */
    private final Cache<Key, Page> pages;
    /** When each recently changed question changed ({@link System#nanoTime()}): pages rendered before are stale. */
    private final Cache<Long, Long> changed;
    /** When every page became stale (a member's account deleted: their name goes from every page). */
    private volatile long allChanged = System.nanoTime();

    VisitorPages(SiteConfig config) {
        long capacity = config.visitorPageCache().asLongValue();
        Duration ttl = config.visitorPageTtl();
        if (capacity <= 0 || ttl.isZero() || ttl.isNegative()) {
            pages = null;
            changed = null;
            return;
        }
        pages = Caffeine.newBuilder().maximumWeight(capacity).weigher((Key key, Page page) -> page.weight())
                .expireAfterWrite(ttl).build();
        // A render in flight when its question changed is refused when it ends; it takes far less than the time to live.
        changed = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl).build();
    }

    boolean enabled() {
        return pages != null;
    }

    /** The moment a rendering begins, to give {@link #keep} once it is done. */
    long clock() {
        return System.nanoTime();
    }

    /**
     * The kept page with the visitor's CSRF token (asked for only when it has forms) in its forms, or null when there is none
     * or it is stale.
     */
    byte[] get(Key key, Supplier<String> token) {
        Page page = pages.getIfPresent(key);
        if (page == null || !fresh(key.questionId(), page.renderedAt())) {
            return null;
        }
        return join(page.parts(), page.parts().length > 1 ? token.get() : null);
    }

    /**
     * Keeps a page rendered from {@code renderedAt} on with {@code standIn} in its forms, unless its question changed
     * meanwhile, and answers it with {@code token} instead.
     */
    byte[] keep(Key key, long renderedAt, String html, String standIn, Supplier<String> token) {
        String[] cut = html.split(Pattern.quote(standIn), -1);
        byte[][] parts = new byte[cut.length][];
        for (int i = 0; i < cut.length; i++) {
            parts[i] = cut[i].getBytes(StandardCharsets.UTF_8);
        }
        if (fresh(key.questionId(), renderedAt)) {
            pages.put(key, new Page(renderedAt, parts));
        }
        return join(parts, parts.length > 1 ? token.get() : null);
    }

    /** A change of the question's page committed here: its pages are stale. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended appended) {
        if (appended.type() == EventType.MEMBER_DELETED) {
            changedAll();
        } else if (appended.payload() instanceof Payloads.OnQuestion event) {
            changed(event.questionId());
        }
    }

    /**
     * An event read from the stream (of whichever instance committed it): pages its question shows are stale. The
     * payload is read only for the question's id; an event of no question changes nothing.
     */
    public void changed(String type, String payload) {
        if (pages == null || type == null || ABOUT_NO_PAGE.contains(type)) {
            return;
        }
        if (EventType.MEMBER_DELETED.wireName.equals(type)) {
            changedAll();
            return;
        }
        try {
            JsonNode questionId = JSON.readTree(payload).get("questionId");
            if (questionId != null && questionId.canConvertToLong()) {
                changed(questionId.asLong());
            }
        } catch (Exception e) {
            Log.debugf("Event of type %s not read for the visitors' pages: %s", type, e.getMessage());
        }
    }

    void changed(long questionId) {
        if (pages == null) {
            return;
        }
        changed.put(questionId, System.nanoTime());
        pages.asMap().keySet().removeIf(key -> key.questionId() == questionId);
    }

    private void changedAll() {
        if (pages == null) {
            return;
        }
        allChanged = System.nanoTime();
        pages.invalidateAll();
    }

    private boolean fresh(long questionId, long renderedAt) {
        Long changedAt = changed.getIfPresent(questionId);
        return renderedAt - allChanged > 0 && (changedAt == null || renderedAt - changedAt > 0);
    }

    private static byte[] join(byte[][] parts, String token) {
        if (parts.length == 1) {
            return parts[0];
        }
        byte[] between = token.getBytes(StandardCharsets.US_ASCII);
        int length = between.length * (parts.length - 1);
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] html = new byte[length];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                System.arraycopy(between, 0, html, at, between.length);
                at += between.length;
            }
            System.arraycopy(parts[i], 0, html, at, parts[i].length);
            at += parts[i].length;
        }
        return html;
    }
}
