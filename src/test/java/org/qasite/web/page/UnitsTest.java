package org.qasite.web.page;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qasite.refusal.QaException;

import io.quarkus.test.junit.QuarkusTest;

/** The small rules that pages rely on, in the running application: a refusal's words come from the message bundles. */
@QuarkusTest
class UnitsTest {

    @Test
    void relativeTimes() {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        assertThat(TemplateExtensions.ago(now.minusSeconds(10), now), equalTo("just now"));
        assertThat(TemplateExtensions.ago(now.minusSeconds(60), now), equalTo("1 minute ago"));
        assertThat(TemplateExtensions.ago(now.minusSeconds(180), now), equalTo("3 minutes ago"));
        assertThat(TemplateExtensions.ago(now.minus(Duration.ofHours(5)), now), equalTo("5 hours ago"));
        assertThat(TemplateExtensions.ago(now.minus(Duration.ofDays(1)), now), equalTo("yesterday"));
        assertThat(TemplateExtensions.ago(now.minus(Duration.ofDays(12)), now), equalTo("12 days ago"));
        assertThat(TemplateExtensions.ago(now.minus(Duration.ofDays(95)), now), equalTo("3 months ago"));
        assertThat(TemplateExtensions.ago(now.minus(Duration.ofDays(800)), now), equalTo("2 years ago"));
        assertThat(TemplateExtensions.exact(now), equalTo("2026-11-22 12:00:00 UTC"));
    }

    @Test
    void viewCounts() {
        assertThat(TemplateExtensions.grouped(1234567), equalTo("1,234,567"));
        assertThat(TemplateExtensions.grouped(0), equalTo("0"));
        assertThat(TemplateExtensions.compact(999), equalTo("999"));
        assertThat(TemplateExtensions.compact(1000), equalTo("1k"));
        assertThat(TemplateExtensions.compact(1050), equalTo("1k"));
        assertThat(TemplateExtensions.compact(1999), equalTo("1.9k"));
        assertThat(TemplateExtensions.compact(34_500), equalTo("34k"));
        assertThat(TemplateExtensions.compact(999_999), equalTo("999k"));
        assertThat(TemplateExtensions.compact(5_678_000), equalTo("5.6m"));
    }

    @Test
    void pager() {
        Pager pager = Pager.of("3", 95, 10, "/questions/1", "sort=votes");
        assertThat(pager.pages(), equalTo(10));
        assertThat(pager.url(4), equalTo("/questions/1?page=4&sort=votes"));
        assertThat(pager.links(), contains(1, 2, 3, 4, 5, 0, 10));
        assertThat(Pager.of(null, 0, 10, "/", null).pages(), equalTo(1));
        QaException tooFar = assertThrows(QaException.class, () -> Pager.of("11", 95, 10, "/", null));
        assertThat(tooFar.status(), equalTo(404));
        assertThat(assertThrows(QaException.class, () -> Pager.of("x", 95, 10, "/", null)).status(), equalTo(404));
        assertThat(assertThrows(QaException.class, () -> Pager.of("99999999999", 95, 10, "/", null)).status(),
                equalTo(404));
    }

    @Test
    void aLoginReturnsOnlyToAPathOfTheSite() {
        for (String path : List.of("/ask", "/questions/12", "/questions/12?page=2", "/questions/12#answer-5",
                "/questions/12?page=2#answer-form", "/search?q=two+words", "/admin/streams", "/")) {
            assertThat(path, LoginRedirect.safe(path), equalTo(path));
        }
        for (String elsewhere : List.of("//evil.example", "http://evil.example/", "https://evil.example", "/\\evil.example",
                "%2F%2Fevil.example", "javascript:alert(1)", "/questions/a b", "/x\r\nSet-Cookie: a=b", "", "evil",
                "/" + "a".repeat(600), "/questions/12#<script>", "/questions/12#a#b")) {
            assertThat(elsewhere, LoginRedirect.safe(elsewhere), equalTo("/"));
        }
        assertThat(LoginRedirect.safe(null), equalTo("/"));
    }
}
