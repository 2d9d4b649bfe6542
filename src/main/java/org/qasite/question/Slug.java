package org.qasite.question;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The readable part of a question's address, made from its title: lower-case ASCII words joined by '-'. Cyrillic is
 * transliterated to Latin (a simplified GOST 7.79 B): an ASCII address stays readable when it is pasted into a chat, a
 * mail or a log, where a Cyrillic one turns into rows of %D0%BF. Other scripts' letters are left out.
 */
public final class Slug {

    /** Longer slugs are cut at a word boundary: the id finds the question, the slug only tells readers what it is. */
    static final int MAX_LENGTH = 80;
    /** When nothing readable remains, or the slug would read as one of the question's own sub-pages. */
    static final String FALLBACK = "question";
    /** The literal paths under /questions/{id}/ that a slug must never read as. */
    static final Set<String> RESERVED = Set.of("edit", "revisions", "answers", "comments", "follow", "unfollow", "delete",
            "undelete", "vote", "participants");

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(Map.entry('а', "a"), Map.entry('б', "b"),
            Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "yo"),
            Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "j"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"),
            Map.entry('х', "h"), Map.entry('ц', "c"), Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shh"),
            Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "yu"),
            Map.entry('я', "ya"), Map.entry('і', "i"), Map.entry('ї', "yi"), Map.entry('є', "ye"), Map.entry('ґ', "g"));

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
    private static final Pattern TRAILING_DASHES = Pattern.compile("-+$");

    /**
     * Slugs by title: every link to a question is made from its title, several times on each page that shows it, and
     * the same titles come back page after page. Titles are short (150 characters at most), so this holds little.
     */
    private static final Cache<String, String> BY_TITLE = Caffeine.newBuilder().maximumSize(4096).build();

    private Slug() {
    }

    public static String of(String title) {
        if (title == null) {
            return FALLBACK;
        }
        return BY_TITLE.get(title, Slug::make);
    }

    private static String make(String title) {
        StringBuilder latin = new StringBuilder(title.length());
        for (char c : title.toLowerCase(Locale.ROOT).toCharArray()) {
            String t = CYRILLIC.get(c);
            latin.append(t != null ? t : String.valueOf(c));
        }
        // Accents off (é -> e), then every run of anything but a-z and 0-9 becomes one '-'.
        String ascii = MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
        String slug = EDGE_DASHES.matcher(NOT_WORD.matcher(ascii).replaceAll("-")).replaceAll("");
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = TRAILING_DASHES.matcher(slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH)).replaceAll("");
        }
        return slug.isEmpty() || RESERVED.contains(slug) ? FALLBACK : slug;
    }

    /** The canonical address of a question page: {@code /questions/{id}/{slug}}. */
    public static String path(long id, String title) {
        return "/questions/" + id + "/" + of(title);
    }
}
