package org.qasite.seo;

import org.qasite.markdown.PlainText;
import org.qasite.question.Question;

import io.quarkus.qute.TemplateExtension;

/** What search engines and link previews read of a question page. */
@TemplateExtension
public class SeoExtensions {

    /** Characters of a meta description: about what a results page shows. */
    static final int DESCRIPTION = 160;

    private SeoExtensions() {
    }

    /** The start of the question as plain text, for the meta description and og:description. */
    public static String description(Question question) {
        return PlainText.excerpt(question.body, DESCRIPTION);
    }
}
