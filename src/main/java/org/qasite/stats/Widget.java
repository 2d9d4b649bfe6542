package org.qasite.stats;

/** The two widgets of the right column and their keys in the cache. */
public enum Widget {
    POPULAR_TAGS("popular-tags"),
    BEST_MEMBERS("best-members");

    public final String id;

    Widget(String id) {
        this.id = id;
    }

    String cacheKey() {
        return "qa:stats:" + id;
    }
}
