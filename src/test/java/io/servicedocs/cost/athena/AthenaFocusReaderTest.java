package io.servicedocs.cost.athena;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.aws.Backoff;
import io.servicedocs.cost.focus.ChargeGroup;
import io.servicedocs.cost.focus.ChargeGroup.ChargeTerm;
import io.servicedocs.cost.focus.FocusImportException;
import io.servicedocs.cost.focus.FocusInput;
import io.servicedocs.cost.focus.FocusInput.AthenaTable;
import io.servicedocs.cost.focus.FocusRead;
import io.servicedocs.net.NetworkLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.AthenaClient;
import tools.jackson.databind.JsonNode;

/** The Athena engine with the real SDK client against {@link FakeAthena} on loopback. */
class AthenaFocusReaderTest {

    private static final String ID = FakeAthena.QUERY_ID;
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Backoff FAST_POLL = new Backoff(Duration.ofMillis(1), Duration.ofMillis(8), 0);
    private static final Backoff TINY = new Backoff(Duration.ofMillis(1), Duration.ofMillis(4), 5);
    static final AthenaTable TABLE = new AthenaTable("cur_focus", "focus_1_0_aws", "primary",
            "s3://athena-results-example/servicedocs/");
    private static final FocusInput JAN_FEB = new FocusInput(List.of(), Optional.of(TABLE), Optional.empty(),
            List.of(YearMonth.of(2026, 2), YearMonth.of(2026, 1)));
    static final List<String> HEADER = List.of("providername", "billingaccountid", "billingaccountname",
            "subaccountid", "subaccountname", "billingcurrency", "billingperiod", "chargemonth", "chargecategory",
            "chargeclass", "chargefrequency", "termstart", "termend", "commitmentdiscountid", "chargedescription",
            "effectivecost", "billedcost", "listcost", "rowcount");

    private final FakeAthena fake = new FakeAthena();
    private final AthenaClient client = fake.client();

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private AthenaFocusReader reader(Duration deadline) {
        return new AthenaFocusReader(client, NetworkLimits.DEFAULT.withDeadline(deadline), FAST_POLL, TINY,
                AthenaFocusQuery.DEFAULT_PARTITION_COLUMN);
    }

    private AthenaFocusReader reader() {
        return reader(Duration.ofSeconds(20));
    }

    static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    @SafeVarargs
    static List<List<String>> page(List<String>... rows) {
        return List.of(rows);
    }

    private static List<List<String>> withHeader(List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        return all;
    }

    static final List<String> PROD_USAGE = row("AWS", "123456789012", "Example Payer", "111111111111",
            "payments-prod", "USD", "2026-01", "2026-01", "usage", null, "usagebased", null, null, null, null,
            "1234.5678901234", "1300.0000000000", "1400.1000000000", "7200");
    static final List<String> PROD_CORRECTION = row("AWS", "123456789012", "Example Payer", "111111111111",
            "payments-prod", "USD", "2026-02", "2026-01", "credit", "correction", null, null, null, null, null,
            "-12.5000000000", "-12.5000000000", "0.0000000000", "1");
    static final List<String> SAAS_PURCHASE = row("Acme SaaS", "ACME-42", null, null, null, "USD", "2026-01",
            "2026-01", "purchase", null, "onetime", "2026-01-01", "2027-01-01", null, "Annual licence",
            "12000.0000000000", "12000.0000000000", "15000.0000000000", "1");
    static final List<String> STAGING_TAX = row("AWS", "123456789012", "Example Payer", "222222222222",
            "payments-staging", "EUR", "2026-02", "2026-02", "tax", null, "recurring", null, null, null, null,
            "3.1400000000", "3.1400000000", "3.1400000000", "2");

