package org.qasite.member;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A write that fails (two sign-ups for one name at the same moment: the second insert breaks the unique key) is logged
 * with its driver's message. That message must not carry what the statement wrote: the email address and the password
 * hash of the member.
 */
@QuarkusTest
class FailedWriteMessageTest {

    @Inject
    TestData data;

    @Inject
    DataSource dataSource;

    @Test
    void aFailedInsertOfAMemberSaysWhichKeyButNotTheValuesWritten() throws SQLException {
        Member taken = data.member("taken");
        String email = TestData.uniqueName("secret") + "@example.com";
        String hash = "$2a$12$" + "h".repeat(53);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO member (username, email,"
                        + " display_name, password_hash) VALUES (?, ?, ?, ?)")) {
            // As Hibernate sends it: a batch of one.
            insert.setString(1, taken.username);
            insert.setString(2, email);
            insert.setString(3, "Someone");
            insert.setString(4, hash);
            insert.addBatch();
            BatchUpdateException failed = assertThrows(BatchUpdateException.class, insert::executeBatch);
            for (SQLException e = failed; e != null; e = e.getNextException()) {
                assertThat(e.getMessage(), containsString("member_username_key"));
                assertThat(e.getMessage(), not(containsString(email)));
                assertThat(e.getMessage(), not(containsString(hash)));
                assertThat(e.getMessage(), not(containsString(taken.username)));
            }
        }
    }
}
