package org.qasite.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qasite.text.InputText;

/**
 * What a member typed in the search box: {@code [tag]} filters, and the rest as words and quoted phrases for
 * PostgreSQL's {@code websearch_to_tsquery}, which accepts any text without a syntax error. Nothing typed ever
 * becomes SQL: both parts are bound as parameters.
 */
public record SearchQuery(String raw, String words, List<String> tags) {

    /** Longer input is cut: no one types more, and every word costs the query. */
    static final int MAX_LENGTH = 200;
    static final int MAX_TAGS = 5;
    private static final Pattern TAG = Pattern.compile("\\[([^\\[\\]\\s]{1,35})\\]");
    /**
     * A plain last word: letters and digits only, so neither quoted nor negated, nor an operator; of two characters at
     * least, as in the suggestions (one letter begins too many words to narrow anything).
     */
    private static final Pattern PLAIN_LAST_WORD = Pattern
            .compile("(^|\\s)([\\p{L}\\p{N}]{" + SearchService.MIN_LETTERS + ",40})$");
    /** websearch_to_tsquery drops an {@code or} at the end of its text (it has nothing after it to join). */
    private static final Pattern TRAILING_OR = Pattern.compile("(^|\\s)or$", Pattern.CASE_INSENSITIVE);

    public static SearchQuery parse(String input) {
        String raw = InputText.clean(input).replace('\n', ' ').replace('\t', ' ').strip();
        if (raw.length() > MAX_LENGTH) {
            raw = raw.substring(0, MAX_LENGTH);
        }
        List<String> tags = new ArrayList<>();
        Matcher m = TAG.matcher(raw);
        StringBuilder words = new StringBuilder();
        while (m.find()) {
            String tag = m.group(1).toLowerCase(Locale.ROOT);
            if (tags.size() < MAX_TAGS && !tags.contains(tag)) {
                tags.add(tag);
            }
            m.appendReplacement(words, " ");
        }
        m.appendTail(words);
        return new SearchQuery(raw, words.toString().replaceAll("\\s+", " ").strip(), List.copyOf(tags));
    }

    public boolean isEmpty() {
        return words.isEmpty() && tags.isEmpty();
    }

    public boolean hasWords() {
        return !words.isEmpty();
    }

    /**
     * The last word when the search box's suggestions would take it as a prefix (it may be unfinished), lower case: a
     * plain word, outside quotes. Null when there is none; then all the words go to websearch_to_tsquery as they are.
     */
    public String prefix() {
        Matcher m = PLAIN_LAST_WORD.matcher(words);
        if (!m.find() || words.chars().filter(c -> c == '"').count() % 2 != 0) {
            return null;
        }
        return m.group(2).toLowerCase(Locale.ROOT);
    }

    /**
     * The words before the prefix (all of them when there is no prefix), in websearch syntax; without an {@code or}
     * that ends them, which {@link #orPrefix()} stands for.
     */
    public String leading() {
        Matcher m = PLAIN_LAST_WORD.matcher(words);
        if (prefix() == null || !m.find()) {
            return words;
        }
        String leading = words.substring(0, m.start()).strip();
        return TRAILING_OR.matcher(leading).replaceFirst("").strip();
    }

    /**
     * Whether the prefix is an alternative to the words before it ("redis or postgres"), rather than needed with them:
     * the words before it end with {@code or}.
     */
    public boolean orPrefix() {
        Matcher m = PLAIN_LAST_WORD.matcher(words);
        return prefix() != null && m.find() && TRAILING_OR.matcher(words.substring(0, m.start()).strip()).find();
    }

    /** The address of this search's results page. */
    /**
     * What was typed, for templates: {@code raw} there is Qute's own "output unescaped" and would print the whole
     * record, unescaped.
     */
    public String typed() {
        return raw;
    }

    public String href() {
        return "/search?q=" + URLEncoder.encode(raw, StandardCharsets.UTF_8);
    }

    /** The same search with other words and the same tags: for "did you mean". */
    public SearchQuery withWords(String other) {
        StringBuilder raw = new StringBuilder(other);
        tags.forEach(t -> raw.append(" [").append(t).append(']'));
        return parse(raw.toString());
    }
}
