package io.servicedocs.cost.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClientBuilder;

/** Builds the Cost Explorer client used in production. */
public final class CostExplorerClients {

    private CostExplorerClients() {
    }

    /**
     * A client with the SDK's default credentials chain (environment, system properties, web
     * identity, profile/SSO, container and instance roles), the default region chain or, when none
     * is configured, us-east-1 (where every commercial region's Cost Explorer endpoint is), the
     * JDK's HTTP client, and the SDK's standard retries of 5xx and throttling; LimitExceeded is
     * left to {@link CostExplorerFetcher}. {@code endpoint} overrides the endpoint (so does the
     * SDK's own AWS_ENDPOINT_URL).
     */
    public static CostExplorerClient standard(Optional<URI> endpoint) {
        CostExplorerClientBuilder builder = CostExplorerClient.builder()
                .region(defaultRegion())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static Region defaultRegion() {
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException noRegionConfigured) {
            return Region.US_EAST_1;
        }
    }
}
