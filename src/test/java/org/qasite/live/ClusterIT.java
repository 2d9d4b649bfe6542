package org.qasite.live;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.qasite.testsupport.Cluster;
import org.qasite.testsupport.Maildev;
import org.qasite.testsupport.SiteProcess;
import org.qasite.testsupport.WebSession;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The deployment of {@code docker-compose.yml}, started on this machine by {@code bin/cluster}: two instances of the
 * packaged site behind nginx. Readers and members use the site through nginx (forms, the live socket's upgrade), an
 * answer posted on one instance reaches the readers of the other, both instances take nginx's traffic, and when one
 * instance stops, its readers are told it is going away (1001), nginx serves everything from the other one, and a
 * reader who reconnects through nginx from its last position gets what was posted meanwhile. Health and metrics are
 * on each instance's management port, and nginx passes nothing under {@code /q/} on.
 * <p>
 * Uses the database {@code qa_cluster} (emptied at start; {@code bin/cluster} creates it), Redis databases 3, 4 and 8
 * (flushed at start), five free loopback ports and the maildev server on 127.0.0.1:1025/1080. Other ones through
 * {@code QA_CLUSTER_IT_DB_URL}, {@code QA_CLUSTER_IT_REDIS_URL}, {@code QA_CLUSTER_IT_REDIS_DATABASES} and
 * {@code QA_CLUSTER_IT_PORT} (nginx's; the instances take the next two, their management interfaces the two after).
 * Logs: {@code target/cluster/}.
 */
class ClusterIT {

    private static final String DB_URL = envOr("QA_CLUSTER_IT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/qa_cluster");
    private static final String DB_USER = envOr("QA_DB_USER", "qa");
    private static final String DB_PASSWORD = envOr("QA_DB_PASSWORD", "qa");
    private static final String REDIS_URL = envOr("QA_CLUSTER_IT_REDIS_URL", "redis://127.0.0.1:6379");
    private static final int[] REDIS_DATABASES = Cluster.databases(envOr("QA_CLUSTER_IT_REDIS_DATABASES", "3,4,8"));
    private static final int PORT = Integer.parseInt(envOr("QA_CLUSTER_IT_PORT", "0"));
    /**
     * The public address is not nginx's: pages of the site are recognised by the host nginx passes on. Plain http, as the
     * test talks to the site: with an https address every cookie would be Secure.
     */
    private static final String BASE_URL = "http://qa.example.org";
    private static final String PASSWORD = "cluster-password";

    /** Generous: presence is coalesced about once a second, a mail takes well under a second. */
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private static final Pattern QUESTION_LOCATION = Pattern.compile("/questions/(\\d+)/[a-z0-9-]+");
    private static final Pattern ANSWER_LOCATION = Pattern.compile("/questions/\\d+/[a-z0-9-]+#answer-(\\d+)");
    private static final Pattern UPSTREAM = Pattern.compile("upstream=(\\S+).*request_id=(\\S+)");

    private static Cluster cluster;
    private static RestAssuredConfig otherTestsConfig;

    private final Maildev maildev = Maildev.local();

    /** Shows the end of the instances' output and nginx's error log when the test fails. */
    @RegisterExtension
    static final TestWatcher LOGS = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (cluster != null) {
                System.out.println(cluster.tails());
            }
        }
    };

    @BeforeAll
    static void startCluster() {
        otherTestsConfig = RestAssured.config;
        // A request nginx or an instance never answers fails the test instead of hanging it.
        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 60_000));
        cluster = Cluster.start(Path.of("target", "cluster"), PORT, DB_URL, REDIS_URL, REDIS_DATABASES,
                Map.of("QA_DB_USER", DB_USER, "QA_DB_PASSWORD", DB_PASSWORD, "QA_SMTP_HOST", "127.0.0.1",
                        "QA_SMTP_PORT", "1025", "QA_BASE_URL", BASE_URL));
    }

    @AfterAll
    static void stopCluster() {
        RestAssured.config = otherTestsConfig;
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void operationsAreOnTheManagementPortsAndNginxKeepsQToItself() {
        String site = cluster.url();
        // app-1 runs throughout (the other test stops app-2, and the order of the tests is not fixed).
        SiteProcess app1 = cluster.app1();
        Set<String> requestIds = new HashSet<>();
        for (String path : List.of("/q/metrics", "/q/health/ready", "/q/health/live", "/q/openapi", "/q/swagger-ui/",
                "/q/dev-ui/")) {
            String id = "cluster-ops-" + UUID.randomUUID();
            requestIds.add(id);
            Response throughNginx = WebSession.visitor(site).request().header("X-Request-Id", id).get(path);
            assertThat(path, throughNginx.statusCode(), is(404));
            assertThat(path, throughNginx.asString(), not(containsString("qa_")));
            WebSession.visitor(app1.baseUrl()).get(path).then().statusCode(404);
        }
        await("nginx's log of the /q/ requests").atMost(DELIVERY).untilAsserted(() -> assertThat(
                "nginx answered them itself, without an instance", upstreamsOf(requestIds), is(Set.of("-"))));

        WebSession.visitor(app1.managementUrl()).get("/q/health/ready").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
        WebSession.visitor(app1.managementUrl()).get("/q/metrics").then().statusCode(200)
                .body(containsString("qa_stream_lag{group=\"notifications\""));
    }

    @Test
    void twoInstancesBehindNginxServeOneSiteAndOneStopsWithoutLosingAnAnswer() {
        String site = cluster.url();
        SiteProcess app1 = cluster.app1();
        SiteProcess app2 = cluster.app2();

        // Forms through nginx, sent as the site's own pages send them (their Origin is nginx's address).
        String authorEmail = "cluster-asker-" + UUID.randomUUID() + "@example.org";
        String author = signUp(site, "asker", authorEmail);
        // Mail about answers goes to confirmed addresses: the author opens the link of the mail, as a person would.
        WebSession.visitor(site).get(maildev.confirmationPath(authorEmail)).then().statusCode(200);
        String answerer = signUp(site, "answerer", "cluster-answerer-" + UUID.randomUUID() + "@example.org");
        WebSession asker = WebSession.loggedIn(site, author, PASSWORD);
        Response asked = postForm(asker, site, "/ask", Map.of("title",
                "How does nginx pass a WebSocket upgrade on " + UUID.randomUUID() + "?", "body",
                "Both instances behind one proxy should look like one site.", "tags", "nginx websocket"));
        long questionId = idIn(asked, QUESTION_LOCATION, site);
        String questionPage = WebSession.visitor(site).questionPath(questionId);
        // The origin check still works behind nginx: a page of another site cannot post.
        WebSession.loggedIn(site, answerer, PASSWORD).request().header("Origin", "https://elsewhere.example")
                .contentType(ContentType.URLENC).formParam("body", "Forged").formParam("csrf-token", "x")
                .post("/questions/" + questionId + "/answers").then().statusCode(403);

        WebSession answererOnApp1 = WebSession.loggedIn(app1.baseUrl(), answerer, PASSWORD);
        WebSession answererThroughNginx = WebSession.loggedIn(site, answerer, PASSWORD);
        LiveViewer reconnected = null;
        // Four readers, each from an address of their own (any 127.x.y.z reaches nginx and the instances): readers of
        // one address are one reader. Through nginx, the instances learn the address from X-Forwarded-For.
        String questionPath = "/ws/questions/" + questionId;
        try (LiveViewer onApp1 = LiveViewer.from("the viewer on app-1", "127.0.0.11", app1.webSocket(questionPath));
                LiveViewer onApp2 = LiveViewer.from("the viewer on app-2", "127.0.0.12", app2.webSocket(questionPath));
                // Two sockets in a row through nginx: its round robin puts one on each instance.
                LiveViewer firstThroughNginx = LiveViewer.open("the first viewer through nginx", site, questionId,
                        null, "127.0.0.13");
                LiveViewer secondThroughNginx = LiveViewer.open("the second viewer through nginx", site,
                        questionId, null, "127.0.0.14")) {
            List<LiveViewer> all = List.of(onApp1, onApp2, firstThroughNginx, secondThroughNginx);
            await("four viewers counted on every socket").atMost(DELIVERY).untilAsserted(() -> {
                for (LiveViewer viewer : all) {
                    assertThat(viewer.toString(), viewer.viewers(), is(Optional.of(4)));
                }
            });

            // Posted on app-1, live on app-2 (and everywhere else).
            long first = idIn(answererOnApp1.postForm("/questions/" + questionId + "/answers",
                    Map.of("body", "Set Upgrade and Connection on the proxied request.")), ANSWER_LOCATION, null);
            awaitAnswer(first, all);
            // Posted through nginx, with the form's CSRF token.
            long second = idIn(postForm(answererThroughNginx, site, "/questions/" + questionId + "/answers",
                    Map.of("body", "And a read timeout longer than the server's ping interval.")), ANSWER_LOCATION,
                    site);
            awaitAnswer(second, all);

            // Both instances serve nginx's requests; each request carries an id, the client's or nginx's own.
            Set<String> requestIds = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                String id = "cluster-it-" + UUID.randomUUID();
                requestIds.add(id);
                WebSession.visitor(site).request().header("X-Request-Id", id).get(questionPage).then()
                        .statusCode(200).header("X-Request-Id", id);
            }
            WebSession.visitor(site).get("/").then().statusCode(200).header("X-Request-Id",
                    matchesPattern("[0-9a-f]{32}"));
            await("nginx's log of the requests").atMost(DELIVERY).untilAsserted(() -> assertThat(
                    "the instances that served the requests", upstreamsOf(requestIds),
                    hasItems(hostAndPort(app1), hostAndPort(app2))));

            // One mail a answer to the question's author, with links to the public address.
            await("two mails to the question's author").atMost(DELIVERY)
                    .until(() -> maildev.notices(authorEmail).size(), n -> n >= 2);
            List<Maildev.Mail> mails = maildev.notices(authorEmail);
            assertThat("one mail an answer", mails, hasSize(2));
            assertThat(mails.get(0).text() + mails.get(1).text(),
                    containsString(BASE_URL + questionPage + "#answer-" + first));

            // app-2 stops as an operator stops it (SIGTERM): its readers are told it is going away.
            app2.close();
            assertThat("app-2 stopped", app2.process(), is(Optional.empty()));
            await("the viewers on app-2 closed with 1001").atMost(DELIVERY).untilAsserted(() -> {
                assertThat(onApp2.toString(), onApp2.closeCode(), is(Optional.of(1001)));
                assertThat("one of the viewers through nginx was on app-2",
                        firstThroughNginx.closeCode().or(secondThroughNginx::closeCode), is(Optional.of(1001)));
            });
            LiveViewer left = firstThroughNginx.closeCode().isPresent() ? firstThroughNginx : secondThroughNginx;
            LiveViewer stayed = left == firstThroughNginx ? secondThroughNginx : firstThroughNginx;
            assertThat(stayed.toString(), stayed.closeCode(), is(Optional.empty()));
            assertThat(onApp1.toString(), onApp1.closeCode(), is(Optional.empty()));
            await("app-2's viewers no longer counted").atMost(DELIVERY)
                    .untilAsserted(() -> assertThat(onApp1.toString(), onApp1.viewers(), is(Optional.of(2))));

            // nginx serves everything from app-1 now: pages, and a form whose first try may meet app-2's closed port.
            for (int i = 0; i < 4; i++) {
                WebSession.visitor(site).get(questionPage).then().statusCode(200);
            }
            String lastSeen = left.lastPosition().orElseThrow();
            long third = idIn(postForm(answererThroughNginx, site, "/questions/" + questionId + "/answers",
                    Map.of("body", "Posted while app-2 was away.")), ANSWER_LOCATION, site);
            awaitAnswer(third, List.of(onApp1, stayed));

            // The reader that app-2 left comes back through nginx from its last position: nothing is missing.
            reconnected = LiveViewer.open("the viewer that came back through nginx", site, questionId, lastSeen,
                    left == firstThroughNginx ? "127.0.0.13" : "127.0.0.14");
            LiveViewer back = reconnected;
            await("the answer posted meanwhile, replayed").atMost(DELIVERY)
                    .untilAsserted(() -> assertThat(back.toString(), back.answerFrames(third), hasSize(1)));
            assertThat("nothing from before its last position again", back.answerFrames(second), empty());
        } finally {
            if (reconnected != null) {
                reconnected.close();
            }
        }
    }

    private static void awaitAnswer(long answerId, List<LiveViewer> viewers) {
        await("answer " + answerId + " live on every socket").atMost(DELIVERY).untilAsserted(() -> {
            for (LiveViewer viewer : viewers) {
                assertThat(viewer.toString(), viewer.answerFrames(answerId), hasSize(1));
            }
        });
    }

    /** Signs up through the site's form, as its page would (multipart, CSRF token, the page's Origin). */
    private static String signUp(String site, String prefix, String email) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        WebSession visitor = WebSession.visitor(site);
        String token = visitor.csrfToken();
        visitor.request().header("Origin", site).multiPart("username", username).multiPart("email", email)
                .multiPart("password", PASSWORD).multiPart("password_confirm", PASSWORD)
                .multiPart("csrf-token", token).post("/signup").then().statusCode(303);
        return username;
    }

    /** A url-encoded form with its CSRF token and the page's Origin. */
    private static Response postForm(WebSession session, String site, String path, Map<String, ?> fields) {
        String token = session.csrfToken();
        return session.request().header("Origin", site).contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParams(fields).formParam("csrf-token", token).post(path);
    }

    /** The id in a 303's Location, which points at the site's address when it is absolute (never an instance's). */
    private static long idIn(Response redirect, Pattern location, String site) {
        redirect.then().statusCode(303);
        String header = redirect.header("Location");
        assertThat(header, matchesPattern(".*" + location.pattern()));
        if (site != null) {
            assertThat(header, anyOf(startsWith("/"), startsWith(site + "/")));
        }
        Matcher m = location.matcher(header);
        m.find();
        return Long.parseLong(m.group(1));
    }

    /** The instances nginx's access log names for these request ids. */
    private static Set<String> upstreamsOf(Set<String> requestIds) {
        Set<String> upstreams = new HashSet<>();
        for (String line : cluster.accessLog()) {
            Matcher m = UPSTREAM.matcher(line);
            if (m.find() && requestIds.contains(m.group(2))) {
                upstreams.add(m.group(1));
            }
        }
        return upstreams;
    }

    private static String hostAndPort(SiteProcess site) {
        return site.baseUrl().replaceFirst("^http://", "");
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
