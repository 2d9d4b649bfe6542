package org.qasite.live;

/** Lets tests outside this package drop connections the way a restarting instance does, which the site never exposes. */
public final class LiveRooms {

    private LiveRooms() {
    }

    /** Closes the server side of every live connection to the question ("going away"); their clients reconnect. */
    public static void dropConnections(Rooms rooms, long questionId) {
        rooms.viewers(questionId).forEach(viewer -> viewer.close(Viewer.GOING_AWAY));
    }
}
