package org.qasite.health;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The readiness checks of Redis and the SMTP server, which report their state without failing readiness. */
@ConfigMapping(prefix = "qa.health")
public interface HealthConfig {

    /** How long a Redis {@code PING} may take before the role is reported down. */
    @WithDefault("500ms")
    Duration redisTimeout();

    /** How long connecting to the SMTP server and reading its greeting may take. */
    @WithDefault("2s")
    Duration smtpTimeout();

    /** How long an SMTP probe's result is reused, so that frequent readiness polls do not each open a connection. */
    @WithDefault("30s")
    Duration smtpCheckInterval();
}
