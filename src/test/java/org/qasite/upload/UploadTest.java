package org.qasite.upload;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Arrays;
import java.util.HexFormat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.member.Pictures;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;
import org.qasite.text.i18n.Refusals;
import org.qasite.text.i18n.SiteLocales;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Pictures for posts: checked by their content, stored once, served with headers that let every cache keep them. */
@QuarkusTest
class UploadTest {

    @Inject
    TestData data;

    static Response upload(WebSession session, String fileName, byte[] content, String declaredType) {
        String token = session.csrfToken();
        return session.request().header("X-CSRF-TOKEN", token).accept(ContentType.JSON)
                .multiPart("file", fileName, content, declaredType).post("/api/v1/uploads");
    }

    WebSession member() {
        Member member = data.member("img");
        return WebSession.loggedIn(member.username);
    }

    long stored(byte[] content) {
        return data.count("SELECT count(*) FROM uploaded_image WHERE hash = ?1", Pictures.sha256(content));
    }

    @Test
    void aPngNamedTxtIsAcceptedByItsContentAndServedAsAPngThatCachesMayKeep() {
        byte[] png = Images.png(40, 30);
        String url = upload(member(), "notes.txt", png, "text/plain").then().statusCode(201)
                .body("width", equalTo(40)).body("height", equalTo(30)).body("contentType", equalTo("image/png"))
                .extract().path("url");
        assertThat(url, equalTo("/uploads/" + Pictures.sha256(png) + ".png"));

        // a member's request and a visitor's: the same answer, and no cookie, so a shared cache may keep it
        for (WebSession reader : new WebSession[] { member(), WebSession.visitor() }) {
            Response image = reader.get(url);
            image.then().statusCode(200).contentType("image/png")
                    .header("Cache-Control", containsString("max-age=31536000"))
                    .header("Cache-Control", containsString("immutable"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Set-Cookie", nullValue());
            assertThat(Arrays.equals(image.asByteArray(), png), equalTo(true));
        }
        WebSession.visitor().request().header("If-None-Match", "\"" + Pictures.sha256(png) + "\"").get(url).then()
                .statusCode(304);
        // the address names the type: the same hash under another ending is no picture
        WebSession.visitor().get(url.replace(".png", ".gif")).then().statusCode(404);
    }

    @Test
    void jpegGifAndWebpAreAcceptedWithTheirOwnEnding() {
        WebSession session = member();
        upload(session, "a.jpeg", Images.jpeg(20, 10), "image/jpeg").then().statusCode(201)
                .body("url", matchesPattern("/uploads/[0-9a-f]{64}\\.jpg"));
        upload(session, "a.gif", Images.gif(20, 10), "image/gif").then().statusCode(201)
                .body("url", matchesPattern("/uploads/[0-9a-f]{64}\\.gif"));
        byte[] webp = Images.webp(300, 200);
        String url = upload(session, "a.webp", webp, "image/webp").then().statusCode(201)
                .body("width", equalTo(300)).body("height", equalTo(200)).extract().path("url");
        WebSession.visitor().get(url).then().statusCode(200).contentType("image/webp");
    }

    @Test
    void aTextFileNamedPngIsRefusedAndNothingIsStored() {
        byte[] text = ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/> " + System.nanoTime()).getBytes();
        upload(member(), "picture.png", text, "image/png").then().statusCode(415).contentType(ContentType.JSON)
                .body("error", equalTo("The file is not a picture: a PNG, JPEG, GIF or WebP image is accepted."));
        assertThat(stored(text), equalTo(0L));
        // the editor's script asks for the reader's language: a Russian reader is told in Russian
        WebSession russian = member();
        russian.request().header("X-CSRF-TOKEN", russian.csrfToken()).header("Accept-Language", "ru")
                .header("X-Qa-Language", "reader").accept(ContentType.JSON)
                .multiPart("file", "picture.png", text, "image/png").post("/api/v1/uploads").then().statusCode(415)
                .body("error", equalTo("Это не картинка: подойдёт PNG, JPEG, GIF или WebP."));
        assertThat(stored(text), equalTo(0L));
    }

    @Test
    void aPictureCutShortIsRefused() {
        byte[] png = Arrays.copyOf(Images.png(10, 10), 12); // the signature, but no header
        upload(member(), "cut.png", png, "image/png").then().statusCode(415)
                .body("error", equalTo("The picture could not be read: is the file complete?"));
        assertThat(stored(png), equalTo(0L));
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() {
        byte[] png = Images.png(10, 10);
        byte[] large = Arrays.copyOf(png, 2 * 1024 * 1024 + 1); // a valid picture followed by padding
        upload(member(), "large.png", large, "image/png").then().statusCode(413)
                .body("error", equalTo("The picture is too large: at most 2 MB, this file is 2.0 MB."));
        assertThat(stored(large), equalTo(0L));
    }

    @Test
    void aPictureWithTooManyPixelsIsRefusedHoweverSmallItsFile() {
        byte[] huge = Images.hugePng(5000, 4000);
        assertThat("a small file", huge.length < 200_000, equalTo(true));
        upload(member(), "huge.png", huge, "image/png").then().statusCode(422)
                .body("error", equalTo("The picture has too many pixels: at most 16777216, this one is 5000\u00D74000."));
        assertThat(stored(huge), equalTo(0L));
    }

    @Test
    void aVisitorMayNotUpload() {
        byte[] png = Images.png(10, 10);
        upload(WebSession.visitor(), "a.png", png, "image/png").then().statusCode(401)
                .body("error", equalTo("Log in to upload pictures."));
        assertThat(stored(png), equalTo(0L));
    }

    @Test
    void anUploadWithoutThePagesTokenOrFromAnotherSiteIsRefused() {
        WebSession session = member();
        byte[] png = Images.png(10, 10);
        session.csrfToken(); // the cookie is there, as for a member who visited the site
        session.request().multiPart("file", "a.png", png, "image/png").post("/api/v1/uploads").then().statusCode(400);
        session.request().header("X-CSRF-TOKEN", session.csrfToken()).header("Origin", "https://evil.example")
                .multiPart("file", "a.png", png, "image/png").post("/api/v1/uploads").then().statusCode(403);
        assertThat(stored(png), equalTo(0L));
    }

    @Test
    void uploadsAreLimitedPerMember() {
        WebSession session = member();
        for (int i = 0; i < 30; i++) {
            upload(session, "p" + i + ".png", Images.png(8, 8), "image/png").then().statusCode(201);
        }
        byte[] png = Images.png(8, 8);
        upload(session, "one-more.png", png, "image/png").then().statusCode(429).header("Retry-After", notNullValue())
                .body("error", startsWith("You are going too fast: at most 30 picture uploads per 10 minutes."));
        assertThat(stored(png), equalTo(0L));
        // another member is not held back
        upload(member(), "theirs.png", Images.png(8, 8), "image/png").then().statusCode(201);
    }

    /** A picture the member uploaded {@code hoursAgo}, of {@code size} bytes (only its recorded size counts). */
    void uploadedBefore(Member member, long size, int hoursAgo) {
        data.execute("INSERT INTO uploaded_image (hash, content_type, size, width, height, data, uploaded_by, created_at)"
                + " VALUES (?1, 'image/png', ?2, 1, 1, ?3, ?4, now() - make_interval(hours => ?5))",
                Pictures.sha256(Images.png(4, 4)), (int) size, new byte[] { 1 }, member.id, hoursAgo);
    }

    @Test
    void newPicturesAreLimitedToADailyBudgetWhileAnAlreadyStoredOneCostsNothing() {
        byte[] storedByOthers = Images.png(12, 12);
        upload(member(), "theirs.png", storedByOthers, "image/png").then().statusCode(201);
        Member member = data.member("img-budget");
        uploadedBefore(member, 30L * 1024 * 1024, 25); // yesterday's no longer count
        uploadedBefore(member, 30L * 1024 * 1024, 3);
        uploadedBefore(member, 20L * 1024 * 1024 - 10, 1);
        WebSession session = WebSession.loggedIn(member.username);

        byte[] png = Images.png(10, 10);
        upload(session, "new.png", png, "image/png").then().statusCode(429).header("Retry-After", notNullValue())
                .body("error", equalTo("You have uploaded 50 MB of new pictures in the last 24 hours, and this one ("
                        + DailyBudget.readable(png.length, Refusals.of(SiteLocales.ENGLISH))
                        + ") would pass the daily limit of 50 MB."
                        + " Try again in 21 hours."));
        assertThat(stored(png), equalTo(0L));
        session.request().header("X-CSRF-TOKEN", session.csrfToken()).header("Accept-Language", "ru")
                .header("X-Qa-Language", "reader").accept(ContentType.JSON)
                .multiPart("file", "new.png", png, "image/png").post("/api/v1/uploads").then().statusCode(429)
                .body("error", startsWith("За последние 24 часа вы загрузили 50 МБ новых картинок"));

        upload(session, "again.png", storedByOthers, "image/png").then().statusCode(201);
        // another member is not held back
        upload(member(), "mine.png", png, "image/png").then().statusCode(201);
    }

    @Test
    void theSameContentHasOneAddressAndIsStoredOnce() {
        byte[] png = Images.png(16, 16);
        String first = upload(member(), "mine.png", png, "image/png").then().statusCode(201).extract().path("url");
        String second = upload(member(), "other-name.bin", png, "application/octet-stream").then().statusCode(201)
                .extract().path("url");
        assertThat(second, equalTo(first));
        assertThat(stored(png), equalTo(1L));
    }

    @Test
    void aPostShowsAnUploadedPictureAndStillOnesFromOtherSites() {
        String hash = HexFormat.of().formatHex(new byte[32]);
        String html = new org.qasite.markdown.MarkdownRenderer().toSafeHtml(
                "![chart](/uploads/" + hash + ".png \"Chart\") and ![logo](https://example.org/logo.png)");
        assertThat(html, containsString("<img src=\"/uploads/" + hash + ".png\" alt=\"chart\" title=\"Chart\" />"));
        assertThat(html, containsString("<img src=\"https://example.org/logo.png\" alt=\"logo\" />"));
    }
}
