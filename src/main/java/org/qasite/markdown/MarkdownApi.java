package org.qasite.markdown;

import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qasite.limit.ClientAddress;
import org.qasite.limit.RateLimiter;
import org.qasite.refusal.InvalidInput;
import org.qasite.refusal.QaException;
import org.qasite.text.InputText;
import org.qasite.text.i18n.Refusals;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * The live preview of the Markdown editors: the same rendering, cleaning and budget as a saved post. Anyone may ask,
 * so it is rate-limited per session and per address.
 */
@Path("/api/v1")
@Tag(name = "Markdown")
public class MarkdownApi {

    /** The longest text a post may have, so the longest worth previewing. */
    static final int MAX_TEXT = 30_000;

    public record PreviewRequest(String text) {
    }

    public record PreviewView(String html) {
    }

    private final MarkdownRenderer renderer;
    private final RateLimiter rateLimiter;
    private final SecurityIdentity identity;

    MarkdownApi(MarkdownRenderer renderer, RateLimiter rateLimiter, SecurityIdentity identity) {
        this.renderer = renderer;
        this.rateLimiter = rateLimiter;
        this.identity = identity;
    }

    @POST
    @Path("markdown/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render Markdown to the safe HTML a post would show")
    @APIResponse(responseCode = "200", description = "The HTML, safe to show as it is")
    @APIResponse(responseCode = "400", description = "The text is too long, or over its budget (tables, HTML size): "
            + "`error` says which, in words for the writer")
    @APIResponse(responseCode = "429", description = "Too many previews from this session or address; see Retry-After")
    public PreviewView preview(PreviewRequest request, HttpServerRequest http) {
        String address = ClientAddress.of(http);
        rateLimiter.acquire(RateLimiter.Action.PREVIEW,
                sessionSubject(identity.isAnonymous() ? null : identity.getPrincipal().getName(), address));
        rateLimiter.acquire(RateLimiter.Action.PREVIEW_ADDRESS, ClientAddress.network(address));
        String text = request == null ? "" : InputText.clean(request.text());
        if (text.length() > MAX_TEXT) {
            throw QaException.badRequest(Refusals.now().preview_too_long(MAX_TEXT));
        }
        try {
            return new PreviewView(renderer.toSafeHtml(text));
        } catch (InvalidInput e) {
            // The editor shows the error beside the text: the reason itself, not "correct the marked fields".
            throw new QaException(400, e.fieldErrors().get("body"), e.details(), null);
        }
    }

    /** A member by name; a visitor, who has no session on the server, by their network, as every limit counts them. */
    static String sessionSubject(String username, String address) {
        return username != null ? "member:" + username.toLowerCase(Locale.ROOT)
                : "visitor:" + ClientAddress.network(address);
    }
}
