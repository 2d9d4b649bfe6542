package org.qasite.bench;

import static org.qasite.text.Html.escape;
import static org.qasite.web.page.TemplateExtensions.ago;
import static org.qasite.web.page.TemplateExtensions.exact;
import static org.qasite.web.page.TemplateExtensions.grouped;
import static org.qasite.web.page.TemplateExtensions.iso;
import static org.qasite.web.page.TemplateExtensions.pathSegment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.qasite.stats.StatsQueries;
import org.qasite.stats.StatsQueries.BestMember;
import org.qasite.stats.StatsQueries.PopularTag;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/**
 * The site's question page (first page of answers, newest first, for an anonymous reader) served by a plain Vert.x
 * handler with the reactive PostgreSQL and Redis clients: the same reads as the site (the stream position before the
 * answers, the question with its author and tags, 10 answers with their authors, the right column from the site's
 * cache keys, computed and cached on a miss) and the same Redis write (the view's dedup key), rendered as the same
 * HTML. It is the yardstick of bench/page-baseline.sh, not a second site: nothing else is served.
 *
 * Settings (environment): BASELINE_PORT, BASELINE_DB_URL (postgresql://user:password@host:port/db),
 * BASELINE_DB_POOL, BASELINE_REDIS_STREAMS_URL, BASELINE_REDIS_CACHE_URL, BASELINE_HEAD (a file holding the markup of
 * the site's script and style tags, which the site's web bundler names by content hash), BASELINE_SITE_NAME,
 * BASELINE_VISITOR_KEY.
 */
public final class PageBaseline extends AbstractVerticle {

    private static final int ANSWERS_PER_PAGE = 10;
    private static final String EVENTS_KEY = "qa:events";
    private static final String POPULAR_TAGS_KEY = "qa:stats:popular-tags";
    private static final String BEST_MEMBERS_KEY = "qa:stats:best-members";
    private static final String CACHE_TTL_MS = Long.toString(Duration.ofHours(1).toMillis());
    private static final String DEDUP_WINDOW_MS = Long.toString(Duration.ofHours(1).toMillis());
    private static final SecureRandom RANDOM = new SecureRandom();

    // The question page's reads, written out in SQL: the site asks for them in HQL through Hibernate
    // (Question.requireForPage, Answer.listForQuestion), which has no text to share with a plain SQL client.
    private static final String QUESTION = """
            SELECT q.id, q.title, q.body_html, q.created_at, q.rating, q.answer_count, q.accepted_answer_id,
                   q.view_count, m.username::text, m.display_name
            FROM question q JOIN member m ON m.id = q.author_id
            WHERE q.id = $1""";
    private static final String TAGS = """
            SELECT t.name FROM question_tag qt JOIN tag t ON t.id = qt.tag_id
            WHERE qt.question_id = $1 ORDER BY t.name""";
    private static final String ANSWERS = """
            SELECT a.id, a.body_html, a.created_at, a.rating, m.username::text, m.display_name, m.avatar_hash
            FROM answer a JOIN member m ON m.id = a.author_id
            WHERE a.question_id = $1
            ORDER BY a.created_at DESC, a.id DESC
            LIMIT $2""";
    private final Pool db;
    private final RedisAPI streams;
    private final RedisAPI cache;
    private final String head;
    private final String siteName;
    private final SecretKeySpec visitorKey;
    private final int port;
    // The site's two right-column queries, for a cache miss.
    private final String popularTagsSql;
    private final String bestMembersSql;

