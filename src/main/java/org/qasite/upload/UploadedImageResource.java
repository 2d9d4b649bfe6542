package org.qasite.upload;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;

/**
 * Serves the pictures of posts by their content hash: an address never shows anything else, so it is cached for a year
 * as immutable, and shared caches may keep it (no cookie is ever set here: web/guard/SecurityHeaders).
 */
@Path("/uploads")
public class UploadedImageResource {

    private static final Pattern NAME = Pattern.compile("([0-9a-f]{64})\\.(png|jpg|gif|webp)");

    @GET
    @Path("{name}")
    public Response image(@RestPath String name, Request request) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw QaException.notFound(Refusals.now().no_picture());
        }
        String hash = m.group(1);
        EntityTag tag = new EntityTag(hash);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(forever()).build();
        }
        UploadedImage image = UploadedImage.findById(hash);
        if (image == null || !ImageFile.url(hash, image.contentType).endsWith("." + m.group(2))) {
            throw QaException.notFound(Refusals.now().no_picture());
        }
        return Response.ok(image.data, image.contentType).tag(tag).cacheControl(forever())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline").build();
    }

    private static CacheControl forever() {
        CacheControl cc = new CacheControl();
        cc.setMaxAge(31_536_000);
        cc.getCacheExtension().put("immutable", null);
        return cc;
    }
}
