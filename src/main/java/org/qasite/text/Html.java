package org.qasite.text;

/** Text made safe to put into HTML built in code (templates escape on their own). */
public final class Html {

    private Html() {
    }

    /** Escapes the characters that could open a tag, an entity or leave an attribute value. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
