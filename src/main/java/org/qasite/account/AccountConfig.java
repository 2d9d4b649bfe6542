package org.qasite.account;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the links of account mails stay valid. */
@ConfigMapping(prefix = "qa.account")
public interface AccountConfig {

    /** A password reset link: short, because whoever reads the mail can take over the account. */
    @WithDefault("1h")
    Duration resetLinkLifetime();

    /** A link that confirms an email address. */
    @WithDefault("24h")
    Duration verificationLinkLifetime();
}
