package org.qasite.text;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Finds words that mix writing systems the way look-alikes do: "jаva" with a Cyrillic "а" shows as "java" and is
 * another word. The rule is the "highly restrictive" level of Unicode's UTS #39 (Unicode Security Mechanisms): the
 * letters of one word come from one script, or from Latin with the scripts written together with it in East Asia
 * (Han, Hiragana and Katakana; Han and Bopomofo; Han and Hangul). Digits, punctuation and symbols (script Common) and
 * combining marks (Inherited) go with any script.
 * <p>
 * Written with {@link UnicodeScript} (the JDK's own Unicode data) instead of ICU4J's {@code SpoofChecker}: ICU4J is a
 * 14 MB dependency, and the rule needs only each code point's script. What this leaves out is UTS #39's
 * "whole-script confusables" (a word written entirely in Cyrillic letters that look Latin, such as "соре"): those
 * need the confusables table and are, in names, answered by the check that no two members show the same name.
 */
public final class ScriptMix {

    private static final List<Set<UnicodeScript>> ALLOWED_MIXES = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    private ScriptMix() {
    }

    /** The scripts of the word's letters, without Common, Inherited and Unknown. */
    public static Set<UnicodeScript> scripts(CharSequence word) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        word.codePoints().mapToObj(UnicodeScript::of).filter(s -> s != UnicodeScript.COMMON
                && s != UnicodeScript.INHERITED && s != UnicodeScript.UNKNOWN).forEach(scripts::add);
        return scripts;
    }

    /** Whether the word's letters come from scripts that UTS #39's "highly restrictive" level does not let mix. */
    public static boolean isMixed(CharSequence word) {
        Set<UnicodeScript> scripts = scripts(word);
        return scripts.size() > 1 && ALLOWED_MIXES.stream().noneMatch(allowed -> allowed.containsAll(scripts));
    }

    /**
     * The first word of the text (a run of letters and combining marks, so "Java-приложение" is two words) that
     * mixes scripts, or null. For free text such as a display name, where words of different scripts may stand side
     * by side.
     */
    public static String firstMixedWord(String text) {
        int start = -1;
        for (int i = 0; i <= text.length();) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            boolean inWord = Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                String word = text.substring(start, i);
                if (isMixed(word)) {
                    return word;
                }
                start = -1;
            }
            i += i < text.length() ? Character.charCount(cp) : 1;
        }
        return null;
    }

    /** "Latin and Cyrillic", for messages. */
    public static String names(Set<UnicodeScript> scripts) {
        return names(scripts, ScriptMix::englishName, (first, last) -> first + " and " + last);
    }

    /**
     * The scripts' names in a language: {@code name} names one script, {@code and} joins the last name to those before
     * it ("Latin, Greek and Cyrillic").
     */
    public static String names(Set<UnicodeScript> scripts, Function<UnicodeScript, String> name,
            BinaryOperator<String> and) {
        List<String> names = scripts.stream().map(name).toList();
        if (names.size() < 2) {
            return String.join("", names);
        }
        return and.apply(String.join(", ", names.subList(0, names.size() - 1)), names.get(names.size() - 1));
    }

    /** "Latin", "Old italic": the script's name as Unicode spells it, capitalised. */
    public static String englishName(UnicodeScript script) {
        String lower = script.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
