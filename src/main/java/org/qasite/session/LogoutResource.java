package org.qasite.session;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.QuestionMsg;
import org.qasite.text.i18n.Refusals;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /logout} ends this session on the server, so that a copy of its cookie is worth nothing;
 * {@code POST /settings/sessions/end} ends every session of the member ("log out everywhere");
 * {@code POST /settings/sessions/{id}/end} ends one of them (the "End" beside it on the settings page).
 */
@Path("/")
public class LogoutResource {

    private final SecurityIdentity identity;
    private final Sessions sessions;
    private final SessionCookies cookies;

    LogoutResource(SecurityIdentity identity, Sessions sessions, SessionCookies cookies) {
        this.identity = identity;
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(RoutingContext ctx) {
        UUID session = SessionIdentity.sessionId(identity);
        if (session != null) {
            sessions.end(session);
        }
        cookies.forget(ctx);
        return Response.seeOther(URI.create("/")).cookie(Flash.set(ReaderLocale.wordsNow(QuestionMsg.class).logged_out()))
                .build();
    }

    @POST
    @Path("settings/sessions/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endAll(RoutingContext ctx) {
        Long member = SessionIdentity.memberId(identity);
        if (member == null) {
            return LoginRedirect.to(ReaderLocale.words().sessions_login(), "/settings");
        }
        int ended = sessions.endAll(member);
        cookies.forget(ctx);
        return Response.seeOther(URI.create("/login"))
                .cookie(Flash.set(ReaderLocale.words().flash_logged_out_everywhere(ended))).build();
    }

    @POST
    @Path("settings/sessions/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endOne(@RestPath String id, RoutingContext ctx) {
        Long member = SessionIdentity.memberId(identity);
        if (member == null) {
            return LoginRedirect.to(ReaderLocale.words().sessions_login(), "/settings");
        }
        UUID session = parse(id);
        // another member's session is answered like one that does not exist: ids tell nothing about others
        if (session == null || !sessions.endOwn(member, session)) {
            throw QaException.notFound(Refusals.now().no_session());
        }
        if (session.equals(SessionIdentity.sessionId(identity))) {
            cookies.forget(ctx);
            return Response.seeOther(URI.create("/")).cookie(Flash.set(ReaderLocale.wordsNow(QuestionMsg.class).logged_out()))
                    .build();
        }
        return Response.seeOther(URI.create("/settings")).cookie(Flash.set(ReaderLocale.words().flash_session_ended())).build();
    }

    private static UUID parse(String id) {
        try {
            UUID parsed = UUID.fromString(id);
            // UUID.fromString takes shortened forms too ("1-1-1-1-1"); only the one way of writing an id is one
            return parsed.toString().equalsIgnoreCase(id) ? parsed : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
