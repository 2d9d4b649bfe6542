package org.qasite.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qasite.testsupport.ProxiedServices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The packaged site ({@code quarkus-run.jar}, production profile) as an operator sees it: readiness fails only without
 * PostgreSQL, reports Redis and the SMTP server without failing, liveness stays up, metrics are there, all of it on the
 * management interface and none of it on the site's port, and the log is JSON lines that carry the request id.
 */
@QuarkusIntegrationTest
@WithTestResource(value = ProxiedServices.class, initArgs = @ResourceArg(name = ProxiedServices.SITE, value = ProxiedServices.PACKAGED))
class PackagedSiteIT {

    private static final Duration CHANGE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    ProxiedServices.Proxies proxies;
    ProxiedServices.ManagementInterface management;

    @AfterEach
    void restoreServices() {
        proxies.restoreAll();
        await("ready again").atMost(CHANGE).until(() -> ready().statusCode() == 200
                && "up".equals(state(ready(), "Redis")) && "up".equals(state(ready(), "SMTP")));
    }

    @Test
    void operationsAreOnTheManagementInterfaceOnly() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/openapi",
                "/q/swagger-ui", "/q/swagger-ui/", "/q/dev-ui", "/q/dev-ui/")) {
            Response response = given().get(path);
            assertThat(path, response.statusCode(), is(404));
            assertThat(path, response.asString(), hasErrorMessage(containsString("There is nothing at this address.")));
        }
        management.request().get("/q/health/live").then().statusCode(200);
        management.request().get("/q/metrics").then().statusCode(200).body(containsString("qa_outbox_backlog "));
        management.request().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/questions"));
        // Swagger UI and the Dev UI are not in the production build at all.
        management.request().get("/q/swagger-ui/").then().statusCode(404);
        management.request().get("/q/dev-ui/").then().statusCode(404);
    }

    @Test
    void readyAndLiveWithEveryServiceUp() {
        Response ready = ready();
        assertThat(ready.statusCode(), is(200));
        assertThat(check(ready, "Database connections health check", "status"), is("UP"));
        assertThat(state(ready, "Redis"), is("up"));
        assertThat(check(ready, "Redis", "data.streams"), is("up"));
        assertThat(check(ready, "Redis", "data.cache"), is("up"));
        assertThat(check(ready, "Redis", "data.locks"), is("up"));
        assertThat(state(ready, "SMTP"), is("up"));
        management.request().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        assertThat("the site really talks through the proxies", proxies.database().connectionsAccepted() > 0
                && proxies.redis().connectionsAccepted() > 0 && proxies.smtp().connectionsAccepted() > 0, is(true));
    }

    @Test
    void withoutRedisTheInstanceStaysInServiceAndSaysSo() {
        proxies.redis().cut();
        await("Redis reported down").atMost(CHANGE).until(() -> state(ready(), "Redis"), startsWith("down"));
        Response ready = ready();
        assertThat("still in service", ready.statusCode(), is(200));
        assertThat(check(ready, "Redis", "data.streams"), startsWith("down"));
        given().get("/").then().statusCode(200).body(hasElement("head > title"));
        management.request().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void withoutTheSmtpServerTheInstanceStaysInServiceAndSaysSo() {
        proxies.smtp().cut();
        await("SMTP reported down").atMost(CHANGE).until(() -> state(ready(), "SMTP"), startsWith("down"));
        assertThat("still in service", ready().statusCode(), is(200));
    }

    @Test
    void withoutPostgresqlTheInstanceIsNotReadyButAlive() throws IOException {
        proxies.database().cut();
        String requestId = "packaged-it-" + UUID.randomUUID();
        await("not ready without the database").atMost(CHANGE).untilAsserted(() -> {
            Response ready = management.request().header("X-Request-Id", requestId).get("/q/health/ready");
            assertThat(ready.statusCode(), is(503));
            assertThat(check(ready, "Database connections health check", "status"), is("DOWN"));
            assertThat("the id the probe gave is sent back", ready.header("X-Request-Id"), is(requestId));
        });
        management.request().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        // The readiness failure is logged, as one JSON object, with the request's id.
        await("the failure logged with the request id").atMost(CHANGE)
                .until(() -> logLines().stream().anyMatch(line -> requestId.equals(line.path("mdc").path("requestId")
                        .asText()) && line.path("message").asText().contains("DOWN")));
    }

    @Test
    void everyRequestGetsAnIdAndForgedOnesAreReplaced() {
        // On the site's port and on the management interface alike.
        String forged = "x\"} {\"level\":\"ERROR";
        assertThat(given().get("/login").header("X-Request-Id"), matchesPattern("[0-9a-f]{32}"));
        assertThat(given().header("X-Request-Id", forged).get("/login").header("X-Request-Id"),
                matchesPattern("[0-9a-f]{32}"));
        assertThat(management.request().get("/q/health/live").header("X-Request-Id"), matchesPattern("[0-9a-f]{32}"));
        assertThat(management.request().header("X-Request-Id", forged).get("/q/health/live").header("X-Request-Id"),
                matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void metricsForOperations() {
        given().get("/").then().statusCode(200);
        String metrics = management.request().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String metric : List.of("http_server_requests_seconds_count{", "qa_stream_lag{group=\"notifications\"",
                "qa_stream_pending{group=\"notifications\"", "qa_stream_lag{group=\"stats\"", "qa_stream_dead_lettered_total{",
                "qa_outbox_backlog ", "qa_mail_sent_total ", "qa_mail_failed_total ", "qa_live_connections ",
                "qa_live_rooms ", "qa_live_fanout_seconds_bucket{", "qa_live_rendered_seconds_count ")) {
            assertThat(metrics, containsString(metric));
        }
    }

    @Test
    void theLogIsJsonLines() throws IOException {
        List<JsonNode> lines = logLines();
        assertThat(lines.stream().map(line -> line.path("message").asText().contains("started in")).toList(),
                hasItem(true));
        for (JsonNode line : lines) {
            for (String field : List.of("timestamp", "level", "loggerName", "message")) {
                assertThat(line + " has " + field, line.path(field).asText(), not(is("")));
            }
        }
    }

    private Response ready() {
        return management.request().get("/q/health/ready");
    }

    private static String state(Response ready, String check) {
        return check(ready, check, "data.state");
    }

    private static String check(Response ready, String name, String path) {
        JsonPath json = ready.jsonPath();
        return json.getString("checks.find { it.name == '" + name + "' }." + path);
    }

    /** The site's output, every line of which must be a JSON object. */
    private static List<JsonNode> logLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target", "quarkus.log"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON log line: " + line, e);
                }
            }
        }
        return lines;
    }
}
