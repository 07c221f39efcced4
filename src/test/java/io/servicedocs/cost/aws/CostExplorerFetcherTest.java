package io.servicedocs.cost.aws;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.aws.CostExplorerFetchException.Problem;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import tools.jackson.databind.JsonNode;

class CostExplorerFetcherTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Backoff TINY = new Backoff(Duration.ofMillis(1), Duration.ofMillis(4), 5);
    private static final FetchRequest JAN_TO_MAR =
            FetchRequest.of(YearMonth.of(2026, 1), YearMonth.of(2026, 3)).withBackoff(TINY);

    private final FakeCostExplorer fake = new FakeCostExplorer();
    private final CostExplorerClient client = fake.client();
    private final CostExplorerFetcher fetcher = new CostExplorerFetcher(client);

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void mergesThreePagesRepeatingTheSameParameters() throws Exception {
        fake.page("accounts-page-1.json").page("accounts-page-2.json").page("accounts-page-3.json");

        FetchResult result = fetcher.fetch(JAN_TO_MAR);

        assertEquals(List.of(
                cost(1, "111111111111", "payments-prod", "1234.5678901234567890123"),
                cost(1, "222222222222", "payments-staging", "0.0000000001"),
                cost(1, "999999999999", null, "0"),
                cost(2, "111111111111", "payments-prod", "1180.4000000000"),
                cost(2, "222222222222", "payments-staging", "17.25"),
                cost(2, "999999999999", null, "-3.1415926535")), result.costs());
        assertEquals(new FetchReport(3, 3, 0), result.report());
        assertEquals(new BigDecimal("0.03"), result.report().maxChargeUsd());
        List<FakeCostExplorer.Recorded> requests = fake.requests();
        assertEquals(3, requests.size());
        assertFalse(requests.get(0).body().has("NextPageToken"));
        assertEquals("page-2-token", requests.get(1).body().get("NextPageToken").asString());
        assertEquals("page-3-token", requests.get(2).body().get("NextPageToken").asString());
        assertEquals(requests.get(0).parameters(), requests.get(1).parameters());
        assertEquals(requests.get(0).parameters(), requests.get(2).parameters());
    }

    @Test
    void asksForMonthlyCostsPerLinkedAccountSignedForCostExplorer() throws Exception {
        fake.page("month-final.json");

        fetcher.fetch(JAN_TO_MAR);

        FakeCostExplorer.Recorded request = fake.requests().get(0);
        JsonNode body = request.body();
        assertAll(
                () -> assertEquals(FakeCostExplorer.TARGET, request.target()),
                () -> assertEquals(Optional.of("application/x-amz-json-1.1"), request.contentType()),
                () -> assertTrue(request.authorization().orElse("").startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/"),
                        request.authorization().toString()),
                () -> assertTrue(request.authorization().orElse("").contains("/us-east-1/ce/aws4_request"),
                        request.authorization().toString()),
                () -> assertEquals("2026-01-01", body.at("/TimePeriod/Start").asString()),
                () -> assertEquals("2026-04-01", body.at("/TimePeriod/End").asString(), "End is exclusive"),
                () -> assertEquals("MONTHLY", body.get("Granularity").asString()),
                () -> assertEquals("[\"AmortizedCost\"]", body.get("Metrics").toString()),
                () -> assertEquals(1, body.get("GroupBy").size()),
                () -> assertEquals("DIMENSION", body.at("/GroupBy/0/Type").asString()),
                () -> assertEquals("LINKED_ACCOUNT", body.at("/GroupBy/0/Key").asString()),
                () -> assertFalse(body.has("Filter")));
    }

    @Test
    void groupsByTagKeyWithTheUntaggedBucketAsEmptyValue() throws Exception {
        fake.page("tag-groups.json");

        FetchResult result = fetcher.fetch(FetchRequest.of(YearMonth.of(2026, 3), YearMonth.of(2026, 3))
                .withTagKey("team").withMetric("AmortizedCost"));

        JsonNode body = fake.requests().get(0).body();
        assertEquals("TAG", body.at("/GroupBy/1/Type").asString());
        assertEquals("team", body.at("/GroupBy/1/Key").asString());
        YearMonth march = YearMonth.of(2026, 3);
        assertEquals(List.of(
                new AccountMonthCost(march, "111111111111", Optional.of("payments-prod"), Optional.empty(),
                        new BigDecimal("12.0000000001"), USD, false),
                new AccountMonthCost(march, "111111111111", Optional.of("payments-prod"), Optional.of("payments"),
                        new BigDecimal("300.5"), USD, false),
                new AccountMonthCost(march, "222222222222", Optional.empty(), Optional.of("search"),
                        new BigDecimal("44"), USD, false)), result.costs());
    }

    @Test
    void retriesLimitExceededWithBackoffThenSucceeds() throws Exception {
        fake.limitExceeded(2).page("month-final.json");

        FetchResult result = fetcher.fetch(JAN_TO_MAR);

        assertEquals(new FetchReport(3, 1, 2), result.report());
        assertEquals(3, fake.requests().size());
        assertEquals(1, result.costs().size());
        assertEquals(fake.requests().get(0).body(), fake.requests().get(2).body(), "a retry repeats the request");
    }

    @Test
    void givesUpWhenRateLimitedForeverAfterBoundedAttempts() {
        fake.limitExceededForever();

        CostExplorerFetchException e = assertThrows(CostExplorerFetchException.class,
                () -> fetcher.fetch(JAN_TO_MAR.withBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), 3))));

        assertEquals(Problem.RATE_LIMITED, e.problem());
        assertEquals(4, fake.requests().size(), "the first attempt and 3 retries");
        assertEquals(new FetchReport(4, 0, 3), e.report());
        assertTrue(e.getMessage().contains("4 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("run again"), e.getMessage());
    }

    @Test
    void stopsAtTheRequestCapBeforeExceedingIt() {
        fake.page("accounts-page-1.json").page("accounts-page-2.json").page("accounts-page-3.json");

        CostExplorerFetchException e = assertThrows(CostExplorerFetchException.class,
                () -> fetcher.fetch(JAN_TO_MAR.withMaxRequests(2)));

        assertEquals(Problem.REQUEST_CAP_REACHED, e.problem());
        assertEquals(2, fake.requests().size());
        assertEquals(new FetchReport(2, 2, 0), e.report());
        assertTrue(e.getMessage().contains("cap of 2"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 3 requests are needed"), e.getMessage());
    }

    @Test
    void rateLimitedRetriesCountAgainstTheCap() {
        fake.limitExceeded(1).page("month-final.json");

        CostExplorerFetchException e = assertThrows(CostExplorerFetchException.class,
                () -> fetcher.fetch(JAN_TO_MAR.withMaxRequests(1)));

        assertEquals(Problem.REQUEST_CAP_REACHED, e.problem());
        assertEquals(1, fake.requests().size());
        assertTrue(e.getMessage().contains("at least 2 requests"), e.getMessage());
    }

    @Test
    void aProvisionalMonthBecomesFinalInALaterFetch() throws Exception {
        fake.page("month-estimated.json").page("month-final.json");
        FetchRequest autumn = FetchRequest.of(YearMonth.of(2026, 9), YearMonth.of(2026, 11)).withBackoff(TINY);
        YearMonth october = YearMonth.of(2026, 10);

        FetchResult first = fetcher.fetch(autumn);
        FetchResult later = fetcher.fetch(autumn);

        assertEquals(List.of(
                new AccountMonthCost(YearMonth.of(2026, 9), "111111111111", Optional.of("payments-prod"),
                        Optional.empty(), new BigDecimal("980.10"), USD, false),
                new AccountMonthCost(october, "111111111111", Optional.of("payments-prod"),
                        Optional.empty(), new BigDecimal("1012.3387612"), USD, true)), first.costs());
        assertEquals(List.of(october, YearMonth.of(2026, 11)), first.estimatedMonths(),
                "November is provisional although it has no cost yet");
        assertEquals(List.of(new AccountMonthCost(october, "111111111111", Optional.of("payments-prod"),
                Optional.empty(), new BigDecimal("1021.0045108839"), USD, false)), later.costs());
        assertEquals(List.of(), later.estimatedMonths());
    }

    @Test
    void keepsAmountsExactToTheLastDecimal() throws Exception {
        fake.page("accounts-page-1.json").page("accounts-page-2.json").page("accounts-page-3.json");

        List<AccountMonthCost> costs = fetcher.fetch(JAN_TO_MAR).costs();

        BigDecimal big = costs.get(0).amount();
        assertEquals("1234.5678901234567890123", big.toPlainString());
        assertEquals(19, big.scale());
        assertEquals("0.0000000001", costs.get(1).amount().toPlainString());
        assertEquals("1180.4000000000", costs.get(3).amount().toPlainString(), "trailing zeros kept");
    }

    @Test
    void anAccountWithoutNameOrProductIsStillReturned() throws Exception {
        fake.page("accounts-page-1.json").page("accounts-page-2.json").page("accounts-page-3.json");

        List<AccountMonthCost> unknown = fetcher.fetch(JAN_TO_MAR).costs().stream()
                .filter(c -> c.accountId().equals("999999999999")).toList();

        assertEquals(2, unknown.size(), "its zero and its negative month are both kept");
        assertTrue(unknown.stream().allMatch(c -> c.accountName().isEmpty()));
    }

    @ParameterizedTest
    @CsvSource({
        "UnrecognizedClientException, The security token included in the request is invalid., BAD_CREDENTIALS, access key id",
        "InvalidSignatureException, The request signature we calculated does not match, BAD_CREDENTIALS, secret key",
        "ExpiredTokenException, The security token included in the request is expired, EXPIRED_CREDENTIALS, expired",
        "AccessDeniedException, User is not authorized to perform: ce:GetCostAndUsage, ACCESS_DENIED, ce:GetCostAndUsage",
        "ValidationException, Invalid metric: AmortisedCost, INVALID_REQUEST, metric",
        "DataUnavailableException, Data is not available., NO_DATA, enabled",
        "BillExpirationException, Bill expired, NO_DATA, 13 months",
        "InternalFailure, Something broke, UNEXPECTED_RESPONSE, HTTP 400",
    })
    void explainsServiceErrors(String type, String awsMessage, Problem problem, String hint) {
        fake.error(400, type, awsMessage);

        CostExplorerFetchException e = assertThrows(CostExplorerFetchException.class, () -> fetcher.fetch(JAN_TO_MAR));

        assertEquals(problem, e.problem());
        assertTrue(e.getMessage().contains(hint), e.getMessage());
        assertTrue(e.getMessage().contains(awsMessage), "keeps what AWS said: " + e.getMessage());
        assertTrue(e.getMessage().contains("Request id: fake-request-1"), e.getMessage());
        assertFalse(e.getMessage().contains("\n\tat "), "no stack trace in the message");
        assertEquals(Optional.of("fake-request-1"), e.requestId());
        assertEquals(1, fake.requests().size());
    }

    @Test
    void explainsAPagingTokenThatCostExplorerRefuses() {
        fake.page("accounts-page-1.json").error(400, "RequestChangedException", "The data changed.");

        CostExplorerFetchException e = assertThrows(CostExplorerFetchException.class, () -> fetcher.fetch(JAN_TO_MAR));

        assertEquals(Problem.PAGING_INTERRUPTED, e.problem());
        assertEquals(new FetchReport(2, 1, 0), e.report());
        assertTrue(e.getMessage().contains("run the fetch again"), e.getMessage());
    }

    @Test
    void refusesAnAmountBeyondTheBoundsTheLoaderHolds() {
        // written into cost-data, 1e999999999 would stop every later build; refused like a file would be
        fake.answerEveryRequest(parameters -> """
                {"GroupDefinitions": [{"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"}],
                 "ResultsByTime": [{"TimePeriod": {"Start": "2026-01-01", "End": "2026-02-01"}, "Total": {},
                   "Groups": [{"Keys": ["111111111111"], "Metrics": {"AmortizedCost": {"Amount": "1e999999999", "Unit": "USD"}}}],
                   "Estimated": false}],
                 "DimensionValueAttributes": []}
                """);

        CostExplorerFetchException e = assertThrows(CostExplorerFetchException.class, () -> fetcher.fetch(JAN_TO_MAR));

        assertEquals(Problem.UNEXPECTED_RESPONSE, e.problem());
        assertTrue(e.getMessage().contains("'1e999999999' is out of range: it is 10^18 or more in magnitude"),
                e.getMessage());
    }

    @Test
    void refusesAResponseWithoutTheRequestedMetric() {
        fake.page("missing-metric.json");

        CostExplorerFetchException e = assertThrows(CostExplorerFetchException.class, () -> fetcher.fetch(JAN_TO_MAR));

        assertEquals(Problem.UNEXPECTED_RESPONSE, e.problem());
        assertTrue(e.getMessage().contains("no metric 'AmortizedCost'"), e.getMessage());
    }

    @Test
    void explainsMissingCredentials(@TempDir Path dir) throws IOException {
        Path emptyProfiles = Files.writeString(dir.resolve("credentials"), "");
        try (CostExplorerClient noCredentials = CostExplorerClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(fake.endpoint())
                .credentialsProvider(ProfileCredentialsProvider.builder()
                        .profileFile(ProfileFile.builder().content(emptyProfiles).type(ProfileFile.Type.CREDENTIALS).build())
                        .profileName("servicedocs-test")
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {

            CostExplorerFetchException e = assertThrows(CostExplorerFetchException.class,
                    () -> new CostExplorerFetcher(noCredentials).fetch(JAN_TO_MAR));

            assertEquals(Problem.NO_CREDENTIALS, e.problem());
            assertTrue(e.getMessage().contains("AWS_PROFILE"), e.getMessage());
            assertEquals(0, fake.requests().size(), "nothing was sent");
        }
    }

    @Test
    void explainsAnUnreachableEndpoint() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (CostExplorerClient unreachable = CostExplorerClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(java.net.URI.create("http://127.0.0.1:" + closedPort))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDTEST", "secret")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {

            CostExplorerFetchException e = assertThrows(CostExplorerFetchException.class,
                    () -> new CostExplorerFetcher(unreachable).fetch(JAN_TO_MAR));

            assertEquals(Problem.UNREACHABLE, e.problem());
            assertTrue(e.getMessage().contains("Check the network"), e.getMessage());
            assertEquals(1, e.report().requests());
        }
    }

    @Test
    void theFakeRefusesAPageRequestWhoseParametersChanged() {
        fake.page("accounts-page-1.json").page("accounts-page-2.json");
        var first = CostExplorerFetcher.firstPageRequest(JAN_TO_MAR);
        client.getCostAndUsage(first);

        var changed = first.toBuilder().metrics("UnblendedCost").nextPageToken("page-2-token").build();

        assertThrows(software.amazon.awssdk.services.costexplorer.model.RequestChangedException.class,
                () -> client.getCostAndUsage(changed));
        assertThrows(software.amazon.awssdk.services.costexplorer.model.InvalidNextTokenException.class,
                () -> client.getCostAndUsage(first.toBuilder().nextPageToken("forged").build()));
    }

    private static AccountMonthCost cost(int month, String account, String name, String amount) {
        return new AccountMonthCost(YearMonth.of(2026, month), account, Optional.ofNullable(name), Optional.empty(),
                new BigDecimal(amount), USD, false);
    }
}
