package org.qasite.member;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasText;

import java.util.Base64;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AvatarTest {

    /** A 1×1 PNG, with a byte that makes it differ from other test runs' pictures. */
    static byte[] png(int variant) {
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        byte[] out = java.util.Arrays.copyOf(png, png.length + 4);
        out[png.length] = (byte) variant;
        out[png.length + 1] = (byte) (variant >> 8);
        out[png.length + 2] = (byte) (variant >> 16);
        out[png.length + 3] = (byte) (System.nanoTime() & 0x7f);
        return out;
    }

    @Inject
    TestData data;

    Response upload(WebSession session, Member member, String fileName, byte[] content, String type) {
        String token = session.csrfToken();
        return session.request().multiPart("email", member.email).multiPart("display_name", member.displayName)
                .multiPart("mail_answer", "instant").multiPart("avatar", fileName, content, type)
                .multiPart("csrf-token", token).post("/settings");
    }

    String avatarOf(Member member) {
        return WebSession.visitor().get("/members/" + member.username).then().statusCode(200).extract().asString()
                .replaceAll("(?s).*<img class=\"avatar\" src=\"([^\"]+)\".*", "$1");
    }

    @Test
    void twoMembersUploadingTheSamePictureShareOneStoredCopy() {
        byte[] picture = png((int) (System.nanoTime() & 0xffffff));
        Member one = data.member("pic");
        Member two = data.member("pic");
        upload(WebSession.loggedIn(one.username), one, "me.png", picture, "image/png").then().statusCode(303);
        upload(WebSession.loggedIn(two.username), two, "other-name.png", picture, "image/png").then().statusCode(303);
        String url = avatarOf(one);
        assertThat(avatarOf(two), equalTo(url));
        String hash = url.substring("/avatars/".length());
        assertThat(data.count("SELECT count(*) FROM avatar WHERE hash = ?1", hash), equalTo(1L));
        WebSession.visitor().get(url).then().statusCode(200).contentType("image/png")
                .header("Cache-Control", containsString("max-age=31536000"))
                .header("Cache-Control", containsString("immutable"));
        WebSession.visitor().request().header("If-None-Match", "\"" + hash + "\"").get(url).then().statusCode(304);
    }

    @Test
    void aFileThatIsNotAPictureOrTooLargeIsRefused() {
        Member member = data.member("pic");
        WebSession session = WebSession.loggedIn(member.username);
        upload(session, member, "evil.png", "<svg onload=alert(1)>".getBytes(), "image/png").then().statusCode(400)
                .body(hasText(containsString("The picture must be a PNG, JPEG, GIF or WebP image.")));
        byte[] huge = png(2);
        huge[16] = 0;
        huge[17] = 0;
        huge[18] = 0x3e;
        huge[19] = (byte) 0x80; // IHDR width 16000
        upload(session, member, "huge.png", huge, "image/png").then().statusCode(400)
                .body(hasText(containsString("at most 2048×2048 pixels, this one is 16000×1.")));
        byte[] large = java.util.Arrays.copyOf(png(1), 1024 * 1024 + 10);
        upload(session, member, "large.png", large, "image/png").then().statusCode(400)
                .body(hasText(containsString("The picture is too large")));
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND avatar_hash IS NULL", member.id),
                equalTo(1L));
    }

    @Test
    void membersWithoutAPictureGetAGeneratedOne() {
        Member member = data.member("plain");
        String url = avatarOf(member);
        assertThat(url, equalTo("/avatars/default/" + member.username + ".svg"));
        WebSession.visitor().get(url).then().statusCode(200).contentType(containsString("image/svg+xml"))
                .body(hasElement("svg"), hasElement("svg text", equalTo("D"))); // from the display name
        WebSession.visitor().get("/avatars/default/nobody-" + System.nanoTime() + ".svg").then().statusCode(404);
    }
}