    @Test
    void startsPollsAndPagesThroughTheResultsIntoChargeGroups() throws Exception {
        fake.states("QUEUED", "RUNNING", "RUNNING", "SUCCEEDED").scanned(52_428_801L)
                .pages(withHeader(page(PROD_USAGE, PROD_CORRECTION)), page(SAAS_PURCHASE), page(STAGING_TAX));

        FocusRead read = reader().read(JAN_FEB);

        YearMonth jan = YearMonth.of(2026, 1);
        YearMonth feb = YearMonth.of(2026, 2);
        assertEquals(List.of(
                new ChargeGroup("AWS", "123456789012", Optional.of("Example Payer"), Optional.of("111111111111"),
                        Optional.of("payments-prod"), USD, jan, jan, "Usage", Optional.empty(),
                        Optional.of("Usage-Based"), Optional.empty(), Optional.empty(),
                        new BigDecimal("1234.5678901234"), new BigDecimal("1300"),
                        new BigDecimal("1400.1"), 7200, Optional.empty()),
                new ChargeGroup("AWS", "123456789012", Optional.of("Example Payer"), Optional.of("111111111111"),
                        Optional.of("payments-prod"), USD, feb, jan, "Credit", Optional.of("Correction"),
                        Optional.empty(), Optional.empty(), Optional.empty(), new BigDecimal("-12.5"),
                        new BigDecimal("-12.5"), new BigDecimal("0"), 1, Optional.empty()),
                new ChargeGroup("Acme SaaS", "ACME-42", Optional.empty(), Optional.empty(), Optional.empty(), USD,
                        jan, jan, "Purchase", Optional.empty(), Optional.of("One-Time"), Optional.empty(),
                        Optional.of(new ChargeTerm(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1),
                                Optional.empty(), Optional.of("Annual licence"))),
                        new BigDecimal("12000"), new BigDecimal("12000"),
                        new BigDecimal("15000"), 1, Optional.empty()),
                new ChargeGroup("AWS", "123456789012", Optional.of("Example Payer"), Optional.of("222222222222"),
                        Optional.of("payments-staging"), EUR, feb, feb, "Tax", Optional.empty(),
                        Optional.of("Recurring"), Optional.empty(), Optional.empty(), new BigDecimal("3.14"),
                        new BigDecimal("3.14"), new BigDecimal("3.14"), 2, Optional.empty())),
                read.groups());
        assertEquals(7204, read.rows(), "7200 + 1 + 1 + 2 FOCUS rows");
        assertEquals("athena:cur_focus.focus_1_0_aws", read.input());
        assertEquals(Optional.empty(), read.tagKey());
        // 52,428,801 bytes = 50 MB and 1 byte: 51 MB billed, 51 * 5 / 2^20 USD
        assertEquals(List.of("Athena query " + ID + " (workgroup primary, billing_period 2026-01, 2026-02) scanned "
                + "52,428,801 bytes: USD 0.00024318695068359375 at USD 5 per TB (51 MB billed, 10 MB minimum per "
                + "query); 4 group(s) of 7204 row(s) in 3 page(s)"), read.notes());

