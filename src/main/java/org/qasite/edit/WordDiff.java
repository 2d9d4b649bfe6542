package org.qasite.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * The differences between two texts, word by word: runs of text kept, deleted and inserted. Templates write each run's
 * text escaped, inside {@code <del>} or {@code <ins>}; no markup of the member's ever goes out as markup.
 */
public record WordDiff(List<Run> runs) {

    /** What happened to a run of text. */
    public enum Change {
        SAME,
        DELETED,
        INSERTED
    }

    public record Run(Change change, String text) {

        public boolean isDeleted() {
            return change == Change.DELETED;
        }

        public boolean isInserted() {
            return change == Change.INSERTED;
        }
    }

    /** A word, a run of white space, or any other single character. */
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{M}\\p{N}_]+|.", Pattern.DOTALL);

    public static WordDiff between(String before, String after) {
        List<String> from = tokens(before);
        List<String> to = tokens(after);
        List<Run> runs = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(runs, Change.SAME, from.subList(position, start));
            add(runs, Change.DELETED, delta.getSource().getLines());
            add(runs, Change.INSERTED, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(runs, Change.SAME, from.subList(position, from.size()));
        return new WordDiff(List.copyOf(runs));
    }

    /** Whether anything differs. */
    public boolean changed() {
        return runs.stream().anyMatch(r -> r.change() != Change.SAME);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text != null) {
            Matcher matcher = TOKEN.matcher(text);
            while (matcher.find()) {
                tokens.add(matcher.group());
            }
        }
        return tokens;
    }

    private static void add(List<Run> runs, Change change, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        int last = runs.size() - 1;
        if (last >= 0 && runs.get(last).change() == change) {
            runs.set(last, new Run(change, runs.get(last).text() + text));
        } else {
            runs.add(new Run(change, text));
        }
    }
}
