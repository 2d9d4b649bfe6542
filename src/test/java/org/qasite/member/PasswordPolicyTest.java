package org.qasite.member;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The one check of a new password, as sign-up (and later a change or reset) uses it. In the running application: its
 * refusals' words come from the message bundles.
 */
@QuarkusTest
class PasswordPolicyTest {

    static final PasswordPolicy POLICY = new PasswordPolicy();

    static String problem(String password) {
        return POLICY.problem(password, "grace-hopper", "grace@example.org");
    }

    @Test
    void commonPasswordsAndNearMissesAreRefused() {
        for (String password : List.of("12345678", "password", "P@ssw0rd", "qwertyuiop", "iloveyou", "Summer2024",
                "letmein123", "abcdefgh", "11111111", "trustno1")) {
            assertThat(password, problem(password), startsWith("This password is too easy to guess"));
        }
    }

    @Test
    void aPasswordHoldingTheUsernameOrEmailIsRefused() {
        assertThat(problem("grace-hopper"), equalTo("The password must not contain your username."));
        assertThat(problem("GraceHopper1906!"), equalTo("The password must not contain your username."));
        assertThat(POLICY.problem("ann.lee-was-here", "someone", "Ann.Lee+qa@example.org"),
                equalTo("The password must not contain your email address."));
        assertThat(POLICY.problem("gracegrace", "grace", "g@example.org"),
                startsWith("The password must not contain your username."));
    }

    @Test
    void lengthIsCheckedInCharactersAndBytes() {
        assertThat(problem(""), equalTo("Choose a password."));
        assertThat(problem("short"), equalTo("The password must be 8 to 72 characters long."));
        assertThat(problem("x".repeat(73)), equalTo("The password must be 8 to 72 characters long."));
        assertThat(problem("\u00E9t\u00E9".repeat(20)), startsWith("The password is too long: at most 72 bytes"));
    }

    @Test
    void ordinaryPasswordsAreAccepted() {
        // the passwords the tests and scripts sign up with, and typical good ones
        for (String password : List.of(TestData.PASSWORD, "s3cret-pass", "browser-pass-1", "cluster-password",
                "two-instances-password", "kx7#pq2m", "Tr0ub4dor&3", "open-sesame-42",
                "\u043F\u0430\u0440\u043E\u043B\u044C-\u0441\u043B\u043E\u043D-42")) {
            assertThat(password, problem(password), nullValue());
        }
    }
}
