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
    /** A line with its line break. */
    private static final Pattern LINE = Pattern.compile("[^\\n]*\\n|[^\\n]+");

    /**
     * Past this many words (or lines) on a side, two very different texts would cost seconds of the diff's time, which
     * grows with the length times the number of differences: longer texts are compared line by line, and changed
     * blocks word by word only while they are short; past that many lines, the changed middle is shown as replaced.
     * Posts of up to 30,000 characters stay in milliseconds.
     */
    static final int MAX_TOKENS = 3_000;
    static final int MAX_LINES = 1_500;

    public static WordDiff between(String before, String after) {
        List<Run> runs = new ArrayList<>();
        List<String> from = tokens(before);
        List<String> to = tokens(after);
        // What both share at the start and at the end is the same text: only the middle needs the diff's time.
        int prefix = 0;
        while (prefix < from.size() && prefix < to.size() && from.get(prefix).equals(to.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < from.size() - prefix && suffix < to.size() - prefix
                && from.get(from.size() - 1 - suffix).equals(to.get(to.size() - 1 - suffix))) {
            suffix++;
        }
        add(runs, Change.SAME, from.subList(0, prefix));
        List<String> removed = from.subList(prefix, from.size() - suffix);
        List<String> added = to.subList(prefix, to.size() - suffix);
        if (removed.size() <= MAX_TOKENS && added.size() <= MAX_TOKENS) {
            diff(removed, added, runs);
        } else {
            byLines(split(String.join("", removed), LINE), split(String.join("", added), LINE), runs);
        }
        add(runs, Change.SAME, from.subList(from.size() - suffix, from.size()));
        return new WordDiff(List.copyOf(runs));
    }

    /** The changed blocks of lines, each compared word by word when it is short enough, else as replaced. */
    private static void byLines(List<String> from, List<String> to, List<Run> runs) {
        if (from.size() > MAX_LINES || to.size() > MAX_LINES) {
            replaced(from, to, runs);
            return;
        }
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(runs, Change.SAME, from.subList(position, start));
            List<String> removed = tokens(String.join("", delta.getSource().getLines()));
            List<String> added = tokens(String.join("", delta.getTarget().getLines()));
            if (removed.size() <= MAX_TOKENS && added.size() <= MAX_TOKENS) {
                diff(removed, added, runs);
            } else {
                replaced(removed, added, runs);
            }
            position = start + delta.getSource().size();
        }
        add(runs, Change.SAME, from.subList(position, from.size()));
    }

    private static void replaced(List<String> from, List<String> to, List<Run> runs) {
        if (from.equals(to)) {
            add(runs, Change.SAME, from);
        } else {
            add(runs, Change.DELETED, from);
            add(runs, Change.INSERTED, to);
        }
    }

    private static void diff(List<String> from, List<String> to, List<Run> runs) {
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(runs, Change.SAME, from.subList(position, start));
            add(runs, Change.DELETED, delta.getSource().getLines());
            add(runs, Change.INSERTED, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(runs, Change.SAME, from.subList(position, from.size()));
    }

    /** Whether anything differs. */
    public boolean changed() {
        return runs.stream().anyMatch(r -> r.change() != Change.SAME);
    }

    static List<String> tokens(String text) {
        return split(text, TOKEN);
    }

    private static List<String> split(String text, Pattern pattern) {
        List<String> tokens = new ArrayList<>();
        if (text != null) {
            Matcher matcher = pattern.matcher(text);
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