    private PageBaseline(Pool db, RedisAPI streams, RedisAPI cache, String head, String siteName, String visitorKey,
            int port, String popularTagsSql, String bestMembersSql) {
        this.db = db;
        this.streams = streams;
        this.cache = cache;
        this.head = head;
        this.siteName = escape(siteName);
        this.visitorKey = new SecretKeySpec(visitorKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.port = port;
        this.popularTagsSql = popularTagsSql;
        this.bestMembersSql = bestMembersSql;
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        int port = Integer.parseInt(env("BASELINE_PORT", "8592"));
        String head = Files.readString(Path.of(env("BASELINE_HEAD", "head.html"))).strip();
        Vertx vertx = Vertx.vertx();
        Pool db = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(Integer.parseInt(env("BASELINE_DB_POOL", "16"))))
                .connectingTo(PgConnectOptions.fromUri(env("BASELINE_DB_URL",
                        "postgresql://qa:qa@127.0.0.1:5432/qa_explain")).setCachePreparedStatements(true))
                .using(vertx).build();
        RedisAPI streams = redis(vertx, env("BASELINE_REDIS_STREAMS_URL", "redis://127.0.0.1:6379/13"));
        RedisAPI cache = redis(vertx, env("BASELINE_REDIS_CACHE_URL", "redis://127.0.0.1:6379/14"));
        String siteName = env("BASELINE_SITE_NAME", "Q&A");
        String visitorKey = env("BASELINE_VISITOR_KEY", "baseline-visitor-key-0123456789abcdef");
        // The very files the site's StatsQueries sends.
        String popularTagsSql = siteFile(StatsQueries.POPULAR_TAGS_SQL);
        String bestMembersSql = siteFile(StatsQueries.BEST_MEMBERS_SQL);
        // One server instance per CPU: more event loops than CPUs only add switching on a small machine.
        int instances = Runtime.getRuntime().availableProcessors();
        vertx.deployVerticle(() -> new PageBaseline(db, streams, cache, head, siteName, visitorKey, port,
                popularTagsSql, bestMembersSql), new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> System.out.printf("page-baseline started in %.3fs, listening on 127.0.0.1:%d%n",
                        (System.nanoTime() - started) / 1e9, port))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    /** A text file of the site's jar, which the manifest puts on the classpath. */
    private static String siteFile(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(PageBaseline.class.getClassLoader().getResourceAsStream(name),
                () -> name + " is not on the classpath: is the site built?")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static RedisAPI redis(Vertx vertx, String url) {
        return RedisAPI.api(Redis.createClient(vertx,
                new RedisOptions().setConnectionString(url).setMaxPoolSize(16).setMaxPoolWaiting(256)));
    }

    @Override
    public void start(Promise<Void> started) {
        Router router = Router.router(vertx);
        router.get("/questions/:id").handler(this::page);
        router.get("/health").handler(ctx -> ctx.response().end("ok"));
        vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
                .<Void> mapEmpty().onComplete(started);
    }

    private record QuestionRow(long id, String title, String bodyHtml, Instant createdAt, int rating, int answerCount,
            Long acceptedAnswerId, long viewCount, String authorUsername, String authorDisplayName) {
    }

    private record AnswerRow(long id, String bodyHtml, Instant createdAt, int rating, String username,
            String displayName, String avatarHash) {
    }

    private void page(RoutingContext ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        String visitor = visitor(ctx.request().remoteAddress().hostAddress(), ctx.request().getHeader("User-Agent"));
        // As the site: the position is read before the answers, so the page's script asks for what came after it.
        position().compose(position -> {
            Future<RowSet<Row>> question = db.preparedQuery(QUESTION).execute(Tuple.of(id));
            Future<RowSet<Row>> tags = db.preparedQuery(TAGS).execute(Tuple.of(id));
            Future<RowSet<Row>> answers = db.preparedQuery(ANSWERS).execute(Tuple.of(id, ANSWERS_PER_PAGE));
            Future<List<PopularTag>> popular = popularTags();
            Future<List<BestMember>> best = bestMembers();
            Future<Response> view = cache.set(List.of("qa:views:seen:" + id + ":" + visitor, "1", "NX", "PX",
                    DEDUP_WINDOW_MS));
            return Future.all(question, tags, answers, popular, best, view).map(all -> {
                RowSet<Row> q = question.result();
                if (q.size() == 0) {
                    return null;
                }
                List<String> tagNames = new ArrayList<>();
                tags.result().forEach(r -> tagNames.add(r.getString(0)));
                List<AnswerRow> answerRows = new ArrayList<>();
                answers.result().forEach(r -> answerRows.add(new AnswerRow(r.getLong(0), r.getString(1),
                        instant(r.getValue(2)), r.getInteger(3), r.getString(4), r.getString(5), r.getString(6))));
                return render(question(q.iterator().next()), tagNames, answerRows, position, popular.result(),
                        best.result());
            });
        }).onSuccess(html -> {
            if (html == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            ctx.response().putHeader("Content-Type", "text/html;charset=UTF-8")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Content-Security-Policy", "frame-ancestors 'none'")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "strict-origin-when-cross-origin")
                    .end(html);
        }).onFailure(e -> {
            e.printStackTrace();
            ctx.response().setStatusCode(500).end();
        });
    }

    /** The newest id of the event stream; when it is empty, the last id it ever had (as the site). */
    private Future<String> position() {
        return streams.xrevrange(List.of(EVENTS_KEY, "+", "-", "COUNT", "1")).compose(r -> {
            if (r != null && r.size() > 0) {
                return Future.succeededFuture(r.get(0).get(0).toString());
            }
            return streams.xinfo(List.of("STREAM", EVENTS_KEY)).map(info -> {
                Response last = info == null ? null : info.get("last-generated-id");
                return last == null ? "0-0" : last.toString();
            }).recover(e -> Future.succeededFuture("0-0"));
        });
    }

    private Future<List<PopularTag>> popularTags() {
        return cached(POPULAR_TAGS_KEY, popularTagsSql, json -> {
            List<PopularTag> tags = new ArrayList<>();
            for (Object o : json) {
                JsonObject t = (JsonObject) o;
                tags.add(new PopularTag(t.getString("name"), t.getLong("questions")));
            }
            return tags;
        }, r -> new JsonObject().put("name", r.getString(0)).put("questions", r.getLong(1)));
    }

    private Future<List<BestMember>> bestMembers() {
        return cached(BEST_MEMBERS_KEY, bestMembersSql, json -> {
            List<BestMember> members = new ArrayList<>();
            for (Object o : json) {
                JsonObject m = (JsonObject) o;
                members.add(new BestMember(m.getString("username"), m.getString("displayName"),
                        m.getString("avatarUrl"), m.getLong("score")));
            }
            return members;
        }, r -> new JsonObject().put("username", r.getString(0)).put("displayName", r.getString(1))
                .put("avatarUrl", avatarUrl(r.getString(0), r.getString(2))).put("score", r.getLong(3)));
    }

    /** A right-column widget from the site's cache key; on a miss computed with the site's query and cached. */
    private <T> Future<List<T>> cached(String key, String sql, Function<JsonArray, List<T>> parse,
            Function<Row, JsonObject> toJson) {
        return cache.get(key).compose(value -> {
            if (value != null) {
                return Future.succeededFuture(parse.apply(new JsonArray(value.toString())));
            }
            return db.query(sql).execute().compose(rows -> {
                JsonArray json = new JsonArray();
                rows.forEach(r -> json.add(toJson.apply(r)));
                return cache.set(List.of(key, json.encode(), "NX", "PX", CACHE_TTL_MS))
                        .map(ok -> parse.apply(json));
            });
        });
    }

    private String visitor(String address, String userAgent) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(visitorKey);
            byte[] digest = mac.doFinal((address + "\n" + (userAgent == null ? "" : userAgent))
                    .getBytes(StandardCharsets.UTF_8));
            return "a" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static QuestionRow question(Row r) {
        return new QuestionRow(r.getLong(0), r.getString(1), r.getString(2), instant(r.getValue(3)), r.getInteger(4),
                r.getInteger(5), r.getLong(6), r.getLong(7), r.getString(8), r.getString(9));
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }

    // --- the HTML: the site's templates (main, QuestionResource/show, tags/*) written out -----------------------------
    // A copy of their markup, on purpose: the baseline is the page built by hand into one StringBuilder, the least work
    // that produces it, against which the site's Qute rendering is measured; rendering the site's templates here would
    // measure Qute twice (and need the site's template extensions and injected beans). bench/page-baseline.sh checks
    // before every run that both pages are the same, line by line. The values in it come from the site's own code
    // (TemplateExtensions for the times, counts and links, Html.escape).

    private String render(QuestionRow q, List<String> tags, List<AnswerRow> answers, String position,
            List<PopularTag> popular, List<BestMember> best) {
        // One token per page, as the site's forms carry.
        String csrf = csrfToken();
        StringBuilder h = new StringBuilder(32 * 1024);
        h.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>""").append(escape(q.title)).append(" · ").append(siteName).append("""
                </title>
                  <link rel="icon" href="data:,">
                  """).append(head).append("""

                </head>
                <body>
                <a class="visually-hidden-focusable" href="#content">Skip to content</a>
                <nav class="navbar navbar-expand-md bg-body-tertiary border-bottom mb-4" aria-label="Main">
                  <div class="container">
                    <a class="navbar-brand fw-semibold" href="/">""").append(siteName).append("""
                </a>
                    <button class="navbar-toggler" type="button" data-bs-toggle="collapse" data-bs-target="#main-nav"
                            aria-controls="main-nav" aria-expanded="false" aria-label="Toggle navigation">
                      <span class="navbar-toggler-icon"></span>
                    </button>
                    <div class="collapse navbar-collapse" id="main-nav">
                      <ul class="navbar-nav me-auto">
                        <li class="nav-item"><a class="nav-link" href="/">New</a></li>
                        <li class="nav-item"><a class="nav-link" href="/hot">Hot</a></li>
                        <li class="nav-item"><a class="nav-link" href="/ask">Ask a question</a></li>
                      </ul>
                      <form class="search-box position-relative me-md-3 my-2 my-md-0" method="get" action="/search" role="search">
                        <label class="visually-hidden" for="search-input">Search questions</label>
                        <input class="form-control form-control-sm" type="search" name="q" id="search-input" placeholder="Search…"
                               maxlength="200" autocomplete="off" role="combobox" aria-autocomplete="list" aria-expanded="false"
                               aria-controls="search-suggestions">
                        <ul class="dropdown-menu search-suggestions" id="search-suggestions" role="listbox" aria-label="Suggestions"></ul>
                      </form>
                      <div class="d-flex gap-2">
                        <a class="btn btn-sm btn-outline-primary" href="/login?return=%2Fquestions%2F""").append(q.id).append("""
                " id="login-link">Log in</a>
                        <a class="btn btn-sm btn-primary" href="/signup?return=%2Fquestions%2F""").append(q.id).append("""
                " id="signup-link">Sign up</a>
                      </div>
                    </div>
                  </div>
                </nav>
                <div class="container">
                  <div class="row g-4">
                    <main id="content" class="col-lg-9">
                """);
        question(h, q, tags, answers, position, csrf);
        h.append("""
                    </main>
                    <aside class="col-lg-3">
                """);
        rightColumn(h, popular, best);
        h.append("""
                    </aside>
                  </div>
                </div>
                <footer class="container text-body-secondary small py-4 mt-4 border-top">
                  """).append(siteName).append('\n').append("""
                </footer>
                </body>
                </html>
                """);
        return h.toString();
    }

    private void question(StringBuilder h, QuestionRow q, List<String> tags, List<AnswerRow> answers, String position,
            String csrf) {
        h.append("<article class=\"question mb-4\" data-question-id=\"").append(q.id).append("\">\n");
        h.append("  <h1 class=\"h3 text-break\" dir=\"auto\">").append(escape(q.title)).append("</h1>\n");
        h.append("  <div class=\"small text-body-secondary mb-3\">\n");
        h.append("    Asked ");
        time(h, q.createdAt);
        h.append(" by <a href=\"/members/").append(escape(q.authorUsername)).append("\">")
                .append(escape(q.authorDisplayName)).append("</a>\n");
        h.append("    · <span data-view-count=\"").append(q.viewCount).append("\">Viewed ")
                .append(grouped(q.viewCount)).append(q.viewCount == 1 ? " time" : " times")
                .append("</span>\n");
        // The number of readers comes with the live socket's greeting; the page only holds its place.
        h.append("    <span data-viewers-line hidden>· <span data-viewers title=\"People who have this question open now\">"
                + "</span></span>\n");
        h.append("    <span class=\"badge text-bg-warning d-none\" data-live-status role=\"status\">"
                + "Live updates paused, reconnecting…</span>\n");
        h.append("    ");
        if (q.acceptedAnswerId != null) {
            h.append("· <a href=\"/answers/").append(q.acceptedAnswerId)
                    .append("\" class=\"text-success\" data-accepted-link>✓ See the accepted answer</a>");
        }
        h.append("\n  </div>\n");
        h.append("  <div class=\"d-flex gap-3\">\n    ");
        vote(h, "question", q.id, q.rating, csrf);
        h.append("\n    <div class=\"flex-grow-1 min-w-0\">\n");
        h.append("      <div class=\"post-body\">").append(q.bodyHtml).append("</div>\n");
        h.append("      <div class=\"d-flex flex-wrap gap-1 mt-3\">\n        ");
        for (String tag : tags) {
            h.append("<a class=\"badge text-bg-light border text-decoration-none\" href=\"/tag/")
                    .append(escape(pathSegment(tag))).append("\">").append(escape(tag)).append("</a>");
        }
        h.append("\n      </div>\n    </div>\n  </div>\n</article>\n\n");

        h.append("<section aria-labelledby=\"answers-heading\" data-live=\"/ws/questions/").append(q.id)
                .append("\" data-live-position=\"").append(escape(position)).append("\" data-live-mode=\"insert\">\n");
        h.append("  <div class=\"d-flex align-items-center gap-2 border-bottom pb-2\">\n");
        h.append("    <h2 class=\"h5 mb-0 me-auto\" id=\"answers-heading\"><span data-answer-count>")
                .append(q.answerCount).append("</span> <span data-answer-noun>")
                .append(q.answerCount == 1 ? "answer" : "answers").append("</span></h2>\n");
        if (q.answerCount > 1) {
            h.append("    <ul class=\"nav nav-pills small\">\n");
            h.append("      <li class=\"nav-item\"><a class=\"nav-link active\" href=\"/questions/").append(q.id)
                    .append("\">Newest</a></li>\n");
            h.append("      <li class=\"nav-item\"><a class=\"nav-link\" href=\"/questions/").append(q.id)
                    .append("?sort=votes\">Votes</a></li>\n");
            h.append("    </ul>\n");
        }
        h.append("  </div>\n");
        h.append("  <div class=\"alert alert-info mt-3 d-none\" data-live-alert role=\"alert\"></div>\n");
        h.append("  <div id=\"answers\">\n");
        for (AnswerRow a : answers) {
            answer(h, a, q, csrf);
        }
        h.append("  </div>\n");
        if (answers.isEmpty()) {
            h.append("  <p id=\"answers-empty\" class=\"py-4 text-body-secondary\">No answers yet. Do you know the "
                    + "answer?</p>\n");
        }
        pager(h, q);
        h.append("</section>\n\n");
        h.append("""
                <section class="mt-4" aria-labelledby="answer-heading">
                  <h2 class="h5" id="answer-heading">Your answer</h2>
                  <p id="answer-form"><a href="/login?return=%2Fquestions%2F""").append(q.id).append("""
                %23answer-form" data-login-to-answer>Log in</a> or
                    <a href="/signup?return=%2Fquestions%2F""").append(q.id).append("""
                %23answer-form">sign up</a> to answer.</p>
                </section>
                """);
    }

    private void answer(StringBuilder h, AnswerRow a, QuestionRow q, String csrf) {
        boolean accepted = q.acceptedAnswerId != null && q.acceptedAnswerId == a.id;
        h.append("<article class=\"answer d-flex gap-3 py-3 border-bottom").append(accepted ? " accepted" : "")
                .append("\" id=\"answer-").append(a.id).append("\" data-answer-id=\"").append(a.id).append("\">\n  ");
        vote(h, "answer", a.id, a.rating, csrf);
        h.append("\n  <div class=\"flex-grow-1 min-w-0\">\n");
        h.append("    <div class=\"accepted-badge badge text-bg-success mb-2").append(accepted ? "" : " d-none")
                .append("\" data-accepted-badge>✓ Accepted answer</div>\n");
        h.append("    <div class=\"post-body\">").append(a.bodyHtml).append("</div>\n");
        h.append("    <div class=\"d-flex flex-wrap align-items-center gap-2 small text-body-secondary mt-2\">\n");
        h.append("      <span class=\"ms-auto d-flex align-items-center gap-2\">\n");
        h.append("        <img class=\"avatar avatar-sm\" src=\"").append(escape(avatarUrl(a.username, a.avatarHash)))
                .append("\" alt=\"\" width=\"24\" height=\"24\" loading=\"lazy\">\n");
        h.append("        <a class=\"text-truncate author-name\" href=\"/members/").append(escape(a.username))
                .append("\">").append(escape(a.displayName)).append("</a> answered ");
        time(h, a.createdAt);
        h.append("\n      </span>\n    </div>\n  </div>\n</article>\n");
    }

    private static void vote(StringBuilder h, String target, long post, int score, String csrf) {
        h.append("<div class=\"vote text-center\" data-vote-widget>\n");
        h.append("  <form method=\"post\" action=\"/").append(target).append("s/").append(post)
                .append("/vote\" data-vote-form data-api=\"/api/v1/").append(target).append("s/").append(post)
                .append("/vote\">\n");
        h.append("    <input type=\"hidden\" name=\"csrf-token\" value=\"").append(csrf).append("\">\n");
        h.append("    <button type=\"submit\" name=\"value\" value=\"1\" class=\"btn btn-sm btn-vote\"\n");
        h.append("            data-vote-for=\"").append(target).append('-').append(post)
                .append("\" data-vote=\"1\" aria-label=\"Vote up\" aria-pressed=\"false\">▲</button>\n");
        h.append("    <div class=\"score fw-semibold\" data-score aria-live=\"polite\">").append(score).append("</div>\n");
        h.append("    <button type=\"submit\" name=\"value\" value=\"-1\" class=\"btn btn-sm btn-vote\"\n");
        h.append("            data-vote-for=\"").append(target).append('-').append(post)
                .append("\" data-vote=\"-1\" aria-label=\"Vote down\" aria-pressed=\"false\">▼</button>\n");
        h.append("  </form>\n");
        h.append("  <div class=\"vote-error small text-danger\" data-vote-error role=\"alert\"></div>\n");
        h.append("</div>");
    }

    private static void pager(StringBuilder h, QuestionRow q) {
        int pages = Math.max(1, (q.answerCount + ANSWERS_PER_PAGE - 1) / ANSWERS_PER_PAGE);
        if (pages <= 1) {
            return;
        }
        int page = 1;
        String path = "/questions/" + q.id + "?page=";
        h.append("<nav aria-label=\"Pages\" class=\"mt-3\">\n  <ul class=\"pagination flex-wrap\">\n");
        h.append("    <li class=\"page-item disabled\"><span class=\"page-link\">Previous</span></li>\n");
        boolean gap = false;
        for (int p = 1; p <= pages; p++) {
            if (p == 1 || p == pages || Math.abs(p - page) <= 2) {
                gap = false;
                h.append("    <li class=\"page-item").append(p == page ? " active" : "")
                        .append("\"><a class=\"page-link\" href=\"").append(path).append(p).append('"')
                        .append(p == page ? " aria-current=\"page\"" : "").append('>').append(p).append("</a></li>\n");
            } else if (!gap) {
                gap = true;
                h.append("    <li class=\"page-item disabled\"><span class=\"page-link\">…</span></li>\n");
            }
        }
        h.append("    <li class=\"page-item\"><a class=\"page-link\" href=\"").append(path).append(page + 1)
                .append("\" rel=\"next\">Next</a></li>\n");
        h.append("  </ul>\n</nav>\n");
    }

    private static void rightColumn(StringBuilder h, List<PopularTag> popular, List<BestMember> best) {
        h.append("""
                <section id="popular-tags" class="card mb-4">
                  <div class="card-header fw-semibold">Popular tags</div>
                  <div class="card-body">
                """);
        for (PopularTag t : popular) {
            h.append("    <a class=\"badge text-bg-light border text-decoration-none me-1 mb-1\" href=\"/tag/")
                    .append(escape(pathSegment(t.name()))).append("\">").append(escape(t.name()))
                    .append(" <span class=\"text-body-secondary\">×").append(t.questions()).append("</span></a>\n");
        }
        if (popular.isEmpty()) {
            h.append("    <p class=\"text-body-secondary small mb-0\">No questions in the last 3 months.</p>\n");
        }
        h.append("""
                  </div>
                </section>
                <section id="best-members" class="card mb-4">
                  <div class="card-header fw-semibold">Best members this week</div>
                  <ul class="list-group list-group-flush">
                """);
        for (BestMember m : best) {
            h.append("    <li class=\"list-group-item d-flex align-items-center gap-2\">\n");
            h.append("      <img class=\"avatar avatar-sm\" src=\"").append(escape(m.avatarUrl()))
                    .append("\" alt=\"\" width=\"28\" height=\"28\" loading=\"lazy\">\n");
            h.append("      <a class=\"text-truncate\" href=\"/members/").append(escape(m.username())).append("\">")
                    .append(escape(m.displayName())).append("</a>\n");
            h.append("      <span class=\"ms-auto badge text-bg-secondary\">").append(m.score()).append("</span>\n");
            h.append("    </li>\n");
        }
        if (best.isEmpty()) {
            h.append("    <li class=\"list-group-item text-body-secondary small\">No posts in the last 7 days.</li>\n");
        }
        h.append("  </ul>\n</section>\n");
    }

    private static void time(StringBuilder h, Instant t) {
        h.append("<time datetime=\"").append(iso(t)).append("\" title=\"").append(exact(t)).append("\">").append(ago(t))
                .append("</time>\n");
    }

    /** As Member.avatarUrl, which cannot be called here: Member is an entity, and its class needs Hibernate. */
    private static String avatarUrl(String username, String avatarHash) {
        return avatarHash != null ? "/avatars/" + avatarHash : "/avatars/default/" + username + ".svg";
    }

    private static String csrfToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
