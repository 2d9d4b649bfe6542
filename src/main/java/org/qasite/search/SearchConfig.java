package org.qasite.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Full-text search over questions. */
@ConfigMapping(prefix = "qa.search")
public interface SearchConfig {

    /**
     * PostgreSQL text search configuration. The default, {@code russian}, stems Russian words and, with the English
     * stemmer, Latin-letter ones. The search column is built with it (migration V5), so it must match the database.
     */
    @WithDefault("russian")
    String config();

    /** Results per page. */
    @WithDefault("20")
    int pageSize();
}
