package org.qasite.web;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.BlockingOperationControl;

/**
 * Every refused request gets a clear answer: JSON {@code {"error", "details"}} under {@code /api/}, an error page
 * elsewhere. Nothing unexpected reaches the member as a stack trace.
 */
public class ErrorMapper {

    public record ApiError(String error, List<String> details) {
    }

    @CheckedTemplate(basePath = "", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response qa(QaException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(uri, e.status(), e.getMessage(), e.details());
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds()));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<String> details = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted().toList();
        return respond(uri, 400, "The request is not valid.", details).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(uri, 404, "There is nothing at this address.", List.of()).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        String message = status >= 500 ? "Something went wrong on our side." : messageFor(status);
        return respond(uri, status, message, List.of()).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(uri, 500, "Something went wrong on our side. Please try again.", List.of()).build();
    }

    static String messageFor(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood. If you sent a form, reload the page and try again.";
            case 401 -> "Please log in first.";
            case 403 -> "You are not allowed to do that.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 413 -> "What you sent is too large.";
            case 415 -> "This content type is not accepted here.";
            case 429 -> "Too many requests. Please slow down.";
            default -> "The request was refused.";
        };
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("api/");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    static Response.ResponseBuilder respond(UriInfo uri, int status, String message, List<String> details) {
        if (isApi(uri.getPath())) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message, details));
        }
        String title = switch (status) {
            case 404 -> "Not found";
            case 403 -> "Not allowed";
            case 401 -> "Log in first";
            case 429 -> "Slow down";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
        String text = details.isEmpty() ? message : message + " " + String.join("; ", details);
        TemplateInstance page = Templates.error(status, title, text);
        if (!BlockingOperationControl.isBlockingAllowed()) {
            // An unmatched address fails before a worker thread is involved: no database for the page's extras.
            page.data("minimal", true);
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page);
    }
}
