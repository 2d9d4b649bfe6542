package org.qasite.member;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qa.member")
public interface MemberConfig {

    /** bcrypt cost (log2 rounds) for new password hashes. */
    @WithDefault("12")
    int bcryptCost();

    /** The largest avatar picture accepted. */
    @WithDefault("1M")
    MemorySize avatarMaxSize();
}
