package org.qasite.member;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;
import org.qasite.limit.ClientAddress;
import org.qasite.limit.RateLimiter;
import org.qasite.refusal.InputValidator;
import org.qasite.refusal.InvalidInput;
import org.qasite.refusal.QaException;
import org.qasite.text.InputText;
import org.qasite.text.ScriptMix;
import org.qasite.text.i18n.AccountMsg;
import org.qasite.text.i18n.ReaderLanguage;
import org.qasite.text.i18n.RefusalMsg;
import org.qasite.text.i18n.Refusals;

import io.quarkus.elytron.security.common.BcryptUtil;

@ApplicationScoped
public class MemberService {

    private final InputValidator validator;
    private final AvatarStore avatars;
    private final MemberConfig config;
    private final PasswordPolicy passwords;
    private final RateLimiter rateLimiter;
    private final Outbox outbox;
    private final ReaderLanguage reader;

    MemberService(InputValidator validator, AvatarStore avatars, MemberConfig config, PasswordPolicy passwords,
            RateLimiter rateLimiter, Outbox outbox, ReaderLanguage reader) {
        this.reader = reader;
        this.validator = validator;
        this.avatars = avatars;
        this.config = config;
        this.passwords = passwords;
        this.rateLimiter = rateLimiter;
        this.outbox = outbox;
    }

    /** Makes an account for a visitor at this address (each address may make a few an hour). */
    @Transactional
    public Member signup(SignupInput raw, AvatarStore.Picture picture, String address) {
        SignupInput input = new SignupInput(InputText.line(raw.username()), InputText.line(raw.email()),
                raw.password() == null ? "" : raw.password(), raw.passwordConfirm());
        Map<String, String> errors = validator.errors(input);
        if (!errors.containsKey("username") && ReservedNames.isReserved(input.username())) {
            errors.put("username", reader.words(AccountMsg.class).name_reserved());
        }
        String passwordProblem = passwords.problem(input.password(), input.username(), input.email());
        if (passwordProblem != null) {
            errors.put("password", passwordProblem);
        } else if (!input.password().equals(input.passwordConfirm())) {
            errors.put("passwordConfirm", reader.words(AccountMsg.class).passwords_differ());
        }
        // A new member shows as their username: it must not be another member's display name either.
        if (!errors.containsKey("username")
                && (Member.existsUsername(input.username()) || Member.nameInUse(input.username(), null))) {
            errors.put("username", reader.words(AccountMsg.class).username_taken());
        }
        if (!errors.containsKey("email") && Member.existsEmail(input.email(), null)) {
            errors.put("email", reader.words(AccountMsg.class).email_exists());
        }
        validator.check(errors);
        // Counted once the form is right, before the costly hash: a typo costs no sign-up, a script gets few accounts.
        rateLimiter.acquire(RateLimiter.Action.SIGNUP, ClientAddress.network(address));
        Member member = new Member();
        member.username = input.username();
        member.email = input.email();
        member.displayName = input.username();
        // their mail's language until they choose one in the settings (the confirmation link goes out now)
        member.signupLocale = reader.locale().toLanguageTag();
        member.passwordHash = BcryptUtil.bcryptHash(input.password(), Math.max(12, config.bcryptCost()));
        if (picture != null) {
            member.avatarHash = avatars.store(picture);
        }
        try {
            member.persistAndFlush();
        } catch (PersistenceException e) {
            // Another signup took the name or address between the check above and this insert.
            throw InvalidInput.of("username", reader.words(AccountMsg.class).username_just_taken());
        }
        // The address counts once its link is opened (account-mail consumer, account/ pages).
        outbox.record(EventType.EMAIL_VERIFICATION_REQUESTED,
                new Payloads.EmailVerificationRequested(member.id, member.email));
        return member;
    }

    /**
     * Saves the settings; a new email address is not saved but sent a link, and becomes the member's when the link is
     * opened.
     */
    @Transactional
    public Member updateSettings(long memberId, SettingsInput raw, AvatarStore.Picture picture, boolean removeAvatar) {
        Member member = Member.findById(memberId);
        if (member == null) {
            throw QaException.notFound(Refusals.now().account_gone());
        }
        SettingsInput input = new SettingsInput(InputText.line(raw.email()), InputText.line(raw.displayName()),
                raw.mail(), raw.locale());
        Map<String, String> errors = validator.errors(input);
        if (!errors.containsKey("email") && Member.existsEmail(input.email(), memberId)) {
            errors.put("email", reader.words(AccountMsg.class).email_used());
        }
        // A name kept as it was stays, even one chosen before these rules.
        if (!errors.containsKey("displayName") && !input.displayName().equals(member.displayName)) {
            String problem = displayNameProblem(input.displayName(), memberId);
            if (problem != null) {
                errors.put("displayName", problem);
            }
        }
        validator.check(errors);
        if (!input.email().equalsIgnoreCase(member.email)) {
            rateLimiter.acquire(RateLimiter.Action.VERIFICATION_MAIL, memberId);
            outbox.record(EventType.EMAIL_VERIFICATION_REQUESTED,
                    new Payloads.EmailVerificationRequested(memberId, input.email()));
        }
        member.displayName = input.displayName();
        input.mail().forEach(member::setMailFor);
        member.locale = input.locale();
        if (picture != null) {
            member.avatarHash = avatars.store(picture);
        } else if (removeAvatar) {
            member.avatarHash = null;
        }
        try {
            member.flush();
        } catch (PersistenceException e) {
            throw InvalidInput.of("email", reader.words(AccountMsg.class).email_used());
        }
        return member;
    }

    /**
     * Deletes the member's account, in one transaction: the row stays for their posts and votes, but loses its email,
     * display name, picture (the stored picture too, unless another member uses it), password hash and mail
     * preference; the username becomes a tombstone, the old one is kept as a hash that signups refuse. The caller ends
     * the sessions (a deleted member's sessions are in force nowhere from the commit on).
     */
    @Transactional
    public void deleteAccount(long memberId) {
        Member member = Member.findById(memberId, LockModeType.PESSIMISTIC_WRITE); // a second click waits, then finds it gone
        if (member == null || member.isDeleted()) {
            throw QaException.notFound(Refusals.now().account_gone());
        }
        String avatar = member.avatarHash;
        member.formerUsernameSha256 = Member.formerUsernameSha256(member.username);
        member.username = Member.TOMBSTONE_PREFIX + member.id;
        member.email = null;
        member.displayName = Member.DELETED_NAME;
        member.passwordHash = null;
        member.avatarHash = null;
        for (NotificationKind kind : NotificationKind.values()) {
            member.setMailFor(kind, MailFrequency.NEVER);
        }
        member.deletedAt = Instant.now();
        member.flush();
        if (avatar != null) {
            avatars.deleteUnused(avatar);
        }
        outbox.record(EventType.MEMBER_DELETED, new Payloads.MemberDeleted(memberId));
    }

    /** A display name shows beside every post: it may not pass for the site's staff or for another member. */
    private String displayNameProblem(String name, long memberId) {
        if (ReservedNames.isReserved(name)) {
            return reader.words(AccountMsg.class).name_reserved();
        }
        String mixed = ScriptMix.firstMixedWord(name);
        if (mixed != null) {
            RefusalMsg words = Refusals.now();
            return words.name_mixed(mixed, Refusals.scripts(words, ScriptMix.scripts(mixed)));
        }
        if (Member.nameInUse(name, memberId)) {
            return reader.words(AccountMsg.class).name_in_use();
        }
        return null;
    }
}
