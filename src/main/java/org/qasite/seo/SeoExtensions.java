package org.qasite.seo;

import org.qasite.markdown.PlainText;
import org.qasite.question.Question;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.qute.TemplateExtension;

/** What search engines and link previews read of a question page. */
@TemplateExtension
public class SeoExtensions {

    /** Characters of a meta description: about what a results page shows. */
    static final int DESCRIPTION = 160;

    /**
     * Descriptions by question and body: the question page shows its description twice and is read far more often
     * than it is edited, and reading the Markdown for it is a good part of the page's work. The body's hash and length
     * are in the key besides the revision, so any body (an edit, a rendering of an unsaved one) gets its own.
     */
    private static final Cache<Key, String> DESCRIPTIONS = Caffeine.newBuilder().maximumSize(4096).build();

    private record Key(Long id, int revision, int bodyLength, int bodyHash) {
    }

    private SeoExtensions() {
    }

    /** The start of the question as plain text, for the meta description and og:description. */
    public static String description(Question question) {
        String body = question.body;
        if (body == null) {
            return PlainText.excerpt(null, DESCRIPTION);
        }
        return DESCRIPTIONS.get(new Key(question.id, question.revision, body.length(), body.hashCode()),
                key -> PlainText.excerpt(body, DESCRIPTION));
    }
}
