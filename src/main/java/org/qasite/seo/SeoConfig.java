package org.qasite.seo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sitemaps and feeds. */
@ConfigMapping(prefix = "qa.seo")
public interface SeoConfig {

    /**
     * Questions per sitemap page. The protocol allows 50,000; fewer keep each page a quick read for the database and a
     * small download.
     */
    @WithDefault("10000")
    int sitemapPageSize();

    /** Entries per Atom feed: the newest ones. */
    @WithDefault("20")
    int feedEntries();
}
