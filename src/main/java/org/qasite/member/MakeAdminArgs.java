package org.qasite.member;

/** The arguments of {@code make-admin [--revoke] USERNAME}. */
public record MakeAdminArgs(String username, boolean revoke) {

    public static final String COMMAND = "make-admin";
    public static final String USAGE = "usage: make-admin [--revoke] USERNAME\n"
            + "  Gives the member USERNAME the administrator role (the stream dashboard at /admin/streams).\n"
            + "  --revoke  takes the role away again";

    /** Parses the arguments after the command name; a problem throws with a message for the user. */
    public static MakeAdminArgs parse(String... args) {
        String username = null;
        boolean revoke = false;
        for (String arg : args) {
            if (arg.equals("--revoke")) {
                revoke = true;
            } else if (!arg.startsWith("-") && !arg.isBlank() && username == null) {
                username = arg.strip();
            } else {
                throw new IllegalArgumentException("make-admin: unexpected argument '" + arg + "'\n" + USAGE);
            }
        }
        if (username == null) {
            throw new IllegalArgumentException("make-admin: the username is missing\n" + USAGE);
        }
        return new MakeAdminArgs(username, revoke);
    }
}
