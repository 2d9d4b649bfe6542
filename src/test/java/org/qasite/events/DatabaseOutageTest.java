package org.qasite.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.ConnectException;
import java.sql.SQLException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Which handler failures are an unreachable database (retried in place) and which are the entry's own. */
class DatabaseOutageTest {

    @Test
    void connectionFailuresAreAnOutage() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));
        assertThat(EntryHandling.isDatabaseUnreachable(
                new JDBCConnectionException("Unable to acquire JDBC Connection", refused)), equalTo(true));
        assertThat(EntryHandling.isDatabaseUnreachable(new SQLException("terminating connection", "57P01")),
                equalTo(true));
    }

    @Test
    void otherFailuresAreTheEntrys() {
        assertThat(EntryHandling.isDatabaseUnreachable(new IllegalArgumentException("malformed payload")),
                equalTo(false));
        assertThat(EntryHandling.isDatabaseUnreachable(
                new RuntimeException(new SQLException("duplicate key value", "23505"))), equalTo(false));
    }
}
