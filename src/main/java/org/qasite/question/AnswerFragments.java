package org.qasite.question;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.qasite.member.Member;
import org.qasite.web.SiteConfig;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.FormToken;
import org.qasite.web.page.TemplateExtensions;

import io.quarkus.qute.RawString;

/**
 * The answers of the question page, each rendered once for everything its markup depends on and then reused for every
 * reader in the same situation, with the reader's own CSRF token put into its forms. A vote, an accepted answer, an
 * edit, a new name or avatar of the author, the next step of "… ago" or a reader who may do other things (their own
 * vote, their own answer, their own question) or a deleted answer (shown to its author only) is another key, so a page
 * never shows a stale fragment; keys no page asks for any more leave the cache first when it is full.
 * <p>
 * The comments under each answer are not part of the cached markup: they are rendered for each reader and put where
 * the fragment keeps a stand-in for them. Keying the fragment on them instead would need every comment's id, time
 * ("… ago"), author's name and avatar, and whether the reader may delete it or comment at all: keys that hardly ever
 * repeat, and one forgotten part a stale or someone else's Delete button. A few comments cost little to render.
 */
@Named("answerFragments")
@ApplicationScoped
public class AnswerFragments {

    /**
     * Everything {@code show$answer} reads besides the CSRF token. The id, the revision and the version of its stored HTML
     * (rendered again by {@link OutdatedHtml}) stand for the body; the edited
     * line's "… ago" and editor are read like the author's; the locale, because its words are the reader's language.
     */
    record Key(long answerId, int revision, short htmlVersion, int rating, boolean accepted, String ago, String authorUsername,
            String authorName, String authorAvatar, int myVote, boolean canVote, boolean questionAuthor, boolean mayEdit,
            String editedAgo, String editorName, boolean forms, boolean deleted, Locale locale) {

        static Key of(Answer answer, QuestionPage page, boolean forms) {
            Member author = answer.author;
            Member editor = answer.editedBy;
            return new Key(answer.id, answer.revision, answer.htmlVersion, answer.rating, page.isAccepted(answer),
                    TemplateExtensions.ago(answer.createdAt), author.username, author.nameIn(ReaderLocale.current()),
                    author.avatarUrl(),
                    page.myVote(answer), page.canVote(author), page.isAuthor(), page.mayEdit(answer),
                    answer.editedAt == null ? null : TemplateExtensions.ago(answer.editedAt),
                    editor == null ? null : editor.nameIn(ReaderLocale.current()), forms, answer.isDeleted(),
                    ReaderLocale.current());
        }
    }

    /** A rendered answer cut where the CSRF token goes, before and after the place of its comments. */
    record Fragment(String[] parts, String[] afterComments) {

        /**
         * Appends the markup with {@code token} in its token fields (one rendered without forms has none) and
         * {@code comments} in their place.
         */
        void appendTo(StringBuilder html, String token, Supplier<String> comments) {
            append(html, parts, token);
            if (afterComments != null) {
                html.append(comments.get());
                append(html, afterComments, token);
            }
        }

        private static void append(StringBuilder html, String[] parts, String token) {
            html.append(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                html.append(token).append(parts[i]);
            }
        }

        /** Bytes taken, about: two per character (strings outside Latin-1) and the objects around them. */
        long size() {
            long size = 64;
            for (String part : parts) {
                size += 48 + 2L * part.length();
            }
            if (afterComments != null) {
                for (String part : afterComments) {
                    size += 48 + 2L * part.length();
                }
            }
            return size;
        }
    }

    /** Set while an answer is rendered for the cache: where its comments go, each reader's own. */
    private static final ThreadLocal<String> COMMENTS_STAND_IN = new ThreadLocal<>();

    private final FormToken formToken;
    private final long capacity;
    /** Least recently used first. */
    private final LinkedHashMap<Key, Fragment> cache = new LinkedHashMap<>(256, 0.75f, true);
    private long size;

    AnswerFragments(FormToken formToken, SiteConfig config) {
        this.formToken = formToken;
        this.capacity = config.answerFragmentCache().asLongValue();
    }

    /** The page's answers as its reader sees them. */
    public RawString html(QuestionPage page) {
        boolean forms = formToken.isAvailable();
        String token = forms ? formToken.getValue() : null;
        StringBuilder html = new StringBuilder(page.answers().size() * 2048);
        for (Answer answer : page.answers()) {
            if (capacity <= 0) {
                html.append(QuestionResource.answerFragment(answer, page).render());
            } else {
                fragment(answer, page, forms).appendTo(html, token,
                        () -> QuestionResource.commentsFragment("answer-" + answer.id, page).render());
            }
            html.append('\n');
        }
        return new RawString(html.toString());
    }

    /**
     * The comments under an answer, for {@code answer.html}: rendered for this reader, or the stand-in while the
     * answer is rendered for the cache.
     */
    public RawString comments(Answer answer, QuestionPage page) {
        String standIn = COMMENTS_STAND_IN.get();
        return new RawString(standIn != null ? standIn
                : QuestionResource.commentsFragment("answer-" + answer.id, page).render());
    }

    private Fragment fragment(Answer answer, QuestionPage page, boolean forms) {
        Key key = Key.of(answer, page, forms);
        Fragment fragment;
        synchronized (cache) {
            fragment = cache.get(key);
        }
        if (fragment == null) {
            fragment = render(answer, page);
            keep(key, fragment);
        }
        return fragment;
    }

    private void keep(Key key, Fragment fragment) {
        if (fragment.size() > capacity) {
            return;
        }
        synchronized (cache) {
            Fragment replaced = cache.put(key, fragment);
            size += fragment.size() - (replaced == null ? 0 : replaced.size());
            Iterator<Fragment> eldest = cache.values().iterator();
            while (size > capacity) {
                size -= eldest.next().size();
                eldest.remove();
            }
        }
    }

    /**
     * Renders with a random stand-in for the token and cuts the markup where it appears. Nobody can have written the
     * stand-in into an answer or a name, so every place it appears is a form's token field.
     */
    private Fragment render(Answer answer, QuestionPage page) {
        String standIn = UUID.randomUUID().toString();
        String commentsStandIn = UUID.randomUUID().toString();
        COMMENTS_STAND_IN.set(commentsStandIn);
        String html;
        try {
            html = FormToken.renderWithStandIn(standIn, () -> QuestionResource.answerFragment(answer, page).render());
        } finally {
            COMMENTS_STAND_IN.remove();
        }
        String[] halves = html.split(Pattern.quote(commentsStandIn), -1);
        Pattern token = Pattern.compile(Pattern.quote(standIn));
        return new Fragment(token.split(halves[0], -1), halves.length > 1 ? token.split(halves[1], -1) : null);
    }

    /** How many fragments are kept now. */
    int count() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
