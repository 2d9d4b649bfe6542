package org.qasite.search;

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
}
