package org.qasite.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The ids a demo run takes, above everything each table used: the run's rows get base + 1, base + 2, and so on. */
record DemoIds(long member, long tag, long question, long answer) {

    /** Reserves the ids for the given ratio: N members, N tags, 10·N questions and 100·N answers. */
    static DemoIds reserve(Connection connection, int ratio) throws SQLException {
        long member = reserve(connection, "member", ratio);
        long tag = reserve(connection, "tag", ratio);
        long question = reserve(connection, "question", 10 * ratio);
        long answer = reserve(connection, "answer", 100 * ratio);
        return new DemoIds(member, tag, question, answer);
    }

    /**
     * Returns the highest id used or handed out in the table, and moves its sequence past the {@code count} ids that
     * follow. Setting the sequence first (setval is not undone by a rollback) keeps the site, if it runs meanwhile, from
     * taking one of those ids; a failed run only leaves a gap.
     */
    private static long reserve(Connection connection, String table, int count) throws SQLException {
        long base;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT greatest((SELECT coalesce(max(id), 0) FROM " + table
                        + "), (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM " + table
                        + "_id_seq))")) {
            rs.next();
            base = rs.getLong(1);
        }
        try (PreparedStatement setval = connection.prepareStatement("SELECT setval(?::regclass, ?)")) {
            setval.setString(1, table + "_id_seq");
            setval.setLong(2, base + count);
            setval.execute();
        }
        return base;
    }
}
