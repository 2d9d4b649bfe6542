package org.qasite.live;

import java.util.Map;

import org.qasite.events.Position;

/**
 * One change of a question page at a stream position, as the frames that bring it to its readers, each encoded once:
 * the frame for most readers, and the frames of the few members who see the post otherwise (the question's author
 * sees an accept button, a post's author cannot vote on it).
 */
record PostChange(Position position, String forOthers, Map<Long, String> forMembers) {

    /** A change that looks the same to every reader. */
    static PostChange same(Position position, String frame) {
        return new PostChange(position, frame, Map.of());
    }

    /** The frame for the member whose page it is (null: a visitor). */
    String jsonFor(Long memberId) {
        return memberId == null ? forOthers : forMembers.getOrDefault(memberId, forOthers);
    }
}
