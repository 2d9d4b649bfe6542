package org.qasite.text;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Set;

/** Cleans text typed by members before it is validated and stored. */
public final class InputText {

    /**
     * Scripts whose writing needs the zero-width joiner and non-joiner between letters (Persian "می‌خواهم", Indic
     * conjuncts): there a one-line field keeps them. In other scripts they only hide a difference between two names.
     */
    private static final Set<UnicodeScript> JOINING_SCRIPTS = EnumSet.of(UnicodeScript.ARABIC, UnicodeScript.SYRIAC,
            UnicodeScript.NKO, UnicodeScript.MANDAIC, UnicodeScript.MONGOLIAN, UnicodeScript.DEVANAGARI,
            UnicodeScript.BENGALI, UnicodeScript.GURMUKHI, UnicodeScript.GUJARATI, UnicodeScript.ORIYA,
            UnicodeScript.TAMIL, UnicodeScript.TELUGU, UnicodeScript.KANNADA, UnicodeScript.MALAYALAM,
            UnicodeScript.SINHALA, UnicodeScript.KHMER, UnicodeScript.MYANMAR, UnicodeScript.TIBETAN);

    /**
     * Combining marks one character may carry in a one-line field: written languages use up to three (Vietnamese two,
     * Thai and Hebrew with points three); more only stack up over the text around.
     */
    static final int MAX_MARKS = 3;
    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;
    private static final int BLACK_FLAG = 0x1F3F4;

    private InputText() {
    }

    /**
     * Normalises line ends and Unicode (NFC), and drops control characters (NUL cannot be stored in PostgreSQL text),
     * unpaired surrogates left by broken encodings, and the bidi embedding, override and isolate controls (U+202A to
     * U+202E, U+2066 to U+2069), which show text in another order than it is stored (a reversed file name, code that
     * reads differently from what it does). Tabs and new lines stay, and so does everything that writing needs: the
     * bidi marks (LRM, RLM, ALM) that place punctuation in right-to-left text, joiners inside emoji and words.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        for (int i = 0; i < unified.length(); i++) {
            char c = unified.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < unified.length() && Character.isLowSurrogate(unified.charAt(i + 1))) {
                    out.append(c).append(unified.charAt(++i));
                }
                continue;
            }
            if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' || isBidiControl(c)) {
                continue;
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                continue;
            }
            out.append(c);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * {@link #clean(String)} and trimmed; for bodies. Text with nothing visible in it (zero-width spaces, lone accents)
     * becomes empty, so that the field's "describe ..." message answers it rather than a post that shows nothing.
     */
    public static String block(String text) {
        String cleaned = clean(text).strip();
        return hasVisible(cleaned) ? cleaned : "";
    }

    /**
     * {@link #clean(String)} for one-line fields (titles, display names, tags, usernames, email addresses), which show
     * where a reader cannot inspect them and where two values must not look alike:
     * <ul>
     * <li>every kind of space and line end becomes one space, a run of them one (a page shows them as one anyway, so
     * "Ann&nbsp;&nbsp;Lee" and "Ann Lee" would be two names that look the same), none at either end;</li>
     * <li>invisible characters are dropped: the bidi marks and Unicode's default-ignorable code points (zero-width
     * space, word joiner, invisible operators, soft hyphen, byte order mark, Hangul fillers...), except where they
     * are part of what is shown: a joiner in an emoji sequence or between letters of a script that needs it, a
     * variation selector after the character it selects, the tags of a flag after its black flag;</li>
     * <li>text with nothing visible left (spaces, lone accents, blank symbols) becomes empty, so that the field's own
     * "Enter ..." message answers it.</li>
     * </ul>
     */
    public static String line(String text) {
        int[] points = clean(text).codePoints().toArray();
        StringBuilder out = new StringBuilder(points.length);
        boolean space = false;
        int previous = -1; // the last code point kept, or a space
        int marks = 0; // combining marks kept on the current character
        for (int i = 0; i < points.length; i++) {
            int cp = points[i];
            if (isSpace(cp)) {
                space = out.length() > 0;
                previous = ' ';
                marks = 0;
                continue;
            }
            if (isInvisible(cp) && !isShownPart(cp, previous, i + 1 < points.length ? points[i + 1] : -1)) {
                continue;
            }
            if (isCombiningMark(cp)) {
                if (++marks > MAX_MARKS) {
                    continue; // stacked accents ("Zalgo") would paint over the lines above and below
                }
            } else {
                marks = 0;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
            previous = cp;
        }
        String result = Normalizer.normalize(out, Normalizer.Form.NFC);
        return hasVisible(result) ? result : "";
    }

    /** Whether the text has a letter, digit, punctuation mark or symbol that a reader sees. */
    public static boolean hasVisible(CharSequence text) {
        return text.codePoints().anyMatch(InputText::isVisible);
    }

    private static boolean isVisible(int cp) {
        if (cp == 0x2800 || isInvisible(cp)) { // the blank Braille pattern shows as a space
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL ->
                true;
            default -> false;
        };
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /**
     * Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): code points that show nothing by
     * themselves; with the interlinear annotation characters, which hide text in some programs.
     */
    static boolean isInvisible(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160 || cp == 0x17B4
                || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200F)
                || isBidiControl(cp) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || isVariationSelector(cp)
                || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFFB) || (cp >= 0x1BCA0 && cp <= 0x1BCA3)
                || (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }

    private static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0x180B && cp <= 0x180D)
                || cp == 0x180F;
    }

    private static boolean isTag(int cp) {
        return cp >= 0xE0020 && cp <= 0xE007F;
    }

    /** Whether an invisible code point between these two belongs to what is shown (and so stays). */
    private static boolean isShownPart(int cp, int previous, int next) {
        if (cp == ZWJ) {
            return (isEmojiPart(previous) && next != -1 && Character.isExtendedPictographic(next))
                    || joinsLetters(previous, next);
        }
        if (cp == ZWNJ) {
            return joinsLetters(previous, next);
        }
        if (isVariationSelector(cp)) {
            return previous != -1 && previous != ' ' && !isInvisible(previous);
        }
        if (isTag(cp)) { // a subdivision flag: black flag, tag letters, cancel tag
            return cp == 0xE007F ? isTag(previous) && previous != 0xE007F : previous == BLACK_FLAG || isTag(previous);
        }
        return false;
    }

    private static boolean isEmojiPart(int cp) {
        return cp != -1 && (Character.isExtendedPictographic(cp) || Character.isEmojiModifier(cp) || cp == 0xFE0F);
    }

    private static boolean joinsLetters(int previous, int next) {
        if (previous == -1 || next == -1 || !Character.isLetter(next)) {
            return false;
        }
        UnicodeScript script = UnicodeScript.of(next);
        if (!JOINING_SCRIPTS.contains(script)) {
            return false;
        }
        int type = Character.getType(previous);
        boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
        return mark || (Character.isLetter(previous) && UnicodeScript.of(previous) == script);
    }
}
