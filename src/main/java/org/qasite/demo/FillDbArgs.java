package org.qasite.demo;

/** The arguments of {@code fill-db N [--if-empty]}. */
public record FillDbArgs(int ratio, boolean ifEmpty) {

    public static final String COMMAND = "fill-db";
    public static final String USAGE = "usage: fill-db N [--if-empty]\n"
            + "  Adds N members, N tags, 10*N questions, 100*N answers and 200*N votes of demo data.\n"
            + "  --if-empty  do nothing when the database has members already";

    /** Parses the arguments after the command name; a problem throws with a message for the user. */
    public static FillDbArgs parse(String... args) {
        Integer ratio = null;
        boolean ifEmpty = false;
        for (String arg : args) {
            if (arg.equals("--if-empty")) {
                ifEmpty = true;
            } else if (arg.matches("[0-9]{1,9}") && ratio == null) {
                ratio = Integer.parseInt(arg);
            } else {
                throw new IllegalArgumentException("fill-db: unexpected argument '" + arg + "'\n" + USAGE);
            }
        }
        if (ratio == null) {
            throw new IllegalArgumentException("fill-db: the ratio N is missing\n" + USAGE);
        }
        if (ratio < 1 || ratio > DemoDataFiller.MAX_RATIO) {
            throw new IllegalArgumentException(
                    "fill-db: N must be between 1 and " + DemoDataFiller.MAX_RATIO + ", not " + ratio + "\n" + USAGE);
        }
        return new FillDbArgs(ratio, ifEmpty);
    }
}
