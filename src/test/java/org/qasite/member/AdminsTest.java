package org.qasite.member;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/** What the make-admin command does to the database, and what it tells the operator. */
@QuarkusTest
class AdminsTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    /** The role as the database holds it, which is what the next request of the member sees. */
    boolean isAdminInDatabase(Member member) {
        return data.count("SELECT count(*) FROM member WHERE id = ?1 AND role = 'admin'", member.id) == 1;
    }

    @Test
    void grantsTheRoleOnceAndSaysSoTheSecondTime() {
        Member member = data.member("first-admin");
        Admins.Change granted = admins.grant(member.username);
        assertThat(granted.outcome(), equalTo(Admins.Outcome.GRANTED));
        assertThat(granted.failed(), equalTo(false));
        assertThat(granted.message(), containsString(member.username + " is now an administrator"));
        assertThat(isAdminInDatabase(member), equalTo(true));

        Admins.Change again = admins.grant(member.username.toUpperCase());
        assertThat(again.outcome(), equalTo(Admins.Outcome.ALREADY_ADMIN));
        assertThat(again.failed(), equalTo(false));
        assertThat(again.message(), equalTo(member.username + " is an administrator already; nothing changed."));
        assertThat(isAdminInDatabase(member), equalTo(true));
    }

    @Test
    void anUnknownMemberIsAFailureWithAMessageAndNothingChanges() {
        long before = data.count("SELECT count(*) FROM member WHERE role = 'admin'");
        Admins.Change change = admins.grant("nobody-" + System.nanoTime());
        assertThat(change.outcome(), equalTo(Admins.Outcome.NO_SUCH_MEMBER));
        assertThat(change.failed(), equalTo(true));
        assertThat(change.message(), containsString("There is no member \u201Cnobody-"));
        assertThat(admins.grant("a\u0000b").outcome(), equalTo(Admins.Outcome.NO_SUCH_MEMBER));
        assertThat(admins.revoke("x").failed(), equalTo(true));
        assertThat(data.count("SELECT count(*) FROM member WHERE role = 'admin'"), equalTo(before));
    }

    @Test
    void revokeTakesTheRoleAway() {
        Member admin = data.admin("former-admin");
        Admins.Change revoked = admins.revoke(admin.username);
        assertThat(revoked.outcome(), equalTo(Admins.Outcome.REVOKED));
        assertThat(revoked.message(), equalTo(admin.username + " is no longer an administrator."));
        assertThat(isAdminInDatabase(admin), equalTo(false));
        assertThat(admins.revoke(admin.username).outcome(), equalTo(Admins.Outcome.NOT_ADMIN));
    }
}
