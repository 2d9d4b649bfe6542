package org.qasite.member;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.qasite.refusal.QaException;
import org.qasite.text.i18n.LoginAction;
import org.qasite.text.i18n.Messages;
import org.qasite.text.i18n.Refusals;
import org.qasite.text.i18n.SiteLocales;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** A registered member; also the identity store of form login. */
@Entity
@Table(name = "member")
@UserDefinition
public class Member extends PanacheEntityBase {

    public static final String ROLE_MEMBER = "member";
    /** May see the stream dashboard; given with the make-admin command. */
    public static final String ROLE_ADMIN = "admin";
    public static final int MIN_USERNAME = 3;
    public static final int MAX_USERNAME = 30;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_DISPLAY_NAME = 50;
    /**
     * The attribute of a logged-in request's identity that holds the member's id, so that a post made through the API
     * gets it without reading the member first ({@link CurrentMember#requireId}).
     */
    public static final String IDENTITY_ID = "qa.member.id";
    /** What a username may look like (also checked at signup). */
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.\\-]{" + MIN_USERNAME + "," + MAX_USERNAME + "}");

    @Id
    @SequenceGenerator(name = "member_seq", sequenceName = "member_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_seq")
    public Long id;

    /** Compared without case by the database (citext): "Alice" logs in as "alice". */
    @Username
    @Column(columnDefinition = "citext")
    public String username;

    @Column(columnDefinition = "citext")
    public String email;

    @Column(name = "display_name")
    public String displayName;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles
    public String role = ROLE_MEMBER;

    @Column(name = "avatar_hash")
    public String avatarHash;

    /** Mail about each kind of notification ({@link #mailFor}). */
    @Convert(converter = MailFrequencyColumn.class)
    @Column(name = "mail_answer")
    public MailFrequency mailAnswer = NotificationKind.ANSWER.defaultFrequency;

    @Convert(converter = MailFrequencyColumn.class)
    @Column(name = "mail_followed_answer")
    public MailFrequency mailFollowedAnswer = NotificationKind.FOLLOWED_ANSWER.defaultFrequency;

    @Convert(converter = MailFrequencyColumn.class)
    @Column(name = "mail_comment")
    public MailFrequency mailComment = NotificationKind.COMMENT.defaultFrequency;

    @Convert(converter = MailFrequencyColumn.class)
    @Column(name = "mail_mention")
    public MailFrequency mailMention = NotificationKind.MENTION.defaultFrequency;

    @Convert(converter = MailFrequencyColumn.class)
    @Column(name = "mail_accepted")
    public MailFrequency mailAccepted = NotificationKind.ACCEPTED.defaultFrequency;

    @Convert(converter = MailFrequencyColumn.class)
    @Column(name = "mail_tag_question")
    public MailFrequency mailTagQuestion = NotificationKind.TAG_QUESTION.defaultFrequency;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    /** The language chosen in the settings ("en", "ru"), or null to follow the browser's Accept-Language. */
    public String locale;

    /** The language the browser asked for at signup: mail goes out in it while {@link #locale} is null. */
    @Column(name = "signup_locale")
    public String signupLocale;

    /** When the address was confirmed by a link; null while it is not (mail about answers waits for it). */
    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;

    /** When the member deleted their account; null while it exists. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** Of a deleted account: the SHA-256 of its former username in lower case, which nobody may take again. */
    @Column(name = "former_username_sha256")
    public String formerUsernameSha256;

    /** What a deleted member shows as, beside their posts. */
    public static final String DELETED_NAME = "deleted member";
    /** The picture of every deleted member. */
    public static final String DELETED_AVATAR_URL = "/avatars/deleted.svg";
    /** Starts the username of a deleted account: a character no username may hold, so no signup can take it. */
    static final String TOMBSTONE_PREFIX = "deleted:";

    /** The language of the member's mail: the one they chose, else the one their browser asked for at signup. */
    public Locale mailLocale() {
        return SiteLocales.of(locale).or(() -> SiteLocales.of(signupLocale)).orElse(SiteLocales.ENGLISH);
    }

    /** How the member wants mail about this kind of notification. */
    public MailFrequency mailFor(NotificationKind kind) {
        return switch (kind) {
            case ANSWER -> mailAnswer;
            case FOLLOWED_ANSWER -> mailFollowedAnswer;
            case COMMENT -> mailComment;
            case MENTION -> mailMention;
            case ACCEPTED -> mailAccepted;
            case TAG_QUESTION -> mailTagQuestion;
        };
    }

    public void setMailFor(NotificationKind kind, MailFrequency frequency) {
        switch (kind) {
            case ANSWER -> mailAnswer = frequency;
            case FOLLOWED_ANSWER -> mailFollowedAnswer = frequency;
            case COMMENT -> mailComment = frequency;
            case MENTION -> mailMention = frequency;
            case ACCEPTED -> mailAccepted = frequency;
            case TAG_QUESTION -> mailTagQuestion = frequency;
        }
    }

    /**
     * Whether a member could have this name: one outside {@link #USERNAME} (or null) cannot, and may hold bytes
     * PostgreSQL refuses (NUL), so it is never looked up.
     */
    public static boolean isPossibleUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public static Optional<Member> findByUsername(String username) {
        if (!isPossibleUsername(username)) {
            return Optional.empty();
        }
        return find("username", username).firstResultOptional();
    }

    /** Whether a member has this username, or had it before deleting their account (it stays theirs). */
    public static boolean existsUsername(String username) {
        return count("username = ?1 or formerUsernameSha256 = ?2", username, formerUsernameSha256(username)) > 0;
    }

    /** How a deleted account keeps its former username: usernames are ASCII, compared without case. */
    static String formerUsernameSha256(String username) {
        return AvatarStore.sha256(username.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    public static boolean existsEmail(String email, Long exceptId) {
        return count("email = ?1 and id <> ?2", email, exceptId == null ? -1L : exceptId) > 0;
    }

    /**
     * Whether a member other than {@code exceptId} shows as this name or logs in with it: the name compared with
     * display names and usernames after NFKC and without case ("ＡＬＩＣＥ", "Alice" and "alice" are one name). Both
     * sides are folded by PostgreSQL, with the expression of the index of migration V8.
     */
    public static boolean nameInUse(String name, Long exceptId) {
        Object found = getEntityManager().createNativeQuery("""
                SELECT EXISTS (SELECT 1 FROM member WHERE id <> ?2
                    AND (lower(normalize(display_name, NFKC)) = lower(normalize(CAST(?1 AS text), NFKC))
                         OR username = CAST(normalize(CAST(?1 AS text), NFKC) AS citext)
                         OR former_username_sha256 = encode(sha256(convert_to(
                                lower(normalize(CAST(?1 AS text), NFKC)), 'UTF8')), 'hex')))""")
                .setParameter(1, name).setParameter(2, exceptId == null ? -1L : exceptId).getSingleResult();
        return Boolean.TRUE.equals(found);
    }

    /**
     * Makes the member's concurrent posts (a double click, a retried request) wait for each other until the end of the
     * transaction, so that the check for a repeated post sees the first one; answers the member, read by the same
     * statement since a post needs its author. A member with no account (deleted since the request's session was read:
     * a session this instance still holds may outlive a deletion on another instance by its cache's lifetime) gets the
     * 401 that says what needs a login.
     *
     * @param action what the member is posting
     */
    public static Member lockForPosting(long memberId, LoginAction action) {
        // The lock in the FROM list: one round trip for the lock and the author. (pg_advisory_xact_lock returns void,
        // a column type Hibernate would resolve by throwing and catching an exception on every call.)
        List<?> found = getEntityManager()
                .createNativeQuery("SELECT m.* FROM pg_advisory_xact_lock(?1) AS posting, member m"
                        + " WHERE m.id = ?1 AND m.deleted_at IS NULL", Member.class)
                .setParameter(1, memberId).getResultList();
        if (found.isEmpty()) {
            throw QaException.unauthorized(Refusals.loginTo(action));
        }
        return (Member) found.getFirst();
    }

    public static Optional<Member> findByEmail(String email) {
        if (email == null || email.isBlank() || email.length() > MAX_EMAIL || email.indexOf('\0') >= 0) {
            return Optional.empty(); // cannot exist, and PostgreSQL refuses NUL
        }
        return find("email", email).firstResultOptional();
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    public boolean isAdmin() {
        return ROLE_ADMIN.equals(role);
    }

    /** Whether the member deleted their account: their posts show as {@link #DELETED_NAME}, without a link. */
    public boolean isDeleted() {
        return deletedAt != null;
    }

    /**
     * The name shown beside the member's posts in a language: a deleted account's row keeps
     * {@link #DELETED_NAME} in English, which each reader gets in their own words.
     */
    public String nameIn(Locale locale) {
        return isDeleted() ? Messages.of(locale).deleted_member() : displayName;
    }

    /** Whether a username is the stand-in a deleted account's row keeps instead of its name. */
    public static boolean isTombstone(String username) {
        return username != null && username.startsWith(TOMBSTONE_PREFIX);
    }

    /** Where the member's picture is served: the uploaded one, or a generated default. */
    public String avatarUrl() {
        return avatarUrl(username, avatarHash);
    }

    public static String avatarUrl(String username, String avatarHash) {
        if (isTombstone(username)) {
            return DELETED_AVATAR_URL;
        }
        return avatarHash != null ? "/avatars/" + avatarHash : "/avatars/default/" + username + ".svg";
    }
}
