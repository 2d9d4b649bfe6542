package org.qasite.question;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How "hot" weighs recent activity, and how often it is recomputed. */
@ConfigMapping(prefix = "qa.hot")
public interface HotConfig {

    /** How often the hot scores are recomputed ("off" in tests, which recompute themselves). */
    @WithDefault("5m")
    String interval();

    /** After this long an answer, a vote or a view counts half as much as a fresh one. */
    @WithDefault("24h")
    Duration halfLife();

    /** Activity older than this counts no more at all (the recompute reads only this window). */
    @WithDefault("7d")
    Duration window();

    /** What an answer weighs; a vote weighs its value (+1 or -1), the question's own asking 1. */
    @WithDefault("2")
    double answerWeight();

    /** What a view weighs. */
    @WithDefault("0.05")
    double viewWeight();

    /** How long the recompute lock is held at most, so that an instance that died holding it cannot block it. */
    @WithDefault("60s")
    Duration lockTtl();
}
