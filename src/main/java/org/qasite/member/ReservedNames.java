package org.qasite.member;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names no member may take (the list is {@code reserved-names.txt} beside this class): "admin", "moderator",
 * "support", "deleted-member", the site's pages. A name is compared with them the way a reader would confuse them:
 * <ol>
 * <li>split into words at anything that is not a letter or digit and where case changes ("SiteAdmin" is "Site",
 * "Admin"), compatibility forms folded (NFKC: fullwidth "Ａｄｍｉｎ" is "Admin"), lower case;</li>
 * <li>the words joined (so separators do not count: "ad-min", "Admin_"), digits at both ends dropped ("admin.1",
 * "2admin"), or digits that look like letters read as those letters ("adm1n", "r00t", "5ystem": 0 o, 1 l, 3 e, 4 a,
 * 5 s, 7 t, 8 b);</li>
 * <li>letters that look alike read as one: "i" and "l" ("ADMlN" shows as "ADMIN"), "rn" and "m", "vv" and "w".</li>
 * </ol>
 * What is left is refused when it equals a reserved name. Roles ("+" in the list: admin, moderator, staff, official...)
 * are refused also as one word of a longer name ("site-admin", "Admin Bob", "bob_m0derator").
 * <p>
 * Equality, not containment, is what keeps ordinary names free: "badminton", "modest", "rooted", "helper", "Ali",
 * "systems-guy" and "admin2bob" stay available.
 */
final class ReservedNames {

    private static final Set<String> NAMES = new HashSet<>();
    private static final Set<String> ROLES = new HashSet<>();

    static {
        try (InputStream in = ReservedNames.class.getResourceAsStream("reserved-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("reserved-names.txt is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                boolean role = entry.startsWith("+");
                String key = lookAlike(String.join("", words(role ? entry.substring(1) : entry)));
                NAMES.add(key);
                if (role) {
                    ROLES.add(key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReservedNames() {
    }

    /** Whether the name (a username or a display name) reads as one of the reserved names. */
    static boolean isReserved(String name) {
        if (name == null) {
            return false;
        }
        List<String> words = words(name);
        if (matches(String.join("", words), NAMES)) {
            return true;
        }
        return words.size() > 1 && words.stream().anyMatch(word -> matches(word, ROLES));
    }

    private static boolean matches(String joined, Set<String> reserved) {
        return reserved.contains(lookAlike(stripEndDigits(joined))) || reserved.contains(lookAlike(joined));
    }

    /** The name's words, lower case: split at anything but letters and digits, and where lower case turns upper. */
    static List<String> words(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int previous = -1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp) < text.length() ? text.codePointAt(i + Character.charCount(cp)) : -1;
            boolean camel = Character.isUpperCase(cp) && previous != -1
                    && (Character.isLowerCase(previous) || (Character.isUpperCase(previous) && next != -1
                            && Character.isLowerCase(next)));
            if (!Character.isLetterOrDigit(cp) || camel) {
                if (!word.isEmpty()) {
                    words.add(word.toString().toLowerCase(Locale.ROOT));
                    word.setLength(0);
                }
            }
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
                previous = cp;
            } else {
                previous = -1;
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static String stripEndDigits(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && Character.isDigit(word.charAt(start))) {
            start++;
        }
        while (end > start && Character.isDigit(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(start, end);
    }

    /** Reads look-alike digits and letters as one letter ("adm1n", "ADMlN" and "admin" are all "admln"). */
    private static String lookAlike(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case '0' -> out.append('o');
                case '1', 'i' -> out.append('l');
                case '3' -> out.append('e');
                case '4' -> out.append('a');
                case '5' -> out.append('s');
                case '7' -> out.append('t');
                case '8' -> out.append('b');
                default -> out.append(c);
            }
        }
        return out.toString().replace("rn", "m").replace("vv", "w");
    }
}
