package org.qasite.seo;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code /favicon.ico}, which browsers and crawlers ask for on their own: the SVG icon the pages link to. */
@Path("/favicon.ico")
public class FaviconResource {

    @GET
    public Response icon() {
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/favicon.svg")).build();
    }
}
