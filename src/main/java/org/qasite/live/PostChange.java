package org.qasite.live;

import java.util.HashMap;
import java.util.Map;

import org.qasite.events.Position;

/**
 * One change of a question page at a stream position, as the frames that bring it to its readers, each encoded once (to UTF-8
 * too):
 * the frame for most readers, and the frames of the few members who see the post otherwise (the question's author
 * sees an accept button, a post's author cannot vote on it).
 */
record PostChange(Position position, LiveFrame forOthers, Map<Long, LiveFrame> forMembers) {

    /** A change that looks the same to every reader. */
    static PostChange same(Position position, String frame) {
        return new PostChange(position, LiveFrame.of(frame), Map.of());
    }

    /** The change from its JSON frames: the one for most readers, and those of members who see it otherwise. */
    static PostChange of(Position position, String forOthers, Map<Long, String> forMembers) {
        LiveFrame others = LiveFrame.of(forOthers);
        Map<Long, LiveFrame> members = new HashMap<>();
        forMembers.forEach((member, frame) -> members.put(member, frame.equals(forOthers) ? others : LiveFrame.of(frame)));
        return new PostChange(position, others, Map.copyOf(members));
    }

    /** The frame for the member whose page it is (null: a visitor). */
    LiveFrame frameFor(Long memberId) {
        return memberId == null ? forOthers : forMembers.getOrDefault(memberId, forOthers);
    }
}
