package org.qasite.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.qasite.member.Member;
import org.qasite.refusal.QaException;
import org.qasite.web.error.ErrorMapper;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The stream dashboard's data and dead-letter actions as JSON, for administrators. */
@Path("/api/v1/admin/streams")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Member.ROLE_ADMIN)
@Tag(name = "Administration")
public class StreamsAdminApi {

    private final StreamDashboard dashboard;
    private final DeadLetterActions deadLetters;

    StreamsAdminApi(StreamDashboard dashboard, DeadLetterActions deadLetters) {
        this.dashboard = dashboard;
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "Consumer groups of the event stream, outbox and mail backlogs, dead letters and the "
            + "throughput of the last hour (administrators)")
    public StreamDashboard.Dashboard get() {
        return dashboard.read();
    }

    @POST
    @Path("dlq/{entryId}/retry")
    @Operation(summary = "Put a dead letter's event back on the event stream and remove it from the dead letters "
            + "(administrators). Every consumer group sees the event again; handlers skip events they handled already.")
    @APIResponse(responseCode = "200", description = "Retried; newEntryId is its id on the event stream")
    @APIResponse(responseCode = "404", description = "No such dead letter")
    @APIResponse(responseCode = "409", description = "The dead letter lacks event fields and can only be discarded")
    public DeadLetterActions.Action retry(@RestPath String entryId) {
        return deadLetters.retry(entryId);
    }

    @POST
    @Path("dlq/{entryId}/discard")
    @Operation(summary = "Delete a dead letter for good (administrators)")
    @APIResponse(responseCode = "200", description = "Discarded")
    @APIResponse(responseCode = "404", description = "No such dead letter")
    public DeadLetterActions.Action discard(@RestPath String entryId) {
        return deadLetters.discard(entryId);
    }

    @ServerExceptionMapper
    Response notLoggedIn(UnauthorizedException e, UriInfo uri) {
        return ErrorMapper.refusal(QaException.unauthorized("Log in with an administrator's account first."), uri);
    }

    @ServerExceptionMapper
    Response notAdmin(ForbiddenException e, UriInfo uri) {
        return ErrorMapper.refusal(QaException.forbidden("Only administrators may use the stream dashboard."), uri);
    }
}
