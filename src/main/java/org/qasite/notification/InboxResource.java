package org.qasite.notification;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.qasite.member.CurrentMember;
import org.qasite.member.Member;
import org.qasite.refusal.Ids;
import org.qasite.text.i18n.LoginAction;
import org.qasite.text.i18n.Refusals;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.LoginRedirect;
import org.qasite.web.page.Pager;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The member's inbox: their notifications, newest first, and marking one or all of them read. */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

    static final String PATH = "/notifications";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<Inbox.Item> items, Pager pager, long unread);

        /** One item of the list, as the page shows it and live pages receive it. */
        static native TemplateInstance inbox$item(Inbox.Item item, int page);
    }

    private final CurrentMember me;
    private final Inbox inbox;
    private final NotificationsConfig config;

    InboxResource(CurrentMember me, Inbox inbox, NotificationsConfig config) {
        this.me = me;
        this.inbox = inbox;
        this.config = config;
    }

    @GET
    public Response show(@RestQuery String page) {
        Member member = me.get().orElse(null);
        if (member == null) {
            return LoginRedirect.to(Refusals.loginTo(LoginAction.NOTIFICATIONS), PATH);
        }
        Pager pager = Pager.of(page, inbox.count(member.id), config.pageSize(), PATH, null);
        List<Inbox.Item> items = inbox.list(member.id, (pager.page() - 1) * pager.size(), pager.size());
        return Response.ok(Templates.inbox(items, pager, inbox.unread(member.id))).build();
    }

    /** Marks the notification {@code id} read, or all of them without it, and goes back to the page it was sent from. */
    @POST
    @Path("read")
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Response markRead(@RestForm String id, @RestForm String page) {
        Member member = me.get().orElse(null);
        if (member == null) {
            return LoginRedirect.to(Refusals.loginTo(LoginAction.NOTIFICATIONS), PATH);
        }
        boolean all = id == null || id.isBlank();
        inbox.markRead(member.id, all ? List.of() : List.of(Ids.parse(id.strip(), "notification")));
        return Response.seeOther(URI.create(back(page)))
                .cookie(Flash.set(ReaderLocale.browseWords().notifications_marked_read(all)))
                .build();
    }

    /** The inbox page the form was on: its number as the form sent it, when it is one. */
    private static String back(String page) {
        try {
            int n = page == null ? 1 : Integer.parseInt(page.strip());
            return n > 1 ? PATH + "?page=" + n : PATH;
        } catch (NumberFormatException e) {
            return PATH;
        }
    }

    /** The markup of one item for a page that receives it live (rendered without a request: its form has no token). */
    static String itemHtml(Inbox.Item item, Locale locale) {
        return Templates.inbox$item(item, 1).setLocale(locale).render();
    }
}
