package org.qasite.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Redis stream entry id ({@code millis-sequence}), ordered as Redis orders them. */
public record Position(long millis, long sequence) implements Comparable<Position> {

    /** Before every entry: what a page shows when the stream is empty. */
    public static final Position ZERO = new Position(0, 0);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

    /** The position written as Redis writes it, or null when the text is not one. */
    public static Position parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return new Position(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public int compareTo(Position other) {
        int c = Long.compareUnsigned(millis, other.millis);
        return c != 0 ? c : Long.compareUnsigned(sequence, other.sequence);
    }

    public boolean isAfter(Position other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(millis) + "-" + Long.toUnsignedString(sequence);
    }
}
