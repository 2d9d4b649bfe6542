package org.qasite.tag;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.qasite.text.InputText;
import org.qasite.text.ScriptMix;

/**
 * The rules for tag names: what members may type in the tags field, and how it is split. A tag is one name for one
 * subject, so the names are brought to one form (NFKC: fullwidth "ｊａｖａ" is "java"; lower case) and a name that mixes
 * scripts the way look-alikes do ("jаva" with a Cyrillic "а") is refused instead of becoming a second "java".
 */
public final class TagNames {

    public static final int MAX_TAGS = 5;
    public static final int MAX_LENGTH = 35;
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+#.\\-]{0,34}");

    private TagNames() {
    }

    /**
     * Splits "java, quarkus redis" into its names, in their one form (see {@link #name(String)}), without repeats.
     * Invisible characters are dropped as in every one-line field, and a fullwidth comma or space separates too.
     */
    public static List<String> split(String raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : Normalizer.normalize(InputText.line(raw), Normalizer.Form.NFKC).split("[,\\s]+")) {
            if (!part.isBlank()) {
                names.add(name(part));
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * A tag name in its one form: compatibility characters replaced by the ones they stand for (NFKC: fullwidth
     * letters, ligatures, superscripts) and lower case, so that each subject has one tag.
     */
    public static String name(String raw) {
        String folded = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC);
    }

    /** What is wrong with a list of tag names, for the caller to say in the reader's words. */
    public sealed interface Problem {
        record None() implements Problem {
        }

        record TooMany(int given) implements Problem {
        }

        record Invalid(String name) implements Problem {
        }

        record MixedScripts(String name, Set<UnicodeScript> scripts) implements Problem {
        }
    }

    /** The problem with these names (in their one form, as split makes them), or null when they are fine. */
    public static Problem check(List<String> names) {
        if (names == null || names.isEmpty()) {
            return new Problem.None();
        }
        if (names.size() > MAX_TAGS) {
            return new Problem.TooMany(names.size());
        }
        for (String name : names) {
            if (name == null || !VALID.matcher(name).matches()) {
                return new Problem.Invalid(name == null ? "" : abbreviate(name));
            }
            if (ScriptMix.isMixed(name)) {
                return new Problem.MixedScripts(name, ScriptMix.scripts(name));
            }
        }
        return null;
    }

    /** {@link #check(List)}'s problem in English, or null when the names are fine. */
    public static String problem(List<String> names) {
        Problem problem = check(names);
        return problem == null ? null : switch (problem) {
            case Problem.None none -> "Add at least one tag (for example: java, sql).";
            case Problem.TooMany many -> "Use at most " + MAX_TAGS + " tags; you gave " + many.given() + ".";
            case Problem.Invalid invalid -> "\u201C" + invalid.name() + "\u201D is not a valid tag: use letters,"
                    + " digits and + # . - (starting with a letter or digit, at most " + MAX_LENGTH + " characters).";
            case Problem.MixedScripts mixed -> "\u201C" + mixed.name() + "\u201D mixes "
                    + ScriptMix.names(mixed.scripts()) + " letters, which can look alike: write a tag in one script.";
        };
    }

    /** The names in their one form, without repeats (as {@link #split(String)} makes them from the form's field). */
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
