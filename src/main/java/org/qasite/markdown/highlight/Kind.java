package org.qasite.markdown.highlight;

import java.util.regex.Pattern;

/**
 * The kinds of token a scanner tells apart, each with the one-letter class that styles it ({@code hl-k}): short
 * because a highlighted block carries one per token, and fixed so that the sanitizer can allow exactly these.
 */
public enum Kind {
    KEYWORD("hl-k"),
    STRING("hl-s"),
    COMMENT("hl-c"),
    NUMBER("hl-n"),
    /** true, false, null and the like; entities in markup */
    LITERAL("hl-l"),
    /** built-in types and shell built-ins */
    TYPE("hl-t"),
    /** markup attributes, JSON and YAML keys, CSS properties */
    ATTRIBUTE("hl-a"),
    /** shell variables, YAML anchors */
    VARIABLE("hl-v"),
    /** annotations, decorators, preprocessor lines, at-rules, doctypes */
    META("hl-m");

    /** Every class a kind may have, and nothing else: what the sanitizer lets through on a span in a code block. */
    public static final Pattern CLASSES = Pattern.compile("hl-[kscnltavm]");

    public final String cssClass;

    Kind(String cssClass) {
        this.cssClass = cssClass;
    }
}
