package org.qasite.upload;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.qasite.member.CurrentMember;
import org.qasite.text.i18n.LoginAction;

@Path("/api/v1/uploads")
@Tag(name = "Uploads")
public class UploadApi {

    public record UploadView(String url, String contentType, int width, int height) {
    }

    private final CurrentMember me;
    private final ImageUploadService uploads;

    UploadApi(CurrentMember me, ImageUploadService uploads) {
        this.me = me;
        this.uploads = uploads;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a picture for a post (members): multipart field `file`, with the CSRF token in the "
            + "X-CSRF-TOKEN header or the csrf-token field; the answer's url goes into the Markdown as ![alt](url)")
    @APIResponse(responseCode = "201", description = "Stored (or already stored: the same content has one address)")
    @APIResponse(responseCode = "400", description = "No file, or no CSRF token")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "413", description = "The file is larger than qa.upload.max-size")
    @APIResponse(responseCode = "415", description = "Not a PNG, JPEG, GIF or WebP picture, judged by its content")
    @APIResponse(responseCode = "422", description = "More pixels than qa.upload.max-pixels")
    @APIResponse(responseCode = "429", description = "Too many uploads, or more new bytes than qa.upload.daily-bytes in 24 hours; see Retry-After")
    public Response upload(@RestForm("file") FileUpload file) {
        long memberId = me.require(LoginAction.UPLOAD).id;
        ImageFile image = uploads.store(uploads.check(file), memberId);
        return Response.created(URI.create(image.url()))
                .entity(new UploadView(image.url(), image.contentType(), image.width(), image.height())).build();
    }
}
