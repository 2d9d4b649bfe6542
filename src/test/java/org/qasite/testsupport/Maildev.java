package org.qasite.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The mails a maildev server received, read through its REST API. Others use the same server at the same time, so
 * mails are only ever looked up by a recipient address the test made up, and the server is never cleared.
 */
public final class Maildev {

    private static final Pattern CONFIRMATION_LINK = Pattern.compile("/verify-email\\?token=[A-Za-z0-9_-]+");

    /** A received mail; header names are lower case, as maildev gives them. */
    public record Mail(List<String> to, String subject, String html, String text, Map<String, String> headers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI api;
    // maildev's server does not speak HTTP/2, and the client's upgrade attempt confuses it.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public Maildev(String baseUrl) {
        this.api = URI.create(baseUrl.replaceAll("/+$", "") + "/email");
    }

    /** Where maildev's web interface listens: {@code QA_TEST_MAILDEV_URL}, else the port it has on this machine. */
    public static Maildev local() {
        String url = System.getenv("QA_TEST_MAILDEV_URL");
        return new Maildev(url == null || url.isBlank() ? "http://127.0.0.1:1080" : url);
    }

    /** Every mail received for this address so far. */
    public List<Mail> to(String address) {
        List<Mail> mails = new ArrayList<>();
        // maildev filters on an exact match; the check below keeps the answer right for any server.
        for (JsonNode mail : get("?to.address=" + URLEncoder.encode(address, StandardCharsets.UTF_8))) {
            List<String> to = new ArrayList<>();
            mail.path("to").forEach(t -> to.add(t.path("address").asText()));
            if (to.stream().anyMatch(address::equalsIgnoreCase)) {
                Map<String, String> headers = new LinkedHashMap<>();
                // A header that occurs more than once comes as a list.
                mail.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().isArray()
                        ? String.join(", ", h.getValue().valueStream().map(JsonNode::asText).toList())
                        : h.getValue().asText()));
                mails.add(new Mail(to, mail.path("subject").asText(), mail.path("html").asText(null),
                        mail.path("text").asText(null), headers));
            }
        }
        return mails;
    }

    /** The mails for this address other than the link to confirm it: what the site wrote about, answers and the like. */
    public List<Mail> notices(String address) {
        return to(address).stream().filter(m -> m.text() == null || !CONFIRMATION_LINK.matcher(m.text()).find()).toList();
    }

    /**
     * The path of the link that confirms this address (the newest such mail's), once its mail arrived: what a person
     * opens from the mail, to be asked of whichever address the site is reached at.
     */
    public String confirmationPath(String address) {
        return await("the mail to confirm " + address).atMost(Duration.ofSeconds(60)).until(() -> to(address).stream()
                .map(m -> m.text() == null ? null : CONFIRMATION_LINK.matcher(m.text()))
                .filter(m -> m != null && m.find()).map(m -> m.group()).reduce((a, b) -> b), Optional::isPresent).get();
    }

    private JsonNode get(String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + query)).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("maildev answered " + response.statusCode() + " to GET " + api);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("maildev is not reachable at " + api + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading maildev", e);
        }
    }
}
