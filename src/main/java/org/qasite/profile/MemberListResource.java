package org.qasite.profile;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;
import org.qasite.web.page.Pager;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** /users: the members, with what they posted and earned, linked to their profiles. */
@Path("/users")
@Produces(MediaType.TEXT_HTML)
public class MemberListResource {

    static final int MEMBERS_PER_PAGE = 36;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<MemberActivity> members, Pager pager, String q, String sort);
    }

    private final MemberDirectory directory;

    MemberListResource(MemberDirectory directory) {
        this.directory = directory;
    }

    @GET
    public TemplateInstance users(@RestQuery String q, @RestQuery String sort, @RestQuery String page) {
        String prefix = MemberDirectory.prefix(q);
        MemberDirectory.Sort order = MemberDirectory.Sort.parse(sort);
        Pager pager = Pager.of(page, directory.count(prefix), MEMBERS_PER_PAGE, "/users",
                Pager.query("q", q == null ? null : q.strip(), "sort", order == MemberDirectory.Sort.NAME ? "name" : null));
        return Templates.users(directory.list(prefix, order, pager.panache()), pager, q == null ? "" : q.strip(),
                order == MemberDirectory.Sort.NAME ? "name" : "newest");
    }
}
