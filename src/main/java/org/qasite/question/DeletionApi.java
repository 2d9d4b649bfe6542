package org.qasite.question;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.qasite.member.CurrentMember;
import org.qasite.refusal.Ids;
import org.qasite.text.i18n.LoginAction;

/** Deleting and undeleting posts through the API: each answers 204 with no content. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deletion")
public class DeletionApi {

    private final CurrentMember me;
    private final PostDeletion deletion;

    DeletionApi(CurrentMember me, PostDeletion deletion) {
        this.me = me;
        this.deletion = deletion;
    }

    @DELETE
    @Path("questions/{id}")
    @Operation(summary = "Delete a question (its author, while no answer is upvoted or accepted)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteQuestion(@RestPath String id) {
        deletion.deleteQuestion(me.require(LoginAction.DELETE_QUESTION).id, Ids.parse(id, "question"));
    }

    @POST
    @Path("questions/{id}/undelete")
    @Operation(summary = "Undelete a question (its author)")
    @APIResponse(responseCode = "204", description = "Undeleted")
    public void undeleteQuestion(@RestPath String id) {
        deletion.undeleteQuestion(me.require(LoginAction.UNDELETE_QUESTION).id, Ids.parse(id, "question"));
    }

    @DELETE
    @Path("answers/{id}")
    @Operation(summary = "Delete an answer (its author)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteAnswer(@RestPath String id) {
        deletion.deleteAnswer(me.require(LoginAction.DELETE_ANSWER).id, Ids.parse(id, "answer"));
    }

    @POST
    @Path("answers/{id}/undelete")
    @Operation(summary = "Undelete an answer (its author)")
    @APIResponse(responseCode = "204", description = "Undeleted")
    public void undeleteAnswer(@RestPath String id) {
        deletion.undeleteAnswer(me.require(LoginAction.UNDELETE_ANSWER).id, Ids.parse(id, "answer"));
    }
}
