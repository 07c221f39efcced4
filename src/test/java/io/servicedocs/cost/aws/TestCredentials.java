package io.servicedocs.cost.aws;

import java.util.HashMap;
import java.util.Map;

/**
 * Test credentials and region for the AWS SDK's default chains, given as system properties as a
 * user's environment would give them; the instance metadata service is never asked. Install
 * before the commands run, restore after.
 */
public final class TestCredentials {

    private static final Map<String, String> PROPERTIES = Map.of(
            "aws.accessKeyId", "AKIDTEST",
            "aws.secretAccessKey", "secret",
            "aws.region", "us-east-1",
            "aws.disableEc2Metadata", "true");

    private final Map<String, String> saved = new HashMap<>();

    /** Sets the properties, keeping the values they had. */
    public static TestCredentials install() {
        TestCredentials credentials = new TestCredentials();
        PROPERTIES.forEach((key, value) -> credentials.saved.put(key, System.setProperty(key, value)));
        return credentials;
    }

    /** Puts the properties back as they were before {@link #install()}. */
    public void restore() {
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }
}
