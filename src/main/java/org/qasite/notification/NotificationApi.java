package org.qasite.notification;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.qasite.member.CurrentMember;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.LoginAction;
import org.qasite.web.page.Pager;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationApi {

    /** The most ids one request may mark read; "all" needs none. */
    static final int MAX_IDS = 100;

    public record Actor(String username, String displayName) {
    }

    /** One notification; {@code kind} is one of answer, followed-answer, comment, mention, accepted, tag-question. */
    public record NotificationView(long id, String kind, String url, long questionId, String questionTitle,
            Long answerId, Long commentId, Actor actor, Instant createdAt, boolean unread) {

        static NotificationView of(Inbox.Item item) {
            return new NotificationView(item.id(), item.kind().wireName, item.url(), item.questionId(),
                    item.questionTitle(), item.answerId(), item.commentId(),
                    new Actor(item.actorUsername(), item.actorName()), item.createdAt(), item.unread());
        }
    }

    public record InboxPage(List<NotificationView> items, long unread, int page, int pages) {
    }

    /** {@code ids}: the notifications to mark read; absent or empty, all of them. */
    public record ReadRequest(List<Long> ids) {
    }

    public record Unread(long unread) {
    }

    private final CurrentMember me;
    private final Inbox inbox;
    private final NotificationsConfig config;

    NotificationApi(CurrentMember me, Inbox inbox, NotificationsConfig config) {
        this.me = me;
        this.inbox = inbox;
        this.config = config;
    }

    @GET
    @Operation(summary = "The member's notifications, newest first, with the unread count")
    public InboxPage list(@RestQuery String page) {
        long member = me.require(LoginAction.NOTIFICATIONS).id;
        Pager pager = Pager.of(page, inbox.count(member), config.pageSize(), InboxResource.PATH, null);
        List<NotificationView> items = inbox.list(member, (pager.page() - 1) * pager.size(), pager.size()).stream()
                .map(NotificationView::of).toList();
        return new InboxPage(items, inbox.unread(member), pager.page(), pager.pages());
    }

    @POST
    @Path("read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark notifications read: those of ids, or all of them without ids; answers the unread count")
    public Unread markRead(ReadRequest request) {
        long member = me.require(LoginAction.MARK_READ).id;
        List<Long> ids = request == null || request.ids() == null ? List.of() : request.ids();
        if (ids.stream().anyMatch(Objects::isNull)) {
            throw QaException.badRequest("ids must be notification ids (numbers), without null.");
        }
        if (ids.size() > MAX_IDS) {
            throw QaException.badRequest("At most " + MAX_IDS + " ids at a time; send none to mark all read.");
        }
        inbox.markRead(member, ids);
        return new Unread(inbox.unread(member));
    }
}
