package org.qasite.web.compression;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.qasite.question.Question;
import org.qasite.testsupport.Management;
import org.qasite.testsupport.TestData;

import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a browser receives compressed: pages, the style sheet, the script and JSON, in brotli or gzip as it asks, each
 * saying that it varies by the encoding asked for; and a client that asks for no encoding gets the bytes as they are.
 * The raw {@link HttpClient} is used because it neither asks for an encoding nor decodes one on its own.
 */
@QuarkusTest
class CompressionTest {

    @TestHTTPResource("/")
    URI root;

    @Inject
    TestData data;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void aQuestionPageComesCompressedAsTheBrowserAsksAndWholeWithoutAsking() {
        Question question = data.question(data.member("compression"), "Why is my page so heavy on a slow phone line");
        String path = "/questions/" + question.id;

        HttpResponse<byte[]> gzip = get(path, "gzip, deflate");
        assertThat(gzip.statusCode(), equalTo(200));
        assertThat(header(gzip, "Content-Encoding"), equalTo("gzip"));
        assertThat(header(gzip, "Vary"), containsString("Accept-Encoding"));
        String page = new String(gunzip(gzip.body()), StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("h1").text(), containsString("Why is my page so heavy"));

        HttpResponse<byte[]> brotli = get(path, "gzip, deflate, br, zstd");
        assertThat(header(brotli, "Content-Encoding"), equalTo("br"));
        assertThat(new String(unbrotli(brotli.body()), StandardCharsets.UTF_8), containsString("Why is my page so heavy"));
        assertThat("under half the page's bytes", brotli.body().length, lessThan(page.length() / 2));

        HttpResponse<byte[]> plain = get(path, null);
        assertThat(plain.statusCode(), equalTo(200));
        assertThat(header(plain, "Content-Encoding"), equalTo(""));
        assertThat(header(plain, "Vary"), containsString("Accept-Encoding"));
        assertThat(new String(plain.body(), StandardCharsets.UTF_8), containsString("Why is my page so heavy"));
    }

    @Test
    void theStyleSheetAndTheScriptComeCompressedOnceAtTheHighestLevel() {
        Document page = Jsoup.parse(new String(get("/", null).body(), StandardCharsets.UTF_8));
        String css = page.select("link[rel=stylesheet]").attr("href");
        // the page also loads the small theme script (/static/theme.js) in its head, before the bundle
        String js = page.select("script[src^=/static/bundle/]").attr("src");
        assertThat(css, startsWith("/static/bundle/"));
        assertThat(js, startsWith("/static/bundle/"));
        for (String path : new String[] { css, js }) {
            HttpResponse<byte[]> plain = get(path, null);
            assertThat(path, plain.statusCode(), equalTo(200));
            assertThat(path, header(plain, "Content-Encoding"), equalTo(""));
            byte[] bytes = plain.body();
            // compressed after the start, off the event loop: until then the static handler compresses on the fly
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<byte[]> gzip = get(path, "gzip, deflate");
                assertThat(path, header(gzip, "Content-Encoding"), equalTo("gzip"));
                assertThat(path, gzip.body().length, equalTo(gzip9(bytes).length));
                assertThat(path, header(gzip, "Cache-Control"), containsString("immutable"));
            });
            HttpResponse<byte[]> gzip = get(path, "gzip");
            assertThat(path, gunzip(gzip.body()), equalTo(bytes));
            assertThat(path, header(gzip, "Vary"), containsString("Accept-Encoding"));
            assertThat(path, header(gzip, "Content-Type"), startsWith(path.endsWith(".css") ? "text/css" : "text/javascript"));
            HttpResponse<byte[]> brotli = get(path, "gzip, deflate, br");
            assertThat(path, header(brotli, "Content-Encoding"), equalTo("br"));
            assertThat(path, unbrotli(brotli.body()), equalTo(bytes));
            assertThat(path + ": brotli 11 beats gzip 9", brotli.body().length, lessThan(gzip.body().length));
            assertThat(path, header(get(path, "identity"), "Content-Encoding"), equalTo(""));
            assertThat(path, header(get(path, "br;q=0, gzip"), "Content-Encoding"), equalTo("gzip"));
            HttpResponse<byte[]> broken = get(path, ";;;");
            assertThat(path + ": a broken Accept-Encoding", broken.statusCode(), equalTo(200));
            assertThat(path, broken.body(), equalTo(bytes));
        }
    }

    @Test
    void jsonComesCompressedToo() {
        data.question(data.member("compression"), "Which JSON fields does the question list carry");
        HttpResponse<byte[]> gzip = get("/api/v1/questions", "gzip");
        assertThat(gzip.statusCode(), equalTo(200));
        assertThat(header(gzip, "Content-Type"), startsWith("application/json"));
        assertThat(header(gzip, "Content-Encoding"), equalTo("gzip"));
        assertThat(header(gzip, "Vary"), containsString("Accept-Encoding"));
        assertThat(new String(gunzip(gzip.body()), StandardCharsets.UTF_8), containsString("\"items\""));
        HttpResponse<byte[]> plain = get("/api/v1/questions", null);
        assertThat(header(plain, "Content-Encoding"), equalTo(""));
        assertThat(new String(plain.body(), StandardCharsets.UTF_8), containsString("\"items\""));
    }

    @Test
    void metricsStayPlainTextForPrometheus() {
        Management.request().header("Accept-Encoding", "gzip").get("/q/metrics").then().statusCode(200)
                .header("Content-Encoding", nullValue())
                .body(containsString("# TYPE"));
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every value of the header, as one list (a response may say Vary more than once). */
    private static String header(HttpResponse<?> response, String name) {
        return String.join(", ", response.headers().allValues(name));
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip9(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] unbrotli(byte[] body) {
        try {
            DirectDecompress result = Decoder.decompress(body);
            assertThat(result.getResultStatus(), equalTo(DecoderJNI.Status.DONE));
            return result.getDecompressedData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
