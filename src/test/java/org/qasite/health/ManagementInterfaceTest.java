package org.qasite.health;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasErrorMessage;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qasite.testsupport.Management;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Health, metrics and the API description are for operators: the management interface serves them on a port of its
 * own, and on the site's port nothing under {@code /q/} answers but the site's own "not found" page.
 */
@QuarkusTest
class ManagementInterfaceTest {

    /** What the management interface serves, and a few other spellings of the same addresses. */
    private static final List<String> OPERATIONS = List.of("/q/metrics", "/q/health", "/q/health/live",
            "/q/health/ready", "/q/openapi", "/q/openapi?format=json", "/q/swagger-ui/", "/q/swagger-ui/index.html",
            "/q/dev-ui/", "/q/metrics/", "/q//metrics", "/q/./metrics", "/x/../q/metrics");

    @Test
    void theSitesPortAnswersNotFoundUnderQ() {
        WebSession visitor = WebSession.visitor();
        for (String path : OPERATIONS) {
            Response response = visitor.request().urlEncodingEnabled(false).get(path);
            assertThat(path, response.statusCode(), is(404));
            assertThat(path, response.asString(), hasErrorMessage(containsString("There is nothing at this address.")));
            assertThat(path, response.asString(), not(containsString("qa_")));
        }
        // Not even a form sent from the site's own page (the origin check lets it through) finds anything there.
        visitor.request().contentType(ContentType.URLENC).formParam("x", "y").post("/q/health/ready").then()
                .statusCode(404);
    }

    @Test
    void theManagementInterfaceServesHealthMetricsAndOpenApi() {
        WebSession.visitor().get("/").then().statusCode(200); // so the HTTP metrics have a request of the site
        Management.request().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.request().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Redis", "SMTP"));
        String metrics = Management.request().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String metric : List.of("http_server_requests_seconds_count{", "qa_outbox_backlog ",
                "qa_stream_lag{group=\"notifications\"", "qa_mail_sent_total ")) {
            assertThat(metrics, containsString(metric));
        }
        Management.request().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/questions"));
        // And it is not a second way into the site.
        Management.request().get("/").then().statusCode(404);
        Management.request().get("/api/v1/questions").then().statusCode(404);
    }

    @Test
    void managementRequestsHaveIdsToo() {
        String generated = Management.request().get("/q/health/live").then().statusCode(200).extract()
                .header("X-Request-Id");
        assertThat(generated, matchesPattern("[0-9a-f]{32}"));
        String given = Management.request().header("X-Request-Id", "probe-0123456789").get("/q/health/ready").then()
                .statusCode(200).extract().header("X-Request-Id");
        assertThat(given, is("probe-0123456789"));
        String forged = Management.request().header("X-Request-Id", "x\"} {\"level\":\"ERROR").get("/q/health/live")
                .then().extract().header("X-Request-Id");
        assertThat(forged, matchesPattern("[0-9a-f]{32}"));
    }
}
