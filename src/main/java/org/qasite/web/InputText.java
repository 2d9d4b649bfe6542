package org.qasite.web;

import java.text.Normalizer;

/** Cleans text typed by members before it is validated and stored. */
public final class InputText {

    private InputText() {
    }

    /**
     * Normalises line ends and Unicode (NFC), and drops control characters (NUL cannot be stored in PostgreSQL text)
     * and unpaired surrogates left by broken encodings. Tabs and new lines stay.
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
            if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                continue;
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                continue;
            }
            out.append(c);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** {@link #clean(String)} and trims; for one-line fields. */
    public static String line(String text) {
        return clean(text).replace('\n', ' ').replace('\t', ' ').strip();
    }
}
