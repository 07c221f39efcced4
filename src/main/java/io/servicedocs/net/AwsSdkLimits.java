package io.servicedocs.net;

import java.util.List;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * {@link NetworkLimits} applied to AWS SDK v2 clients (Cost Explorer, STS, and any AWS service a
 * later fetch calls): the JDK's HTTP client with the connect and read timeouts, the SDK's
 * per-attempt ({@code apiCallAttemptTimeout}) and per-call ({@code apiCallTimeout}) timeouts,
 * and the standard retry mode with {@value NetworkLimits#ATTEMPTS_PER_CALL} attempts. The SDK
 * enforces the last two by aborting the connection, which also ends a server that trickles.
 */
public final class AwsSdkLimits {

    private AwsSdkLimits() {
    }

    /** The JDK-based HTTP client with the connect and read (socket) timeouts. */
    public static UrlConnectionHttpClient.Builder httpClient(NetworkLimits limits) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(limits.connectTimeout())
                .socketTimeout(limits.readTimeout());
    }

    /** The per-attempt and per-call timeouts and the standard retries, on a client's configuration. */
    public static ClientOverrideConfiguration.Builder timeouts(ClientOverrideConfiguration.Builder config,
            NetworkLimits limits) {
        return config
                .apiCallAttemptTimeout(limits.requestTimeout())
                .apiCallTimeout(limits.callTimeout())
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(NetworkLimits.ATTEMPTS_PER_CALL).build());
    }

    /** A client builder with every limit applied: use it for every AWS client a fetch creates. */
    public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B limited(B builder,
            NetworkLimits limits) {
        return builder.httpClientBuilder(httpClient(limits)).overrideConfiguration(o -> timeouts(o, limits));
    }

    /**
     * The configuration of one call made under {@code deadline}: its timeouts capped by the time
     * left, and {@code interceptors} (e.g. an {@link HttpAttemptCounter}) added for this call,
     * so that they also see the SDK's retries whatever client the call goes through.
     */
    public static AwsRequestOverrideConfiguration perCall(NetworkLimits limits, Deadline deadline,
            ExecutionInterceptor... interceptors) {
        List<ExecutionInterceptor> added = List.of(interceptors);
        AwsRequestOverrideConfiguration.Builder call = AwsRequestOverrideConfiguration.builder()
                .apiCallTimeout(deadline.cap(limits.callTimeout()))
                .apiCallAttemptTimeout(deadline.cap(limits.requestTimeout()));
        if (!added.isEmpty()) {
            call.addPlugin(config -> config.overrideConfiguration(o -> added.forEach(o::addExecutionInterceptor)));
        }
        return call.build();
    }
}
