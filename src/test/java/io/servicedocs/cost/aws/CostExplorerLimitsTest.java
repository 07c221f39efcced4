package io.servicedocs.cost.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.aws.CostExplorerClients.WebIdentity;
import io.servicedocs.cost.aws.CostExplorerClients.WebIdentityFailure;
import io.servicedocs.cost.aws.CostExplorerFetchException.Problem;
import io.servicedocs.net.NetworkLimits;
import io.servicedocs.net.SlowHttpServer;
import io.servicedocs.net.SlowHttpServer.Mode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;

/**
 * The time limits and the request count of a fetch through clients built as in production
 * (the SDK's standard retries on): against the Cost Explorer fake and against servers that
 * accept a connection and then answer too slowly. Every bound checked is generous: these tests
 * prove that a limit ended the fetch, not how fast. Each test is stopped after a minute, so that
 * a missing limit fails instead of hanging the build.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class CostExplorerLimitsTest {

    private static final FetchRequest OCTOBER = FetchRequest.of(YearMonth.of(2026, 10), YearMonth.of(2026, 10))
            .withBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(4), 5));
    private static final StaticCredentialsProvider KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));

    private final FakeCostExplorer fake = new FakeCostExplorer();
    private SlowHttpServer slow;

    @AfterEach
    void stop() {
        fake.close();
        if (slow != null) {
            slow.close();
        }
    }

    private static CostExplorerClient client(URI endpoint, NetworkLimits limits, AwsCredentialsProvider credentials) {
        return CostExplorerClients.limited(limits).region(Region.US_EAST_1).endpointOverride(endpoint)
                .credentialsProvider(credentials).build();
    }

    private static long seconds(long startNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    @Test
    void theRequestCountIncludesTheSdkRetriesOfServerErrorsAndThrottling() throws Exception {
        fake.error(500, "InternalServerError", "try again").error(400, "ThrottlingException", "Rate exceeded")
                .page("month-final.json");
        NetworkLimits limits = NetworkLimits.DEFAULT;

        FetchResult result;
        try (CostExplorerClient client = client(fake.endpoint(), limits, KEYS)) {
            result = new CostExplorerFetcher(client, limits).fetch(OCTOBER);
        }

        assertEquals(3, fake.requests().size(), "the SDK retried twice");
        assertEquals(new FetchReport(3, 1, 0), result.report(), "every HTTP request is counted, as each is charged");
        assertEquals(1, result.costs().size());
    }

    @Test
    void theSdkRetriesCountAgainstTheRequestCap() throws Exception {
        fake.error(500, "InternalServerError", "try again").error(500, "InternalServerError", "try again")
                .page("month-final.json");
        NetworkLimits limits = NetworkLimits.DEFAULT;

        CostExplorerFetchException e;
        try (CostExplorerClient client = client(fake.endpoint(), limits, KEYS)) {
            e = assertThrows(CostExplorerFetchException.class,
                    () -> new CostExplorerFetcher(client, limits).fetch(OCTOBER.withMaxRequests(2)));
        }

        assertEquals(Problem.REQUEST_CAP_REACHED, e.problem(), e.getMessage());
        assertEquals(2, fake.requests().size(), "the SDK's third attempt was not sent");
        assertEquals(2, e.report().requests());
        assertTrue(e.getMessage().contains("the AWS SDK retries a failed request"), e.getMessage());
    }

    @Test
    void aTrickledAnswerIsCutByTheRequestTimeoutAndEveryAttemptIsCounted() {
        slow = new SlowHttpServer(Mode.TRICKLED_BODY);
        NetworkLimits limits = NetworkLimits.DEFAULT.withRequestTimeout(Duration.ofSeconds(1))
                .withDeadline(Duration.ofSeconds(50));
        long start = System.nanoTime();

        CostExplorerFetchException e;
        try (CostExplorerClient client = client(slow.endpoint(), limits, KEYS)) {
            e = assertThrows(CostExplorerFetchException.class, () -> new CostExplorerFetcher(client, limits).fetch(OCTOBER));
        }

        assertEquals(Problem.TIMED_OUT, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Cost Explorer did not finish answering within the request timeout of "
                + "1 s (--request-timeout PT1S)"), e.getMessage());
        assertEquals(NetworkLimits.ATTEMPTS_PER_CALL, slow.connections(), "the SDK retried the timed-out request");
        assertEquals(slow.connections(), e.report().requests());
        assertTrue(seconds(start) < 30, "ended by the request timeouts, not by the deadline");
    }

    @Test
    void aSilentServerIsCutByTheReadTimeout() {
        slow = new SlowHttpServer(Mode.SILENT);
        NetworkLimits limits = NetworkLimits.DEFAULT.withReadTimeout(Duration.ofSeconds(1))
                .withDeadline(Duration.ofSeconds(50));

        CostExplorerFetchException e;
        try (CostExplorerClient client = client(slow.endpoint(), limits, KEYS)) {
            e = assertThrows(CostExplorerFetchException.class, () -> new CostExplorerFetcher(client, limits).fetch(OCTOBER));
        }

        assertEquals(Problem.TIMED_OUT, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Cost Explorer went silent for longer than the read timeout of 1 s "
                + "(--read-timeout PT1S)"), e.getMessage());
        assertEquals(slow.connections(), e.report().requests());
    }

    @Test
    void theDeadlineEndsAFetchWhoseAnswerTrickles() {
        slow = new SlowHttpServer(Mode.ENDLESS_HEADERS);
        NetworkLimits limits = NetworkLimits.DEFAULT.withDeadline(Duration.ofSeconds(2));
        long start = System.nanoTime();

        CostExplorerFetchException e;
        try (CostExplorerClient client = client(slow.endpoint(), limits, KEYS)) {
            e = assertThrows(CostExplorerFetchException.class, () -> new CostExplorerFetcher(client, limits).fetch(OCTOBER));
        }

        assertEquals(Problem.DEADLINE_EXCEEDED, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Stopped at the deadline of 2 s (--deadline PT2S), after "), e.getMessage());
        assertTrue(e.getMessage().contains("while waiting for Cost Explorer to answer HTTP request 1 (for page 1)"),
                e.getMessage());
        assertEquals(1, e.report().requests());
        assertTrue(seconds(start) < 20, "the deadline of 2 s ended it");
    }

    @Test
    void theDeadlineEndsAFetchWhoseCredentialsNeverArrive() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        AwsCredentialsProvider stuck = () -> {
            try {
                never.await(); // like an STS or metadata call on a server that never answers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("no credentials");
        };
        NetworkLimits limits = NetworkLimits.DEFAULT.withDeadline(Duration.ofSeconds(1));
        long start = System.nanoTime();

        CostExplorerFetchException e;
        try (CostExplorerClient client = client(fake.endpoint(), limits, stuck)) {
            e = assertThrows(CostExplorerFetchException.class, () -> new CostExplorerFetcher(client, limits).fetch(OCTOBER));
        } finally {
            never.countDown();
        }

        assertEquals(Problem.DEADLINE_EXCEEDED, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains("while preparing HTTP request 1 (for page 1): resolving the AWS credentials"),
                e.getMessage());
        assertEquals(0, fake.requests().size());
        assertTrue(seconds(start) < 20, "the deadline of 1 s ended it");
    }

    @Test
    void aRateLimitBackoffDoesNotOutlastTheDeadline() {
        fake.limitExceeded(1).page("month-final.json");
        NetworkLimits limits = NetworkLimits.DEFAULT.withDeadline(Duration.ofSeconds(5));
        long start = System.nanoTime();

        CostExplorerFetchException e;
        try (CostExplorerClient client = client(fake.endpoint(), limits, KEYS)) {
            e = assertThrows(CostExplorerFetchException.class, () -> new CostExplorerFetcher(client, limits)
                    .fetch(OCTOBER.withBackoff(new Backoff(Duration.ofSeconds(40), Duration.ofSeconds(40), 3))));
        }

        assertEquals(Problem.DEADLINE_EXCEEDED, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains("while waiting 40 s to repeat HTTP request 1, which Cost Explorer "
                + "rate-limited"), e.getMessage());
        assertEquals(1, fake.requests().size());
        assertTrue(seconds(start) < 30, "did not wait the 40 s");
    }

    @Test
    void theStsClientOfAWebIdentityHasTheSameLimits(@TempDir Path dir) throws IOException {
        slow = new SlowHttpServer(Mode.TRICKLED_BODY);
        Path token = Files.writeString(dir.resolve("token"), "eyJ.web-identity.token\n");
        WebIdentity identity = new WebIdentity(token, "arn:aws:iam::111111111111:role/costs", "servicedocs-test");
        NetworkLimits limits = NetworkLimits.DEFAULT.withRequestTimeout(Duration.ofSeconds(1));
        long start = System.nanoTime();

        AwsCredentialsProvider credentials =
                CostExplorerClients.webIdentity(identity, limits, Region.US_EAST_1, Optional.of(slow.endpoint()));
        WebIdentityFailure e = assertThrows(WebIdentityFailure.class, credentials::resolveCredentials);

        assertEquals("Could not assume the role arn:aws:iam::111111111111:role/costs with the web identity token of "
                + token + " (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE): STS did not answer within the request "
                + "timeout of 1 s (--request-timeout PT1S); raise it with --request-timeout if STS is just slow.",
                e.getMessage());
        assertEquals(NetworkLimits.ATTEMPTS_PER_CALL, slow.connections(), "STS has the standard retries too");
        assertTrue(seconds(start) < 30, "ended by the request timeouts");
        assertFalse(e.getMessage().contains("eyJ"), "the token is not printed");
    }

    @Test
    void aFailedWebIdentityIsReportedAsSuchByTheFetch(@TempDir Path dir) throws IOException {
        slow = new SlowHttpServer(Mode.SILENT);
        Path token = Files.writeString(dir.resolve("token"), "eyJ.web-identity.token\n");
        WebIdentity identity = new WebIdentity(token, "arn:aws:iam::111111111111:role/costs", "servicedocs-test");
        NetworkLimits limits = NetworkLimits.DEFAULT.withReadTimeout(Duration.ofMillis(500));

        CostExplorerFetchException e;
        try (CostExplorerClient client = client(fake.endpoint(), limits,
                CostExplorerClients.webIdentity(identity, limits, Region.US_EAST_1, Optional.of(slow.endpoint())))) {
            e = assertThrows(CostExplorerFetchException.class, () -> new CostExplorerFetcher(client, limits).fetch(OCTOBER));
        }

        assertEquals(Problem.TIMED_OUT, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Could not assume the role arn:aws:iam::111111111111:role/costs"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the read timeout of 0.5 s (--read-timeout PT0.5S)"), e.getMessage());
        assertEquals(0, fake.requests().size(), "nothing reached Cost Explorer");
    }
}
