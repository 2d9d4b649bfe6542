package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;
import org.qasite.web.SiteConfig;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * The kept pages' bookkeeping, without a site: a page is given back with each visitor's token, never after a change of
 * its question, whichever instance made the change, and a page whose rendering overlapped a change is not kept.
 */
class VisitorPagesUnitTest {

    private static final String STAND_IN = "9b1c6a0e-stand-in";
    private static final VisitorPages.Key PAGE = new VisitorPages.Key(7, "/questions/7/title", Locale.ENGLISH);
    private static final VisitorPages.Key OTHER = new VisitorPages.Key(8, "/questions/8/other", Locale.ENGLISH);

    private final VisitorPages pages = new VisitorPages(config(16 * 1024 * 1024));

    @Test
    void aKeptPageIsGivenBackWithEachVisitorsOwnToken() {
        String html = "<form><input name=\"csrf-token\" value=\"" + STAND_IN + "\"></form><p>Привет</p><form value=\""
                + STAND_IN + "\">";
        assertThat(text(pages.keep(PAGE, pages.clock(), html, STAND_IN, () -> "first")),
                equalTo(html.replace(STAND_IN, "first")));
        assertThat(text(pages.get(PAGE, () -> "second")), equalTo(html.replace(STAND_IN, "second")));
        assertThat(pages.get(new VisitorPages.Key(7, "/questions/7/title", Locale.forLanguageTag("ru")), () -> "x"),
                nullValue());
        assertThat(pages.get(new VisitorPages.Key(7, "/questions/7/title?page=2", Locale.ENGLISH), () -> "x"),
                nullValue());
    }

    @Test
    void aChangeCommittedHereOrReadFromTheStreamRetiresOnlyItsQuestionsPages() {
        keep(PAGE);
        keep(OTHER);
        pages.changed(7);
        assertThat(pages.get(PAGE, () -> "t"), nullValue());
        assertThat(text(pages.get(OTHER, () -> "t")), equalTo("<p>page</p>"));

        keep(PAGE);
        pages.changed("vote.cast", "{\"target\":\"answer\",\"postId\":3,\"questionId\":8,\"value\":1}");
        assertThat(pages.get(OTHER, () -> "t"), nullValue());
        assertThat(text(pages.get(PAGE, () -> "t")), equalTo("<p>page</p>"));

        pages.changed("notifications.read", "{\"memberId\":3}");
        pages.changed("answer.created", "not json");
        assertThat(text(pages.get(PAGE, () -> "t")), equalTo("<p>page</p>"));
    }

    @Test
    void aChangeCommittedHereRetiresItsQuestionsPagesBeforeItsEventIsRead() {
        keep(PAGE);
        keep(OTHER);
        pages.committed(new Outbox.Appended(UUID.randomUUID(), EventType.COMMENT_CREATED,
                new Payloads.CommentCreated(1, 7, 2L, 3, 4, List.of())));
        assertThat(pages.get(PAGE, () -> "t"), nullValue());
        assertThat(text(pages.get(OTHER, () -> "t")), equalTo("<p>page</p>"));
        pages.committed(new Outbox.Appended(UUID.randomUUID(), EventType.MEMBER_DELETED, new Payloads.MemberDeleted(3)));
        assertThat(pages.get(OTHER, () -> "t"), nullValue());
    }

    @Test
    void aDeletedMembersNameLeavesEveryPage() {
        keep(PAGE);
        keep(OTHER);
        pages.changed("member.deleted", "{\"memberId\":3}");
        assertThat(pages.get(PAGE, () -> "t"), nullValue());
        assertThat(pages.get(OTHER, () -> "t"), nullValue());
    }

    @Test
    void aPageRenderedWhileItsQuestionChangedIsNotKept() {
        long renderedAt = pages.clock();
        pages.changed(7); // committed after the page read its content, before it was kept
        assertThat(text(pages.keep(PAGE, renderedAt, "<p>old</p>", STAND_IN, () -> "t")), equalTo("<p>old</p>"));
        assertThat(pages.get(PAGE, () -> "t"), nullValue());

        keep(PAGE); // the next rendering began after the change
        assertThat(text(pages.get(PAGE, () -> "t")), equalTo("<p>page</p>"));
    }

    @Test
    void offKeepsNothing() {
        VisitorPages off = new VisitorPages(config(0));
        assertThat(off.enabled(), equalTo(false));
        off.changed("answer.created", "{\"questionId\":7}");
    }

    private void keep(VisitorPages.Key key) {
        pages.keep(key, pages.clock(), "<p>page</p>", STAND_IN, () -> "t");
    }

    private static String text(byte[] html) {
        return new String(html, StandardCharsets.UTF_8);
    }

    private static SiteConfig config(long cacheBytes) {
        return new SiteConfig() {
            @Override
            public String name() {
                return "Q&A";
            }

            @Override
            public String baseUrl() {
                return "http://localhost:8080";
            }

            @Override
            public Duration hstsMaxAge() {
                return Duration.ofDays(1);
            }

            @Override
            public Duration drainTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public MemorySize answerFragmentCache() {
                return new MemorySize(java.math.BigInteger.ZERO);
            }

            @Override
            public MemorySize visitorPageCache() {
                return new MemorySize(java.math.BigInteger.valueOf(cacheBytes));
            }

            @Override
            public Duration visitorPageTtl() {
                return Duration.ofMinutes(10);
            }
        };
    }
}
