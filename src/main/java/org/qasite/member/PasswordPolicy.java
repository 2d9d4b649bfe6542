package org.qasite.member;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.text.i18n.AccountMsg;
import org.qasite.web.i18n.ReaderLocale;

import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * The rules for a new password, wherever one is chosen (sign-up; a password change or reset uses the same check): 8 to
 * 72 characters (bcrypt reads 72 bytes), not the member's username or email address, and not easy to guess.
 * <p>
 * "Easy to guess" is zxcvbn's estimate (zxcvbn4j, MIT licence): it knows a list of 30,000 common passwords and
 * English words and names, and finds them in longer passwords too, with l33t spellings, keyboard rows, dates,
 * sequences and repeats. A password it expects to fall within a million guesses (its score 0 or 1: "12345678",
 * "P@ssw0rd", "Summer2024", "letmein123") is refused; that is NIST SP 800-63B's advice (a list of common and
 * expected passwords, no rules about kinds of characters). The check costs a few milliseconds, tens for long
 * repetitive l33t input, less than the bcrypt hash that follows.
 */
@ApplicationScoped
public class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;
    /** zxcvbn's score 2: at least 10^6 guesses, the least that survives an online attack slowed by rate limits. */
    private static final int MIN_SCORE = 2;
    /** A shorter name inside a password says little ("ann" in "channel"); a shorter one equal to it is too short. */
    private static final int MIN_CONTAINED = 4;

    /** Its dictionaries take half a second to load: once, on the first password checked. */
    private volatile Zxcvbn zxcvbn;

    /**
     * What is wrong with this password for the member with this username and email address (either may be null), or
     * null when it will do.
     */
    public String problem(String password, String username, String email) {
        if (password == null || password.isBlank()) {
            return ReaderLocale.wordsNow(AccountMsg.class).password_required();
        }
        if (password.length() < MIN_LENGTH || password.length() > MAX_BYTES) {
            return ReaderLocale.wordsNow(AccountMsg.class).password_length();
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            // bcrypt reads 72 bytes; a longer password would be silently cut
            return ReaderLocale.wordsNow(AccountMsg.class).password_bytes();
        }
        String plain = lettersAndDigits(password);
        if (contains(plain, username)) {
            return ReaderLocale.wordsNow(AccountMsg.class).password_has_username();
        }
        String mailbox = mailbox(email);
        if (contains(plain, mailbox)) {
            return ReaderLocale.wordsNow(AccountMsg.class).password_has_email();
        }
        List<String> known = new ArrayList<>();
        for (String input : new String[] { username, mailbox, email }) {
            if (input != null && !input.isBlank()) {
                known.add(input.toLowerCase(Locale.ROOT));
                known.addAll(List.of(input.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
            }
        }
        if (zxcvbn().measure(password, known).getScore() < MIN_SCORE) {
            return ReaderLocale.wordsNow(AccountMsg.class).password_weak();
        }
        return null;
    }

    /** The name before the @, without a "+tag" ("ann.lee+qa@example.org" is "ann.lee"). */
    private static String mailbox(String email) {
        if (email == null || email.indexOf('@') <= 0) {
            return null;
        }
        String local = email.substring(0, email.lastIndexOf('@'));
        int plus = local.indexOf('+');
        return plus > 0 ? local.substring(0, plus) : local;
    }

    /** Whether the password holds the name, ignoring case and the separators in either ("Ann.Lee" in "annlee-1990"). */
    private static boolean contains(String plainPassword, String name) {
        if (name == null) {
            return false;
        }
        String plainName = lettersAndDigits(name);
        return plainName.length() >= MIN_CONTAINED && plainPassword.contains(plainName);
    }

    private static String lettersAndDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private Zxcvbn zxcvbn() {
        Zxcvbn loaded = zxcvbn;
        if (loaded == null) {
            synchronized (this) {
                if (zxcvbn == null) {
                    zxcvbn = new Zxcvbn();
                }
                loaded = zxcvbn;
            }
        }
        return loaded;
    }
}
