package org.qasite.session;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The delays of failed logins, walked through at chosen times and from chosen addresses (the tests' own requests all
 * come from one address and cannot wait minutes).
 */
@QuarkusTest
class LoginThrottleTest {

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginConfig config;

    long first() {
        return config.firstDelay().toMillis();
    }

    /** A failed try at {@code at}: let through (and so counted), or null when it had to wait. */
    Duration fail(String name, LoginThrottle.Origin origin, long at) {
        return throttle.tryLogin(name, origin, UUID.randomUUID().toString(), at);
    }

    @Test
    void onlyFailuresCountAndEachOnePastTheFreeOnesDoublesTheWait() {
        String name = TestData.uniqueName("guess");
        LoginThrottle.Origin attacker = new LoginThrottle.Origin("203.0.113.7", null);
        long t = 1_000_000_000_000L;
        for (int i = 0; i < config.freeFailures(); i++) {
            assertThat(fail(name, attacker, t + i), nullValue());
        }
        long last = t + config.freeFailures() - 1;
        assertThat(fail(name, attacker, last + 10), equalTo(Duration.ofMillis(first() - 10)));
        // trying while held up is not a failure: the wait does not grow
        assertThat(fail(name, attacker, last + 20), equalTo(Duration.ofMillis(first() - 20)));
        long next = last + first();
        assertThat(fail(name, attacker, next), nullValue());
        assertThat(fail(name, attacker, next + 1), equalTo(Duration.ofMillis(2 * first() - 1)));
        long third = next + 2 * first();
        assertThat(fail(name, attacker, third), nullValue());
        assertThat(fail(name, attacker, third + 1), equalTo(Duration.ofMillis(4 * first() - 1)));
    }

    @Test
    void theWaitStopsGrowingAtItsCeiling() {
        String name = TestData.uniqueName("ceiling");
        LoginThrottle.Origin attacker = new LoginThrottle.Origin("203.0.113.8", null);
        long at = 1_000_000_000_000L;
        Duration longest = Duration.ZERO;
        // a failure each time one is allowed: the waits double up to the ceiling, and stay there
        for (int i = 0; i < config.freeFailures() + 10; i++) {
            Duration wait = fail(name, attacker, at);
            if (wait != null) {
                longest = wait.compareTo(longest) > 0 ? wait : longest;
                at += wait.toMillis();
                assertThat(fail(name, attacker, at), nullValue());
            }
            at++;
        }
        assertThat(longest, equalTo(config.maxDelay().minusMillis(1)));
    }

    @Test
    void failuresFromEverywhereDoNotHoldUpAnAddressOrBrowserThatLoggedInBefore() {
        String name = TestData.uniqueName("owner");
        long t = 1_000_000_000_000L;
        LoginThrottle.Origin home = new LoginThrottle.Origin("198.51.100.1", "homebrowser0123456789a");
        String ok = UUID.randomUUID().toString();
        assertThat(throttle.tryLogin(name, home, ok, t), nullValue());
        throttle.succeeded(name, home, ok);

        // a botnet: one failure from each of many addresses, none of them held up on its own
        for (int i = 0; i < config.freeFailuresPerName(); i++) {
            assertThat(fail(name, new LoginThrottle.Origin("192.0.2." + i, null), t + 1 + i), nullValue());
        }
        long after = t + config.freeFailuresPerName() + 1;
        // a new address now waits, at most the per-name ceiling
        Duration stranger = fail(name, new LoginThrottle.Origin("192.0.2.250", null), after);
        assertThat(stranger == null ? null : stranger.compareTo(config.maxDelayPerName()) <= 0, equalTo(true));
        // the owner's address, and the owner's browser on another network, go ahead
        assertThat(throttle.tryLogin(name, home, UUID.randomUUID().toString(), after), nullValue());
        assertThat(throttle.tryLogin(name, new LoginThrottle.Origin("233.252.0.9", "homebrowser0123456789a"),
                UUID.randomUUID().toString(), after), nullValue());
        // a made-up device id is no key
        assertThat(fail(name, new LoginThrottle.Origin("192.0.2.251", "madeupbrowser123456789"), after) != null,
                equalTo(true));
    }

    @Test
    void oneAddressTryingManyNamesIsHeldUpToo() {
        LoginThrottle.Origin sprayer = new LoginThrottle.Origin("203.0.113.99", null);
        long t = 1_000_000_000_000L;
        String prefix = TestData.uniqueName("spray");
        for (int i = 0; i < config.freeFailuresPerAddress(); i++) {
            assertThat(fail(prefix + "-" + i, sprayer, t + i), nullValue());
        }
        long last = t + config.freeFailuresPerAddress() - 1;
        assertThat(fail(prefix + "-new", sprayer, last + 1), equalTo(Duration.ofMillis(first() - 1)));
        // another address is not affected
        assertThat(fail(prefix + "-new", new LoginThrottle.Origin("203.0.113.100", null), last + 1), nullValue());
    }

    @Test
    void aRightLoginForgivesItsAddressFailures() {
        String name = TestData.uniqueName("typo");
        LoginThrottle.Origin home = new LoginThrottle.Origin("198.51.100.20", null);
        long t = 1_000_000_000_000L;
        for (int i = 0; i < config.freeFailures() - 1; i++) {
            assertThat(fail(name, home, t + i), nullValue());
        }
        String ok = UUID.randomUUID().toString();
        assertThat(throttle.tryLogin(name, home, ok, t + 10), nullValue());
        throttle.succeeded(name, home, ok);
        for (int i = 0; i < config.freeFailures(); i++) {
            assertThat(fail(name, home, t + 20 + i), nullValue());
        }
    }

    @Test
    void aKnownBrowserHasItsOwnCountAndNoStrangersFromItsAddressHoldItUp() {
        String name = TestData.uniqueName("shared");
        long t = 1_000_000_000_000L;
        // the owner's browser logs in from an address many people share
        LoginThrottle.Origin owner = new LoginThrottle.Origin("203.0.113.200", "ownerbrowser0123456789");
        String ok = UUID.randomUUID().toString();
        assertThat(throttle.tryLogin(name, owner, ok, t), nullValue());
        throttle.succeeded(name, owner, ok);
        // someone at the same address guesses the owner's password, and other names
        LoginThrottle.Origin neighbour = new LoginThrottle.Origin("203.0.113.200", null);
        for (int i = 0; i < config.freeFailures(); i++) {
            assertThat(fail(name, neighbour, t + 1 + i), nullValue());
        }
        assertThat(fail(name, neighbour, t + 10) != null, equalTo(true));
        // the owner's browser is not held up by that
        assertThat(fail(name, owner, t + 11), nullValue());
        // its own failures count for it alone: past the free ones it waits too
        for (int i = 1; i < config.freeFailures(); i++) {
            assertThat(fail(name, owner, t + 11 + i), nullValue());
        }
        assertThat(fail(name, owner, t + 20) != null, equalTo(true));
    }
}
