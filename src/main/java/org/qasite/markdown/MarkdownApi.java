package org.qasite.markdown;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qasite.web.InputText;
import org.qasite.web.QaException;

/** The live preview of the Markdown editors: the same rendering and cleaning as a saved post. */
@Path("/api/v1")
@Tag(name = "Markdown")
public class MarkdownApi {

    public record PreviewRequest(String text) {
    }

    public record PreviewView(String html) {
    }

    private final MarkdownRenderer renderer;

    MarkdownApi(MarkdownRenderer renderer) {
        this.renderer = renderer;
    }

    @POST
    @Path("markdown/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render Markdown to the safe HTML a post would show")
    public PreviewView preview(PreviewRequest request) {
        String text = request == null ? "" : InputText.clean(request.text());
        if (text.length() > 30_000) {
            throw QaException.badRequest("The text is too long to preview (at most 30000 characters).");
        }
        return new PreviewView(renderer.toSafeHtml(text));
    }
}
