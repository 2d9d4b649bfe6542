package org.qasite.member;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.qasite.refusal.QaException;
import org.qasite.text.Html;
import org.qasite.text.i18n.Refusals;

/** Serves avatars: uploaded ones by content hash (never change, cached for a year), and generated defaults. */
@Path("/avatars")
public class AvatarResource {

    private static final String[] COLOURS = { "#0d6efd", "#6610f2", "#6f42c1", "#d63384", "#dc3545", "#fd7e14",
            "#198754", "#20c997", "#0dcaf0", "#495057" };

    @GET
    @Path("{hash}")
    public Response uploaded(@RestPath String hash, Request request) {
        if (!hash.matches("[0-9a-f]{64}")) {
            throw QaException.notFound(Refusals.now().no_picture());
        }
        EntityTag tag = new EntityTag(hash);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(forever()).build();
        }
        Avatar avatar = Avatar.findById(hash);
        if (avatar == null) {
            throw QaException.notFound(Refusals.now().no_picture());
        }
        return Response.ok(avatar.data, avatar.contentType).tag(tag).cacheControl(forever())
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** The picture of every member who deleted their account: a grey figure, nothing of theirs. */
    @GET
    @Path("deleted.svg")
    public Response deleted() {
        String svg = """
                <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">\
                <rect width="64" height="64" rx="8" fill="#adb5bd"/>\
                <circle cx="32" cy="25" r="11" fill="#fff"/><path d="M12 56c2-12 10-18 20-18s18 6 20 18z" fill="#fff"/>\
                </svg>""";
        CacheControl day = new CacheControl();
        day.setMaxAge(86400);
        return Response.ok(svg.getBytes(StandardCharsets.UTF_8), "image/svg+xml").cacheControl(day)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("default/{username}.svg")
    public Response generated(@RestPath String username) {
        Member member = Member.findByUsername(username)
                .orElseThrow(() -> QaException.notFound(Refusals.now().no_picture()));
        String name = member.displayName.isBlank() ? member.username : member.displayName.strip();
        String letter = Html.escape(name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT));
        String colour = COLOURS[Math.floorMod(username.toLowerCase(Locale.ROOT).hashCode(), COLOURS.length)];
        String svg = """
                <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">\
                <rect width="64" height="64" rx="8" fill="%s"/>\
                <text x="32" y="42" font-family="system-ui,sans-serif" font-size="30" fill="#fff" text-anchor="middle">%s</text>\
                </svg>"""
                .formatted(colour, letter);
        CacheControl day = new CacheControl();
        day.setMaxAge(86400);
        return Response.ok(svg.getBytes(StandardCharsets.UTF_8), "image/svg+xml").cacheControl(day)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static CacheControl forever() {
        CacheControl cc = new CacheControl();
        cc.setMaxAge(31_536_000);
        cc.getCacheExtension().put("immutable", null);
        return cc;
    }
}
