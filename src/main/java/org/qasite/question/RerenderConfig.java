package org.qasite.question;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How stored posts written by an older Markdown renderer are brought up to date ({@link OutdatedHtml}). */
@ConfigMapping(prefix = "qa.rerender")
public interface RerenderConfig {

    /** How often the job looks for outdated posts ("off" in tests, which run it themselves). */
    @WithDefault("1m")
    String interval();

    /** Posts rendered in one transaction. */
    @WithDefault("200")
    int batchSize();
}
