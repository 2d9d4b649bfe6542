package org.qasite.session;

/**
 * A short name for the browser a {@code User-Agent} header names, such as "Firefox on Linux", for the member's list of
 * sessions. Only the common browsers and systems are told apart; the header is the client's word, so this is a hint
 * for the member, not a fact.
 */
final class Browsers {

    private static final String UNKNOWN = "Unknown browser";

    /** Tokens in the order they must be tried: Edge and Opera also name Chrome, Chrome also names Safari. */
    private static final String[][] BROWSERS = { { "Edg/", "Edge" }, { "EdgiOS/", "Edge" }, { "EdgA/", "Edge" },
            { "OPR/", "Opera" }, { "SamsungBrowser/", "Samsung Internet" }, { "Firefox/", "Firefox" },
            { "FxiOS/", "Firefox" }, { "CriOS/", "Chrome" }, { "Chromium/", "Chromium" }, { "Chrome/", "Chrome" },
            { "Safari/", "Safari" }, { "curl/", "curl" }, { "Wget/", "Wget" } };

    /** Android and ChromeOS also say "Linux", iPhones "like Mac OS X". */
    private static final String[][] SYSTEMS = { { "Windows", "Windows" }, { "iPhone", "iOS" }, { "iPad", "iPadOS" },
            { "Android", "Android" }, { "CrOS", "ChromeOS" }, { "Mac OS X", "macOS" }, { "Macintosh", "macOS" },
            { "Linux", "Linux" }, { "FreeBSD", "FreeBSD" } };

    private Browsers() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String browser = first(BROWSERS, userAgent);
        String system = first(SYSTEMS, userAgent);
        if (browser == null) {
            return system == null ? UNKNOWN : "A browser on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }

    private static String first(String[][] names, String userAgent) {
        for (String[] name : names) {
            if (userAgent.contains(name[0])) {
                return name[1];
            }
        }
        return null;
    }
}
