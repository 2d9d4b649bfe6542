package org.qasite.session;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How failed logins slow down guessing. Only failures count; past the free ones, each further try must wait twice as
 * long as the one before (from the last failure), up to a ceiling: never a hard lock that a stranger could use to shut
 * the owner out. (At least one failure is always free: a try made while waiting is no failure, so with none free the
 * waits could not be counted from anything; a setting below one stops the start, {@link LoginThrottle}.)
 */
@ConfigMapping(prefix = "qa.login")
public interface LoginConfig {

    /**
     * Failures older than this are forgotten. Longer than the doubling takes to reach {@link #maxDelay()} (about 17
     * minutes from one second), or the ceiling would never be reached.
     */
    @WithDefault("1H")
    Duration failureWindow();

    /** Failures on one name from one address (or browser) before the delays start. */
    @WithDefault("5")
    int freeFailures();

    /** The longest wait for one address on one name: guessing from one machine stays slow. */
    @WithDefault("15M")
    Duration maxDelay();

    /**
     * Failures on one name from all addresses together before the delays start for addresses and browsers that never
     * logged in to the account; those that did are not slowed by others' failures.
     */
    @WithDefault("20")
    int freeFailuresPerName();

    /**
     * The longest wait that failures from everywhere impose on a new address: about one guess a minute for a botnet,
     * and at most this long for the owner on a new device.
     */
    @WithDefault("1M")
    Duration maxDelayPerName();

    /**
     * Failures from one address on any names before the delays start for it: trying many names from one machine (each
     * try costs the server a bcrypt) is slowed down too.
     */
    @WithDefault("30")
    int freeFailuresPerAddress();

    /** The first wait once the free failures are used; each further failure doubles it. */
    @WithDefault("1S")
    Duration firstDelay();

    /** How long an address or browser that logged in to an account is remembered as the owner's. */
    @WithDefault("P90D")
    Duration knownDeviceLifetime();

    /** The cookie that lets a browser that logged in before be recognised (a random id, stored only as a keyed hash). */
    @WithDefault("qa-device")
    String deviceCookieName();
}
