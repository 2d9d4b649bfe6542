package org.qasite.live;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers rendered lately, for the broadcast and the replays alike: a burst of reconnects replaying the same answers
 * renders each once.
 */
@ApplicationScoped
class RenderedAnswers {

    private static final int RECENT_ANSWERS = 256;
    private static final long RECENT_ANSWERS_TTL_MILLIS = 30_000;

    private final LiveAnswers answers;
    private final Map<Long, Recent> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Recent> eldest) {
            return size() > RECENT_ANSWERS;
        }
    };

    private record Recent(RenderedAnswer answer, long renderedAt) {
    }

    RenderedAnswers(LiveAnswers answers) {
        this.answers = answers;
    }

    /**
     * The answer's fragments, rendered now or less than half a minute ago; null when there is no such answer. Throws
     * when it cannot be rendered now (database down).
     */
    RenderedAnswer get(long answerId) {
        long now = System.currentTimeMillis();
        synchronized (recent) {
            Recent hit = recent.get(answerId);
            if (hit != null && now - hit.renderedAt() < RECENT_ANSWERS_TTL_MILLIS) {
                return hit.answer();
            }
        }
        RenderedAnswer rendered = answers.render(answerId);
        if (rendered != null) {
            synchronized (recent) {
                recent.put(answerId, new Recent(rendered, now));
            }
        }
        return rendered;
    }
}
