package io.servicedocs.cost.athena;

import io.servicedocs.cost.aws.CostExplorerClients;
import io.servicedocs.net.AwsSdkLimits;
import io.servicedocs.net.NetworkLimits;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.AthenaClientBuilder;

/** Builds the Athena client used in production, the way Cost Explorer's is built. */
public final class AthenaClients {

    private AthenaClients() {
    }

    /**
     * A client with the credentials of {@link CostExplorerClients#credentials} (the SDK's default
     * chain; a web identity exchanged under {@code limits}), the JDK's HTTP client and every
     * limit of {@code limits}. Athena is regional (the database and the workgroup live in one
     * region), so the region must be configured (AWS_REGION, a profile's region); {@code endpoint}
     * overrides the endpoint (so does the SDK's own AWS_ENDPOINT_URL).
     *
     * @throws IllegalStateException when no region is configured, with what to set
     */
    public static AthenaClient standard(Optional<URI> endpoint, NetworkLimits limits) {
        Region region;
        try {
            region = DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException noRegion) {
            throw new IllegalStateException("No AWS region is configured, and Athena is regional: set AWS_REGION "
                    + "(e.g. AWS_REGION=us-east-1) to the region of the Athena database, or a region in the AWS "
                    + "profile", noRegion);
        }
        AthenaClientBuilder builder = AwsSdkLimits.limited(AthenaClient.builder(), limits)
                .region(region)
                .credentialsProvider(CostExplorerClients.credentials(limits, region));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
