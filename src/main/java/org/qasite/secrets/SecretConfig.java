package org.qasite.secrets;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "qa.secrets")
interface SecretConfig {

    /**
     * The site's one secret (QA_SESSION_KEY), at least 32 characters: every key the site uses is derived from it, one
     * per purpose. Every instance must share it; changing it logs everyone out and voids the links in sent mail.
     */
    String key();
}
