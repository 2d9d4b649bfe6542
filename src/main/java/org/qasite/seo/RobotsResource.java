package org.qasite.seo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code /robots.txt}: the pages are open to crawlers; searches, forms, members' own pages, the API and other endless or
 * private spaces are not.
 */
@Path("/robots.txt")
public class RobotsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance robots();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public TemplateInstance robots() {
        return Templates.robots();
    }
}
