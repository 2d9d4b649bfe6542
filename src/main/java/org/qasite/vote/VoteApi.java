package org.qasite.vote;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.qasite.member.CurrentMember;
import org.qasite.refusal.Ids;
import org.qasite.text.i18n.LoginAction;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Votes")
public class VoteApi {

    /** 1 = up, -1 = down, 0 = withdraw. */
    public record VoteRequest(Integer value) {
    }

    private final CurrentMember me;
    private final VoteService votes;

    VoteApi(CurrentMember me, VoteService votes) {
        this.me = me;
        this.votes = votes;
    }

    @POST
    @Path("questions/{id}/vote")
    @Operation(summary = "Vote on a question: 1, -1, or 0 to withdraw; answers the new score")
    public VoteService.Result voteQuestion(@RestPath String id, VoteRequest request) {
        long memberId = me.require(LoginAction.VOTE).id;
        return votes.vote(VoteService.Target.QUESTION, Ids.parse(id, "question"), memberId,
                request == null ? null : request.value());
    }

    @POST
    @Path("answers/{id}/vote")
    @Operation(summary = "Vote on an answer: 1, -1, or 0 to withdraw; answers the new score")
    public VoteService.Result voteAnswer(@RestPath String id, VoteRequest request) {
        long memberId = me.require(LoginAction.VOTE).id;
        return votes.vote(VoteService.Target.ANSWER, Ids.parse(id, "answer"), memberId,
                request == null ? null : request.value());
    }
}
