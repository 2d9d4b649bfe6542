package org.qasite.health;

/** How the readiness checks word the state of a service the site can run without for a while. */
final class Dependency {

    static final String STATE = "state";
    static final String UP = "up";
    static final String DOWN = "down";

    private Dependency() {
    }

    /** {@code down: <why>}, short enough for a health response. */
    static String down(Throwable e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return DOWN + ": " + (why.length() > 200 ? why.substring(0, 200) : why);
    }
}