        assertEquals(List.of("StartQueryExecution", "GetQueryExecution", "GetQueryExecution", "GetQueryExecution",
                "GetQueryExecution", "GetQueryResults", "GetQueryResults", "GetQueryResults"), fake.operations());
        List<FakeAthena.Recorded> requests = fake.requests();
        JsonNode start = requests.get(0).body();
        String sql = start.get("QueryString").asString();
        assertAll(
                () -> assertTrue(requests.get(0).authorization().orElse("").contains("/us-east-1/athena/aws4_request"),
                        requests.get(0).authorization().toString()),
                () -> assertEquals("primary", start.get("WorkGroup").asString()),
                () -> assertEquals("cur_focus", start.at("/QueryExecutionContext/Database").asString()),
                () -> assertEquals("s3://athena-results-example/servicedocs/",
                        start.at("/ResultConfiguration/OutputLocation").asString()),
                () -> assertEquals(36, start.get("ClientRequestToken").asString().length()),
                () -> assertTrue(sql.contains("\nFROM \"cur_focus\".\"focus_1_0_aws\"\n"
                        + "WHERE \"billing_period\" IN ('2026-01', '2026-02')\n"), sql),
                () -> assertTrue(sql.contains("COALESCE(sum(CAST(effectivecost AS DECIMAL(38,10))), "
                        + "CAST(0 AS DECIMAL(38,10))) AS effectivecost"), sql),
                () -> assertEquals(ID, requests.get(1).body().get("QueryExecutionId").asString()),
                () -> assertFalse(requests.get(5).body().has("NextToken")),
                () -> assertEquals(1000, requests.get(5).body().get("MaxResults").asInt()),
                () -> assertEquals("token-2", requests.get(6).body().get("NextToken").asString()),
                () -> assertEquals("token-3", requests.get(7).body().get("NextToken").asString()));
    }

    @Test
    void aFailedQueryIsAnErrorWithAthenasReason() {
        fake.states("QUEUED", "RUNNING").endsIn("FAILED",
                "COLUMN_NOT_FOUND: line 5:18: Column 'subaccountid' cannot be resolved");

        FocusImportException e = assertThrows(FocusImportException.class, () -> reader().read(JAN_FEB));

        assertEquals("Athena query " + ID + ":1: the query FAILED: COLUMN_NOT_FOUND: line 5:18: Column "
                + "'subaccountid' cannot be resolved", e.getMessage());
        assertEquals(List.of("StartQueryExecution", "GetQueryExecution", "GetQueryExecution", "GetQueryExecution"),
                fake.operations(), "no results asked for, nothing stopped");
    }

    @Test
    void aCancelledQueryIsAnError() {
        fake.states("RUNNING").endsIn("CANCELLED", "Query cancelled by user");

        FocusImportException e = assertThrows(FocusImportException.class, () -> reader().read(JAN_FEB));

        assertEquals("Athena query " + ID + ":1: the query was CANCELLED: Query cancelled by user", e.getMessage());
        assertFalse(fake.operations().contains("GetQueryResults"));
    }

    @Test
    void throttledCallsAreRepeatedAfterTheBackoffAndAStartKeepsItsToken() throws Exception {
        fake.throttle("StartQueryExecution", 2, "TooManyRequestsException")
                .throttle("GetQueryExecution", 1, "ThrottlingException")
                .throttle("GetQueryResults", 1, "ThrottlingException")
                .states("SUCCEEDED").scanned(0).pages(withHeader(page(STAGING_TAX)));

        FocusRead read = reader().read(JAN_FEB);

        assertEquals(1, read.groups().size());
        assertEquals(new BigDecimal("3.14"), read.groups().get(0).effectiveCost());
        assertEquals(List.of("StartQueryExecution", "StartQueryExecution", "StartQueryExecution",
                "GetQueryExecution", "GetQueryExecution", "GetQueryResults", "GetQueryResults"), fake.operations());
        List<FakeAthena.Recorded> requests = fake.requests();
        String token = requests.get(0).body().get("ClientRequestToken").asString();
        assertEquals(token, requests.get(1).body().get("ClientRequestToken").asString());
        assertEquals(token, requests.get(2).body().get("ClientRequestToken").asString());
        // nothing scanned still costs the 10 MB minimum: 10 * 5 / 2^20 USD
        assertTrue(read.notes().get(0).contains("scanned 0 bytes: USD 0.0000476837158203125 at USD 5 per TB "
                + "(10 MB billed, 10 MB minimum per query)"), read.notes().toString());
    }

    @Test
    void throttlingThatDoesNotEndGivesUpAfterTheRetries() {
        fake.throttle("StartQueryExecution", 6, "ThrottlingException");

        FocusImportException e = assertThrows(FocusImportException.class, () -> reader().read(JAN_FEB));

        assertEquals("athena:cur_focus.focus_1_0_aws:1: StartQueryExecution was throttled 6 times in a row "
                + "(ThrottlingException): other queries or tools are using the account's Athena quota; run again "
                + "later", e.getMessage());
        assertEquals(6, fake.operations().size());
    }

    /**
     * A stop that Athena does not answer holds the run for {@link AthenaFocusReader#STOP_TIMEOUT}
     * at most, not the request timeout (a minute by default), and the message gives the time at the deadline. The
     * suite once took 32.5 s here: a stop that hung for its whole request timeout.
     */
    @Test
    void aStopThatDoesNotAnswerHoldsTheRunOnlyBrieflyPastTheDeadline() {
        fake.states("QUEUED", "RUNNING");
        java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        fake.stopAnswersAfter(released);
        AthenaFocusReader reader = new AthenaFocusReader(client, NetworkLimits.DEFAULT.withDeadline(
                Duration.ofSeconds(2)), new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 0), TINY,
                AthenaFocusQuery.DEFAULT_PARTITION_COLUMN);
        assertTrue(NetworkLimits.DEFAULT.requestTimeout().compareTo(Duration.ofSeconds(12)) > 0,
                "a stop given the request timeout would hold the run longer than the bound below");
        long start = System.nanoTime();
        try {
            FocusImportException e = assertThrows(FocusImportException.class, () -> reader.read(JAN_FEB));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(timedOutAtTheDeadline(e.getMessage()), e.getMessage());
            // deadline 2 s + at most the watchdog's grace + the stop's 3 s, and room for a busy machine
            assertTrue(took.compareTo(Duration.ofSeconds(12)) < 0, "the run ended after " + took);
            assertTrue(took.compareTo(AthenaFocusReader.STOP_TIMEOUT.plusSeconds(2)) >= 0,
                    "the stop was waited for (its timeout), then given up: " + took);
        } finally {
            released.countDown();
        }
        assertEquals(Duration.ofSeconds(1), AthenaFocusReader.stopTimeout(NetworkLimits.DEFAULT.withRequestTimeout(
                Duration.ofSeconds(1))), "a shorter request timeout is kept");
    }

    /**
     * The message of a query given up at its deadline of 2 s, with the time it gave up: 2 s and
     * some milliseconds ("2.043 s"), or none ("2 s": the time is taken at the deadline itself).
     */
    private static boolean timedOutAtTheDeadline(String message) {
        return java.util.regex.Pattern.compile(java.util.regex.Pattern.quote("Athena query " + ID
                + ":1: no result within the deadline of 2 s (--deadline PT2S), after ") + "2(\\.\\d+)? s .*")
                .matcher(message).matches();
    }

    @Test
    void aQueryStillRunningAtTheDeadlineIsStoppedAndReported() {
        fake.states("QUEUED", "RUNNING");

        // 2 s: long enough for the first calls on a busy machine, polls every 50 ms at most
        AthenaFocusReader reader = new AthenaFocusReader(client, NetworkLimits.DEFAULT.withDeadline(
                Duration.ofSeconds(2)), new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 0), TINY,
                AthenaFocusQuery.DEFAULT_PARTITION_COLUMN);
        FocusImportException e = assertThrows(FocusImportException.class, () -> reader.read(JAN_FEB));

        String message = e.getMessage();
        assertTrue(timedOutAtTheDeadline(message), message);
        assertTrue(message.contains(" s waiting for the query to finish ("), message);
        assertTrue(message.endsWith("; the query was asked to stop. Raise the deadline (e.g. --deadline PT30M), or "
                + "read fewer billing periods"), message);
        List<String> operations = fake.operations();
        assertEquals("StopQueryExecution", operations.get(operations.size() - 1));
        assertEquals(ID, fake.requests().get(operations.size() - 1).body().get("QueryExecutionId").asString());
        assertTrue(operations.size() > 4, "polled several times: " + operations);
    }

    /**
     * The stop of a query given up at its deadline is sent once, by the thread that called the
     * read, not by the run's own thread: the watchdog interrupts that one when it is still going
     * half a second after the deadline (a busy machine), and a stop it interrupted mid-request was
     * lost (a full test run once recorded no StopQueryExecution, and took 5.5 s).
     */
    @Test
    void theStopIsSentOnceByTheCallerWhomNoWatchdogInterrupts() {
        fake.states("QUEUED", "RUNNING");
        List<String> stoppedBy = java.util.Collections.synchronizedList(new ArrayList<>());
        AthenaClient recording = new AthenaClient() {
            @Override
            public software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse startQueryExecution(
                    software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest request) {
                return client.startQueryExecution(request);
            }

            @Override
            public software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse getQueryExecution(
                    software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest request) {
                return client.getQueryExecution(request);
            }

            @Override
            public software.amazon.awssdk.services.athena.model.StopQueryExecutionResponse stopQueryExecution(
                    software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest request) {
                stoppedBy.add(Thread.currentThread().getName());
                return client.stopQueryExecution(request);
            }

            @Override
            public String serviceName() {
                return client.serviceName();
            }

            @Override
            public void close() {
            }
        };
        // 2 s: long enough for the first calls on a busy machine (no query id, nothing to stop)
        AthenaFocusReader reader = new AthenaFocusReader(recording, NetworkLimits.DEFAULT.withDeadline(
                Duration.ofSeconds(2)), new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 0), TINY,
                AthenaFocusQuery.DEFAULT_PARTITION_COLUMN);

        FocusImportException e = assertThrows(FocusImportException.class, () -> reader.read(JAN_FEB));

        assertTrue(e.getMessage().contains("; the query was asked to stop."), e.getMessage());
        assertEquals(List.of(Thread.currentThread().getName()), stoppedBy);
        List<String> operations = fake.operations();
        assertEquals(1, operations.stream().filter("StopQueryExecution"::equals).count(), operations.toString());
        assertEquals("StopQueryExecution", operations.get(operations.size() - 1));
    }

    @Test
    void aMalformedValueNamesTheQueryTheRowAndTheColumn() {
        List<String> comma = new ArrayList<>(PROD_USAGE);
        comma.set(HEADER.indexOf("effectivecost"), "1234,5");
        List<String> refund = new ArrayList<>(STAGING_TAX);
        refund.set(HEADER.indexOf("chargecategory"), "refund");
        refund.set(HEADER.indexOf("billingcurrency"), "EURO");
        fake.states("SUCCEEDED").pages(withHeader(page(PROD_CORRECTION)), page(comma, refund));

        FocusImportException e = assertThrows(FocusImportException.class, () -> reader().read(JAN_FEB));

        assertEquals("Athena query " + ID + ":3: column effectivecost: '1234,5' is not a decimal number\n"
                + "Athena query " + ID + ":4: column billingcurrency: 'EURO' is not an ISO 4217 currency code\n"
                + "Athena query " + ID + ":4: column chargecategory: 'refund' is not one of [Adjustment, Credit, "
                + "Purchase, Tax, Usage]", e.getMessage());
    }

    @Test
    void aHeaderThatIsNotTheQuerysColumnsIsRefused() {
        List<String> header = new ArrayList<>(HEADER);
        header.set(0, "provider");
        fake.states("SUCCEEDED").pages(List.of(header, PROD_USAGE));

        FocusImportException e = assertThrows(FocusImportException.class, () -> reader().read(JAN_FEB));

        assertTrue(e.getMessage().startsWith("Athena query " + ID + ":1: the results' header is [provider, "
                + "billingaccountid,"), e.getMessage());
    }

    @Test
    void withATagKeyTheValueIsAGroupColumnAndTheKeyALiteral() throws Exception {
        List<String> header = new ArrayList<>(HEADER);
        header.add(HEADER.indexOf("termstart"), "tag");
        List<String> tagged = new ArrayList<>(STAGING_TAX);
        tagged.add(HEADER.indexOf("termstart"), "search");
        List<String> untagged = new ArrayList<>(PROD_USAGE);
        untagged.add(HEADER.indexOf("termstart"), "");
        fake.states("SUCCEEDED").pages(List.of(header, tagged, untagged));

        FocusRead read = reader().read(new FocusInput(List.of(), Optional.of(TABLE), Optional.of("team's"),
                List.of()));

        assertEquals(List.of(Optional.of("search"), Optional.of("")),
                read.groups().stream().map(ChargeGroup::tag).toList());
        assertEquals(Optional.of("team's"), read.tagKey());
        String sql = fake.requests().get(0).body().get("QueryString").asString();
        assertTrue(sql.contains("COALESCE(trim(element_at(tags, 'team''s')), '') AS tag,\n"), sql);
        assertFalse(sql.contains("WHERE"), "no billing period: every partition; " + sql);
        assertTrue(read.notes().get(0).contains("(workgroup primary, every partition: no billing period given)"),
                read.notes().toString());
    }

    /**
     * A one-time charge that is not a purchase carries its term too (a credit of 2026-01-15); one
     * without ChargePeriodEnd takes its start day as its end, as the Java reader and DuckDB do.
     */
    @Test
    void aOneTimeCreditWithoutChargePeriodEndTakesItsStartDay() throws Exception {
        List<String> credit = row("AWS", "123456789012", "Example Payer", "111111111111", "payments-prod", "USD",
                "2026-01", "2026-01", "credit", null, "onetime", "2026-01-15", null, null, "Promotional credit",
                "-5.0000000000", "-5.0000000000", "0.0000000000", "1");
        fake.states("SUCCEEDED").pages(withHeader(page(credit)));

        FocusRead read = reader().read(JAN_FEB);

        YearMonth jan = YearMonth.of(2026, 1);
        assertEquals(List.of(new ChargeGroup("AWS", "123456789012", Optional.of("Example Payer"),
                Optional.of("111111111111"), Optional.of("payments-prod"), USD, jan, jan, "Credit", Optional.empty(),
                Optional.of("One-Time"), Optional.empty(), Optional.of(new ChargeTerm(LocalDate.of(2026, 1, 15),
                        LocalDate.of(2026, 1, 15), Optional.empty(), Optional.of("Promotional credit"))),
                new BigDecimal("-5"), new BigDecimal("-5"), new BigDecimal("0"), 1, Optional.empty())), read.groups());
    }
}
