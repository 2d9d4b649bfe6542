package org.qasite.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/** What cleaning leaves of member text: what a reader sees, and nothing that hides or reorders it. */
class InputTextTest {

    @Test
    void oneLineFieldsLoseBidiControlsAndInvisibleCharacters() {
        assertThat(InputText.line("\u202Eevil\u202C name"), equalTo("evil name"));
        assertThat(InputText.line("\u2066Ann\u2069 \u200ELee\u200F\u061C"), equalTo("Ann Lee"));
        assertThat(InputText.line("ad\u200Bmin"), equalTo("admin"));
        assertThat(InputText.line("ad\u200Dmi\u200Cn\u2060"), equalTo("admin"));
        assertThat(InputText.line("\uFEFFTitle with a soft\u00AD hyphen\u2063"), equalTo("Title with a soft hyphen"));
        assertThat(InputText.line("e\u200B\u0301"), equalTo("\u00E9")); // the accent joins its letter once free
    }

    @Test
    void spacesOfEveryKindBecomeOne() {
        assertThat(InputText.line("  Ann \u00A0\u3000 Lee\t\n "), equalTo("Ann Lee"));
        assertThat(InputText.line("Ann\u00A0Lee"), equalTo("Ann Lee"));
    }

    @Test
    void textWithNothingVisibleBecomesEmpty() {
        assertThat(InputText.line("\u200B".repeat(12)), equalTo(""));
        assertThat(InputText.line("\u00A0".repeat(12)), equalTo(""));
        assertThat(InputText.line("\u3164\u3164\u3164"), equalTo("")); // Hangul fillers
        assertThat(InputText.line("\u2800\u2800\u2800"), equalTo("")); // blank Braille patterns
        assertThat(InputText.line("\u0301\u0301\u0301"), equalTo("")); // accents without letters
        assertThat(InputText.line("\uFE0F\uFE0F"), equalTo(""));
        assertThat(InputText.block("\u200B\n\u200B \u2060"), equalTo(""));
        assertThat(InputText.line("\u200B.\u200B"), equalTo("."));
    }

    @Test
    void emojiAndScriptsThatNeedJoinersKeepThem() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man, woman, girl
        String rainbowFlag = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08";
        String coder = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB"; // woman, skin tone, laptop
        String england = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F";
        String heart = "\u2764\uFE0F";
        String keycap = "1\uFE0F\u20E3";
        for (String emoji : new String[] { family, rainbowFlag, coder, england, heart, keycap }) {
            assertThat(InputText.line("Ann " + emoji), equalTo("Ann " + emoji));
            assertThat(InputText.clean("Body " + emoji), equalTo("Body " + emoji));
        }
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"; // "mi-khaham", with a non-joiner
        assertThat(InputText.line(persian), equalTo(persian));
        String malayalam = "\u0D28\u0D4D\u200D\u0D28"; // letter, virama, joiner, letter
        assertThat(InputText.line(malayalam), equalTo(malayalam));
        assertThat(InputText.line("\uDB40\uDC67\uDB40\uDC7F tag letters alone"), equalTo("tag letters alone"));
    }

    @Test
    void bodiesKeepTheirTextButNotTheBidiOverrides() {
        assertThat(InputText.clean("file\u202Etxt.exe\u202C and \u2067isolated\u2069"),
                equalTo("filetxt.exe and isolated"));
        String hebrew = "\u05E9\u05DC\u05D5\u05DD\u200F (hello)";
        assertThat(InputText.clean(hebrew), equalTo(hebrew)); // the mark that places the bracket stays
        assertThat(InputText.clean("zero\u200Bwidth\u00ADhyphen"), equalTo("zero\u200Bwidth\u00ADhyphen"));
        assertThat(InputText.block("  a body \u200B "), equalTo("a body \u200B"));
    }

    @Test
    void aCharacterKeepsAtMostThreeCombiningMarksInOneLineFields() {
        // "Zalgo": sixty acute accents on a Z paint over the heading and the navigation above it
        String stacked = "Z" + "\u0301".repeat(60) + "algo";
        String kept = InputText.line(stacked);
        assertThat(kept.codePoints().filter(cp -> Character.getType(cp) == Character.NON_SPACING_MARK).count(),
                equalTo(3L)); // NFC makes the first accent part of "Ź"; three marks on it at most
        assertThat(kept.startsWith("\u0179"), equalTo(true));
        assertThat(kept.endsWith("algo"), equalTo(true));
        // what languages write stays: Vietnamese, Hebrew with points, Hindi
        for (String word : new String[] { "Nguy\u1EC5n Th\u1ECB", "\u05E9\u05C1\u05B8\u05DC\u05D5\u05B9\u05DD",
                "\u0939\u093F\u0928\u094D\u0926\u0940" }) {
            assertThat(word, InputText.line(word), equalTo(java.text.Normalizer.normalize(word,
                    java.text.Normalizer.Form.NFC)));
        }
    }

    @Test
    void controlsGoAndAccentsJoinTheirLetters() {
        assertThat(InputText.clean("a\u0000b\r\nc\u0007d\ud800e"), equalTo("ab\ncde"));
        assertThat(InputText.clean("🚀 e\u0301"), equalTo("🚀 é"));
        assertThat(InputText.line("  two\nlines  "), equalTo("two lines"));
        assertThat(InputText.clean(null), equalTo(""));
    }
}
