package org.qasite.web.error;

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.RefusalMsg;
import org.qasite.text.i18n.Refusals;
import org.qasite.web.i18n.ReaderLocale;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.BlockingOperationControl;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

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
        return refusal(e, uri);
    }

    /** The answer to a refusal, for a resource that maps an exception itself (a role the member does not have). */
    public static Response refusal(QaException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(uri, e.status(), e.getMessage(), e.details(), true);
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, QaException.wholeSeconds(e.retryAfter()));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<String> details = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted().toList();
        return respond(uri, 400, Refusals.now().invalid_request(), details, true).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(uri, 404, Refusals.now().not_found(), List.of(), false).build();
    }

    /** A body that cannot be decoded (broken %-escapes in a form, for example). */
    @ServerExceptionMapper
    public Response undecodable(IllegalArgumentException e, UriInfo uri) {
        if (e.getMessage() == null || !e.getMessage().contains("decode")) {
            return unexpected(e, uri); // a fault of ours, not of the request
        }
        Log.debugf("Undecodable request to %s: %s", uri.getPath(), e.getMessage());
        return respond(uri, 400, messageFor(400, isApi(uri.getPath())), List.of(), false).build();
    }

    /**
     * A form that the HTTP layer's own reader cannot decode (the login form is read there, not by a resource): a broken
     * %-escape, more fields than any form of the site has, a field past the size limit. The sender's fault, not ours.
     */
    @ServerExceptionMapper
    public Response undecodableForm(DecoderException e, UriInfo uri) {
        Log.debugf("Undecodable form to %s: %s", uri.getPath(), e.toString());
        boolean api = isApi(uri.getPath());
        if (e instanceof HttpPostRequestDecoder.TooLongFormFieldException) {
            return respond(uri, 413, messageFor(413, api), List.of(), false).build();
        }
        String message = e instanceof HttpPostRequestDecoder.TooManyFormFieldsException
                ? Refusals.now().too_many_fields()
                : messageFor(400, api);
        return respond(uri, 400, message, List.of(), false).build();
    }

    /** A form or JSON body in a charset this site cannot read ({@code charset=bogus}): refused as its type is. */
    @ServerExceptionMapper({ UnsupportedCharsetException.class, IllegalCharsetNameException.class })
    public Response unknownCharset(IllegalArgumentException e, UriInfo uri) {
        return respond(uri, 415, Refusals.now().unknown_charset(), List.of(), false).build();
    }

    /** JSON that is broken or of the wrong shape ({"value": 1.7} where a whole number belongs). */
    @ServerExceptionMapper
    public Response unreadableJson(JacksonException e, UriInfo uri) {
        return respond(uri, 400, messageFor(400, true), jsonDetails(e), false).build();
    }

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.{1,100}?)'");

    /** What the client can fix, where Jackson says it in the client's terms (a property given twice); else nothing. */
    static List<String> jsonDetails(JacksonException e) {
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        return duplicate.find() ? List.of(duplicate.group(1) + ": given more than once")
                : List.of();
    }

    /** Takes over from the built-in mapper, which describes the Java class in test and dev mode. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        if (e.getCause() instanceof JacksonException json) { // broken JSON, as the JSON reader reports it
            return unreadableJson(json, uri);
        }
        String message = status >= 500 ? Refusals.now().server_error() : messageFor(status, isApi(uri.getPath()));
        return respond(uri, status, message, List.of(), false).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(uri, 500, Refusals.now().server_error_try_again(), List.of(), false).build();
    }

    /** In the reader's language on a page, in English for the API (and outside a request). */
    static String messageFor(int status, boolean api) {
        RefusalMsg words = Refusals.now();
        return switch (status) {
            case 400 -> api ? words.bad_json() : words.bad_request();
            case 401 -> words.login_first();
            case 403 -> words.forbidden();
            case 404 -> words.not_found();
            case 405 -> words.method_not_allowed();
            case 413 -> words.too_large();
            case 415 -> words.unsupported_type();
            case 429 -> words.too_many_requests();
            default -> words.refused();
        };
    }

    /** The error page without the parts that need the database or the session: safe on an I/O thread. */
    static String minimalPage(int status, String title, String message) {
        return Templates.error(status, title, message).data("minimal", true).render();
    }

    /**
     * Answers a request on the Vert.x layer, before or outside the resources, as they would: JSON under {@code /api/},
     * the error page (without the parts that need the database) elsewhere.
     */
    public static void refuse(RoutingContext ctx, boolean api, int status, String message) {
        String body;
        String contentType;
        if (api) {
            body = Json.encode(new ApiError(message, List.of()));
            contentType = "application/json";
        } else {
            RefusalMsg words = Refusals.of(ReaderLocale.current());
            body = minimalPage(status, status == 404 ? words.title_not_found() : words.title_refused(), message);
            contentType = "text/html;charset=UTF-8";
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body);
    }

    public static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("api/");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /**
     * @param full whether the error page may show the member's menu and the right column: only for refusals from a
     *        resource method, where the database and the CSRF token of the logout form are at hand
     */
    static Response.ResponseBuilder respond(UriInfo uri, int status, String message, List<String> details,
            boolean full) {
        if (isApi(uri.getPath())) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message, details));
        }
        RefusalMsg words = Refusals.now();
        String title = switch (status) {
            case 404 -> words.title_not_found();
            case 403 -> words.title_forbidden();
            case 401 -> words.title_login();
            case 429 -> words.title_slow_down();
            default -> status >= 500 ? words.title_server_error() : words.title_refused();
        };
        String text = details.isEmpty() ? message : message + " " + String.join("; ", details);
        TemplateInstance page = Templates.error(status, title, text);
        if (!full || !BlockingOperationControl.isBlockingAllowed()) {
            page.data("minimal", true);
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page);
    }
}
