package org.qasite.tag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for tag names: what members may type in the tags field, and how it is split. */
public final class TagNames {

    public static final int MAX_TAGS = 5;
    public static final int MAX_LENGTH = 35;
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+#.\\-]{0,34}");

    private TagNames() {
    }

    /** Splits "java, quarkus redis" into its names, lower-cased, without repeats. */
    public static List<String> split(String raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : raw.split("[,\\s]+")) {
            if (!part.isBlank()) {
                names.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(names);
    }

    /** Normalises the names (lower case, no repeats) and returns the problem with them, or null when they are fine. */
    public static String problem(List<String> names) {
        if (names == null || names.isEmpty()) {
            return "Add at least one tag (for example: java, sql).";
        }
        if (names.size() > MAX_TAGS) {
            return "Use at most " + MAX_TAGS + " tags; you gave " + names.size() + ".";
        }
        for (String name : names) {
            if (name == null || !VALID.matcher(name).matches()) {
                return "\u201C" + (name == null ? "" : abbreviate(name)) + "\u201D is not a valid tag: use letters,"
                        + " digits and + # . - (starting with a letter or digit, at most " + MAX_LENGTH + " characters).";
            }
        }
        return null;
    }

    public static List<String> normalise(List<String> names) {
        if (names == null) {
            return List.of();
        }
        return split(String.join(" ", names.stream().map(n -> n == null ? "" : n).toList()));
    }

    private static String abbreviate(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "\u2026" : name;
    }
}
