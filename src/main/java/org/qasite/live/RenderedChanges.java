package org.qasite.live;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.events.Position;

/**
 * Changes rendered lately, for the broadcast and the replays alike: a burst of reconnects replaying the same entries
 * renders each once. Kept by the entry's position, not by the post: an entry always stands for the same change, and a
 * later change of the post (an edit, a deletion) is a later entry with frames of its own, so a second edit within the
 * half minute is never answered with the first one's text.
 */
@ApplicationScoped
class RenderedChanges {

    private static final int RECENT_CHANGES = 512; // 256 changes, in both languages
    private static final long RECENT_CHANGES_TTL_MILLIS = 30_000;

    private final ChangeRenderer renderer;
    private final Map<Key, Recent> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Recent> eldest) {
            return size() > RECENT_CHANGES;
        }
    };

    /** An entry in one language: a room read in English and Russian renders the change twice, once each. */
    private record Key(Position position, Locale locale) {
    }

    /** {@code change} empty: the entry's post was gone or deleted, nothing to send. */
    private record Recent(Optional<PostChange> change, long renderedAt) {
    }

    RenderedChanges(ChangeRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * The entry's frames in the language, rendered now or less than half a minute ago; null when there is nothing to send.
     * Throws when
     * they cannot be rendered now (database down).
     */
    PostChange get(PostEntry entry, Locale locale) {
        Key key = new Key(entry.position(), locale);
        long now = System.currentTimeMillis();
        synchronized (recent) {
            Recent hit = recent.get(key);
            if (hit != null && now - hit.renderedAt() < RECENT_CHANGES_TTL_MILLIS) {
                return hit.change().orElse(null);
            }
        }
        PostChange rendered = renderer.render(entry, locale);
        synchronized (recent) {
            recent.put(key, new Recent(Optional.ofNullable(rendered), now));
        }
        return rendered;
    }
}
