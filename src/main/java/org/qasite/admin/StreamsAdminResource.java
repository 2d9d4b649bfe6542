package org.qasite.admin;

import java.net.URI;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.qasite.member.Member;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.AdminMsg;
import org.qasite.text.i18n.Messages;
import org.qasite.web.error.ErrorMapper;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The stream dashboard page and its dead-letter buttons, for administrators. */
@Path("/admin/streams")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Member.ROLE_ADMIN)
public class StreamsAdminResource {

    static final String PATH = "/admin/streams";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance streams(StreamDashboard.Dashboard view, ThroughputChart chart);
    }

    private final StreamDashboard dashboard;
    private final DeadLetterActions deadLetters;

    StreamsAdminResource(StreamDashboard dashboard, DeadLetterActions deadLetters) {
        this.dashboard = dashboard;
        this.deadLetters = deadLetters;
    }

    @GET
    public TemplateInstance streams() {
        StreamDashboard.Dashboard view = dashboard.read();
        Locale reader = ReaderLocale.current();
        return Templates.streams(view, ThroughputChart.of(view.throughput(),
                ThroughputChart.Words.of(Messages.bundle(AdminMsg.class, reader), reader)));
    }

    @POST
    @Path("dlq/{entryId}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@RestPath String entryId) {
        return backToDashboard(deadLetters.retry(entryId));
    }

    @POST
    @Path("dlq/{entryId}/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response discard(@RestPath String entryId) {
        return backToDashboard(deadLetters.discard(entryId));
    }

    private static Response backToDashboard(DeadLetterActions.Action action) {
        return Response.seeOther(URI.create(PATH)).cookie(Flash.set(action.message())).build();
    }

    /** A visitor: to the login page, and back here once logged in, as on every page that needs a member. */
    @ServerExceptionMapper
    Response notLoggedIn(UnauthorizedException e) {
        return LoginRedirect.to(ReaderLocale.wordsNow(AdminMsg.class).login_needed(), PATH);
    }

    /**
     * A member without the role. The role is checked before the request reaches the resource, on the I/O thread, so
     * the error page comes without the member's menu (it would need the database and the form token).
     */
    @ServerExceptionMapper
    Response notAdmin(ForbiddenException e, UriInfo uri) {
        return ErrorMapper.refusal(QaException.forbidden(ReaderLocale.wordsNow(AdminMsg.class).admins_only()), uri);
    }
}
