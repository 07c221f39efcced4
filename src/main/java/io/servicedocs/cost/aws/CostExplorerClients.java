package io.servicedocs.cost.aws;

import io.servicedocs.net.AwsSdkLimits;
import io.servicedocs.net.NetworkLimits;
import io.servicedocs.net.NetworkLimits.Limit;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;

/** Builds the Cost Explorer client used in production, and the STS client its credentials may need. */
public final class CostExplorerClients {

    private CostExplorerClients() {
    }

    /** {@link #standard(Optional, NetworkLimits)} with {@link NetworkLimits#DEFAULT}. */
    public static CostExplorerClient standard(Optional<URI> endpoint) {
        return standard(endpoint, NetworkLimits.DEFAULT);
    }

    /**
     * A client with the SDK's default credentials chain (environment, system properties, web
     * identity, profile/SSO, container and instance roles), the default region chain or, when none
     * is configured, us-east-1 (where every commercial region's Cost Explorer endpoint is), the
     * JDK's HTTP client, and the SDK's standard retries of 5xx and throttling; LimitExceeded is
     * left to {@link CostExplorerFetcher}. {@code endpoint} overrides the endpoint (so does the
     * SDK's own AWS_ENDPOINT_URL). Every request runs under {@code limits} (connect, read,
     * request and call timeouts), and so do the STS requests of a web identity: see
     * {@link #credentials}.
     */
    public static CostExplorerClient standard(Optional<URI> endpoint, NetworkLimits limits) {
        Region region = defaultRegion();
        CostExplorerClientBuilder builder = limited(limits)
                .region(region)
                .credentialsProvider(credentials(limits, region));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** A builder with the HTTP client, timeouts and retries of {@code limits}, nothing else set. */
    static CostExplorerClientBuilder limited(NetworkLimits limits) {
        return AwsSdkLimits.limited(CostExplorerClient.builder(), limits);
    }

    /**
     * The SDK's default credentials chain, except that a web identity (AWS_WEB_IDENTITY_TOKEN_FILE
     * and AWS_ROLE_ARN, as on EKS or with an OIDC token in CI) is exchanged through an STS client
     * with the same limits as Cost Explorer's: the SDK's own would use its defaults, which do not
     * stop a server that trickles. Keys in system properties or the environment still come first,
     * as in the default chain; with a web identity configured, its failure is reported rather than
     * falling through to profiles and instance roles. STS calls of other sources (a profile's
     * role_arn) keep the SDK's defaults and are bounded by the run's deadline only.
     */
    public static AwsCredentialsProvider credentials(NetworkLimits limits, Region region) {
        Optional<WebIdentity> webIdentity = WebIdentity.fromEnvironment();
        if (webIdentity.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create(),
                        webIdentity(webIdentity.get(), limits, region, Optional.empty()))
                .build();
    }

    /** Where a web identity's token is and which role it assumes. */
    record WebIdentity(Path tokenFile, String roleArn, String sessionName) {

        WebIdentity {
            Objects.requireNonNull(tokenFile, "tokenFile");
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(sessionName, "sessionName");
        }

        /** From aws.webIdentityTokenFile/AWS_WEB_IDENTITY_TOKEN_FILE, aws.roleArn/AWS_ROLE_ARN, ... */
        static Optional<WebIdentity> fromEnvironment() {
            Optional<String> file = SdkSystemSetting.AWS_WEB_IDENTITY_TOKEN_FILE.getStringValue().filter(s -> !s.isBlank());
            Optional<String> role = SdkSystemSetting.AWS_ROLE_ARN.getStringValue().filter(s -> !s.isBlank());
            if (file.isEmpty() || role.isEmpty()) {
                return Optional.empty();
            }
            String session = SdkSystemSetting.AWS_ROLE_SESSION_NAME.getStringValue().filter(s -> !s.isBlank())
                    .orElse("servicedocs-" + System.currentTimeMillis());
            return Optional.of(new WebIdentity(Path.of(file.get()), role.get(), session));
        }
    }

    /**
     * Credentials of {@code identity} from STS's AssumeRoleWithWebIdentity, through an STS client
     * under {@code limits}; {@code stsEndpoint} overrides STS's endpoint (so does the SDK's own
     * AWS_ENDPOINT_URL_STS). A failure says which role and which limit.
     */
    static AwsCredentialsProvider webIdentity(WebIdentity identity, NetworkLimits limits, Region region,
            Optional<URI> stsEndpoint) {
        StsClientBuilder sts = AwsSdkLimits.limited(StsClient.builder(), limits)
                .region(region)
                .credentialsProvider(AnonymousCredentialsProvider.create());
        stsEndpoint.ifPresent(sts::endpointOverride);
        StsAssumeRoleWithWebIdentityCredentialsProvider provider = StsAssumeRoleWithWebIdentityCredentialsProvider
                .builder()
                .stsClient(sts.build())
                .asyncCredentialUpdateEnabled(false)
                .refreshRequest(() -> AssumeRoleWithWebIdentityRequest.builder()
                        .roleArn(identity.roleArn())
                        .roleSessionName(identity.sessionName())
                        .webIdentityToken(token(identity))
                        .build())
                .build();
        return new AwsCredentialsProvider() {
            @Override
            public AwsCredentials resolveCredentials() {
                try {
                    return provider.resolveCredentials();
                } catch (RuntimeException e) {
                    // SdkException mostly; an aborted connection of the JDK's client is an UncheckedIOException
                    throw new WebIdentityFailure(identity, e, limits);
                }
            }

            @Override
            public String toString() {
                return "WebIdentity(" + identity.roleArn() + ", STS under the run's network limits)";
            }
        };
    }

    private static String token(WebIdentity identity) {
        try {
            return Files.readString(identity.tokenFile()).strip();
        } catch (java.io.IOException e) {
            throw SdkClientException.create("cannot read the web identity token file " + identity.tokenFile()
                    + " (AWS_WEB_IDENTITY_TOKEN_FILE): " + e.getMessage(), e);
        }
    }

    /** Getting the credentials of a web identity from STS failed; the message says how and what to check. */
    static final class WebIdentityFailure extends RuntimeException {

        private final transient Optional<Limit> timeout;

        WebIdentityFailure(WebIdentity identity, RuntimeException cause, NetworkLimits limits) {
            super(message(identity, cause, limits), cause, false, false);
            this.timeout = CostExplorerFailures.timeoutOf(cause);
        }

        /** The limit that ran out, when one did. */
        Optional<Limit> timeout() {
            return timeout;
        }

        private static String message(WebIdentity identity, RuntimeException cause, NetworkLimits limits) {
            String how = CostExplorerFailures.timeoutOf(cause)
                    .map(limit -> "STS did not answer within " + limit.describe(limits)
                            + "; raise it with " + limit.option() + " if STS is just slow")
                    .orElseGet(() -> "STS said: " + firstLine(String.valueOf(cause.getMessage())));
            return "Could not assume the role " + identity.roleArn() + " with the web identity token of "
                    + identity.tokenFile() + " (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE): " + how + ".";
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static Region defaultRegion() {
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException noRegionConfigured) {
            return Region.US_EAST_1;
        }
    }
}
