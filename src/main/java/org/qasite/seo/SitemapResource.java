package org.qasite.seo;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestPath;
import org.qasite.question.Question;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code /sitemap.xml}, a sitemap index, and its pages {@code /sitemaps/questions-{n}.xml}: every question that is not
 * deleted, at its canonical address, with its last activity (sitemaps.org protocol 0.9).
 */
@Path("/")
@Produces("application/xml;charset=utf-8")
public class SitemapResource {

    private static final Pattern PAGE = Pattern.compile("questions-([1-9][0-9]{0,8})\\.xml");

    /** One address of a sitemap page. */
    public record Url(String path, Instant lastmod) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Integer> pages);

        static native TemplateInstance page(List<Url> urls);
    }

    private final SeoConfig config;

    SitemapResource(SeoConfig config) {
        this.config = config;
    }

    @GET
    @Path("sitemap.xml")
    public TemplateInstance index() {
        return Templates.index(java.util.stream.IntStream.rangeClosed(1, pages()).boxed().toList());
    }

    @GET
    @Path("sitemaps/{file}")
    public TemplateInstance page(@RestPath String file) {
        Matcher m = PAGE.matcher(file);
        int page = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        if (page < 1 || page > pages()) {
            throw QaException.notFound(Refusals.now().no_sitemap(file));
        }
        List<Url> urls = Question.listForSitemap((page - 1) * (long) config.sitemapPageSize(), config.sitemapPageSize())
                .stream().map(r -> new Url(r.path(), r.lastActivity())).toList();
        return Templates.page(urls);
    }

    /** At least one page, empty while there is no question. */
    private int pages() {
        long count = Question.countListed();
        return (int) Math.max(1, (count + config.sitemapPageSize() - 1) / config.sitemapPageSize());
    }
}
