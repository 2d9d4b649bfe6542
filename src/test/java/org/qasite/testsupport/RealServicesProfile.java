package org.qasite.testsupport;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The real mail path: the mailer sends over SMTP (maildev) instead of into the mock mailbox, and the mailer and the
 * {@code streams} Redis client reach their servers through proxies a test can cut ({@link ProxiedServices}).
 */
public class RealServicesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.mailer.mock", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProxiedServices.class));
    }
}
