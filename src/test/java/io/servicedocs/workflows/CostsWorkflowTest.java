package io.servicedocs.workflows;

import io.servicedocs.cost.focus.BillingAccountColumn;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.athena.FakeAthena;
import io.servicedocs.cost.aws.FakeCostExplorer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The daily cost workflow, {@code .github/workflows/costs.yml}, run step by step as the runner
 * would (see {@link WorkflowJob}) on a clone of a local "origin" repository: its own shell code
 * starts and pushes the cost-data branch, {@code servicedocs costs fetch} calls the Cost
 * Explorer fake on loopback with the credentials in the environment variables
 * aws-actions/configure-aws-credentials sets after the OIDC exchange, FOCUS files are imported
 * and the site is built. What GitHub does outside the scripts (the OIDC exchange itself, the
 * Pages deployment) is not run. Every run starts from a fresh clone, as on a runner.
 *
 * <p>The repository is {@link WorkflowFixture}'s: two products, costs reported in USD. Every
 * workflow step that calls {@code ./servicedocs} starts a JVM, as on the runner, so a run costs
 * seconds: the first run, which most tests start from, runs once for the class, and each test
 * works on its own copy of origin as it was after it (or before it).
 */
class CostsWorkflowTest {

    private static final Path WORKFLOW = Path.of(".github/workflows/costs.yml");
    private static final Path ACTION = Path.of(".github/actions/cost-data/action.yml");
    private static final String ALPHA_ACCOUNT = "111111111111";
    private static final String UNCLAIMED_ACCOUNT = "999999999999";
    private static final String CHECKOUT = "Check out the cost-data branch into cost-data/";
    private static final String FETCH = "Fetch AWS costs (the last 13 months and this one)";
    private static final String IMPORT = "Import FOCUS files from imports/<source>/ of the cost-data branch";
    private static final String COMMIT = "Commit and push the changed months to the cost-data branch";
    private static final String FORGET = "Forget the checkout's token";
    private static final String BUILD = "Build the site";
    private static final String EXPLAIN = "Explain a refused change";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path shared;

    /** The template pushed to origin, with no cost-data branch yet. */
    private static WorkflowFixture template;
    /** Origin after the first run on schedule, which started the cost-data branch. */
    private static WorkflowFixture afterFirstRun;
    private static Run firstRun;
    private static String mainBeforeFirstRun;
    private static List<FakeCostExplorer.Recorded> firstRunRequests;

    @TempDir
    Path dir;

    private WorkflowFixture fixture;
    private Path origin;
    private FakeCostExplorer fake;
    /** What the fake bills alpha's account, by month; months not here cost {@link #usual}. */
    private final Map<YearMonth, BigDecimal> billed = new HashMap<>();

    @BeforeAll
    static void runTheFirstRunOnce() throws IOException {
        template = WorkflowFixture.create(shared.resolve("template"));
        afterFirstRun = WorkflowFixture.copyOf(template, shared.resolve("first"));
        mainBeforeFirstRun = afterFirstRun.git(afterFirstRun.origin(), "rev-parse", "main");
        try (FakeCostExplorer first = new FakeCostExplorer().answerEveryRequest(r -> costAndUsage(r, Map.of()))) {
            firstRun = runWorkflow(afterFirstRun, first, false, Map.of());
            firstRunRequests = first.requests();
        }
    }

    /** Each test from its own copy of origin after the first run. */
    @BeforeEach
    void setUp() throws IOException {
        fixture = WorkflowFixture.copyOf(afterFirstRun, dir.resolve("after-first-run"));
        origin = fixture.origin();
        fake = new FakeCostExplorer().answerEveryRequest(request -> costAndUsage(request, billed));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void theFirstRunStartsTheBranchCommitsEveryFetchedMonthAndBuildsTheSite() throws IOException {
        String mainBefore = mainBeforeFirstRun;

        Run run = firstRun;

        assertTrue(run.result().succeeded(), run.result().log());
        assertEquals(List.of(CHECKOUT, FETCH, IMPORT, COMMIT, FORGET, BUILD), run.result().ran());
        List<YearMonth> months = fetchedMonths();
        assertEquals(14, months.size(), "the last 13 months and this one");
        assertEquals(List.of("Cost data: aws " + join(months),
                        "Start the cost-data branch (written by .github/workflows/costs.yml)"),
                WorkflowFixture.lines(git(origin, "log", "--format=%s", "cost-data")));
        assertEquals(months.stream().map(m -> "aws/" + m + ".yaml").toList(),
                WorkflowFixture.lines(git(origin, "ls-tree", "-r", "--name-only", "cost-data")));
        assertAll(
                () -> assertTrue(branchFile("aws/" + thisMonth() + ".yaml").contains("\nstatus: provisional\n")),
                () -> assertTrue(branchFile("aws/" + thisMonth().minusMonths(1) + ".yaml").contains("\nstatus: final\n")),
                () -> assertEquals(mainBefore, git(origin, "rev-parse", "main"), "main gets no bot commit"),
                () -> assertTrue(run.summary().contains("Committed to cost-data: aws " + join(months)), run.summary()));

        // the credentials came from the environment, as configure-aws-credentials leaves them
        List<FakeCostExplorer.Recorded> requests = firstRunRequests;
        assertEquals(1, requests.size());
        String authorization = requests.get(0).authorization().orElse("");
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=ASIAWORKFLOWTEST/")
                && authorization.contains("/us-east-1/ce/aws4_request"), authorization);

        // the built site has the fetched costs: alpha's AWS cost of last month, to the cent
        YearMonth lastMonth = thisMonth().minusMonths(1);
        String csv = Files.readString(run.workspace().resolve("_site/api/costs.csv"));
        String alphaLastMonth = csv.lines().filter(l -> l.startsWith("alpha," + lastMonth + ",")).findFirst()
                .orElseThrow(() -> new AssertionError(csv));
        assertTrue(alphaLastMonth.startsWith("alpha," + lastMonth + ",final,USD," + usual(lastMonth) + ","),
                alphaLastMonth);
        assertTrue(Files.readString(run.workspace().resolve("_site/costs.html")).contains(UNCLAIMED_ACCOUNT),
                "the unclaimed account is shown as unallocated");
    }

    @Test
    void aLaterRunReplacesTheProvisionalMonthAndAChangedFinalMonthStopsEverythingUntilAccepted()
            throws IOException {
        YearMonth now = thisMonth();

        billed.put(now, new BigDecimal("150.75"));
        Run second = runWorkflow(false);
        assertTrue(second.result().succeeded(), second.result().log());
        assertEquals("Cost data: aws " + now, git(origin, "log", "-1", "--format=%s", "cost-data"),
                "only the provisional month changed");
        assertTrue(branchFile("aws/" + now + ".yaml").contains("revisions:"), branchFile("aws/" + now + ".yaml"));

        YearMonth closed = now.minusMonths(2);
        billed.put(closed, new BigDecimal("99.99"));
        String headBefore = git(origin, "rev-parse", "cost-data");
        Run refused = runWorkflow(false);
        assertAll(
                () -> assertFalse(refused.result().succeeded()),
                () -> assertEquals(1, refused.result().step(FETCH).exit(), refused.result().log()),
                () -> assertTrue(refused.result().step(FETCH).output().contains("aws/" + closed + ".yaml"),
                        refused.result().step(FETCH).output()),
                () -> assertEquals(List.of(CHECKOUT, FETCH, EXPLAIN), refused.result().ran(), "nothing committed or built"),
                () -> assertEquals(headBefore, git(origin, "rev-parse", "cost-data")),
                () -> assertFalse(Files.exists(refused.workspace().resolve("_site")), "nothing to publish"),
                () -> assertTrue(refused.summary().contains("### Cost data not updated, site not published"),
                        refused.summary()));

        Run accepted = runWorkflow(true);
        assertTrue(accepted.result().succeeded(), accepted.result().log());
        assertEquals("Cost data: aws " + closed, git(origin, "log", "-1", "--format=%s", "cost-data"));
        String month = branchFile("aws/" + closed + ".yaml");
        assertTrue(month.contains("revisions:") && month.contains("amount: 99.99"), month);
    }

    @Test
    void focusFilesDroppedOnTheBranchAreImportedAndMovedAsideAndABrokenOneStopsTheRun() throws IOException {
        Path person = fixture.cloneBranch("person", "cost-data");
        dropImport(person, "imports/azure/part_0_0001.csv", """
                ProviderName,SubAccountId,SubAccountName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory
                Microsoft,/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,Contoso Prod,2025-03-01T00:00:00Z,USD,12.50,Usage
                Microsoft,/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,Contoso Prod,2025-03-15T00:00:00Z,USD,7.25,Usage
                """);

        Run imported = runWorkflow(false);

        assertTrue(imported.result().succeeded(), imported.result().log());
        assertEquals("Cost data: azure 2025-03", git(origin, "log", "-1", "--format=%s", "cost-data"),
                "the AWS months fetched again are unchanged");
        List<String> files = branchFiles();
        assertAll(
                () -> assertTrue(files.contains("azure/2025-03.yaml"), files.toString()),
                () -> assertEquals(1, doneFiles(files, "part_0_0001.csv").size(), files.toString()),
                () -> assertFalse(files.contains("imports/azure/part_0_0001.csv"), files.toString()),
                () -> assertTrue(branchFile("azure/2025-03.yaml").contains("amount: 19.75"),
                        branchFile("azure/2025-03.yaml")));

        // Azure names every export part_0_0001.csv: the next one, one in capitals, a compressed one
        git(person, "pull", "-q", "--ff-only", "origin", "cost-data");
        dropImport(person, "imports/azure/part_0_0001.csv", """
                ProviderName,SubAccountId,SubAccountName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory
                Microsoft,/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,Contoso Prod,2025-04-01T00:00:00Z,USD,3.00,Usage
                """);
        dropImport(person, "imports/azure/PART_0_0002.CSV", """
                ProviderName,SubAccountId,SubAccountName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory
                Microsoft,/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,Contoso Prod,2025-05-01T00:00:00Z,USD,4.00,Usage
                """);
        dropImport(person, "imports/azure/part_0_0003.csv.gz", "not unpacked");

        Run again = runWorkflow(false);

        assertTrue(again.result().succeeded(), again.result().log());
        assertEquals("Cost data: azure 2025-04 2025-05", git(origin, "log", "-1", "--format=%s", "cost-data"));
        List<String> after = branchFiles();
        assertAll(
                () -> assertEquals(2, doneFiles(after, "part_0_0001.csv").size(), "one per run: " + after),
                () -> assertEquals(1, doneFiles(after, "PART_0_0002.CSV").size(), after.toString()),
                () -> assertTrue(after.contains("imports/azure/part_0_0003.csv.gz"), "left where it is"),
                () -> assertTrue(again.result().step(IMPORT).output().contains(
                        "::warning file=cost-data/imports/azure/part_0_0003.csv.gz::not a FOCUS CSV file"),
                        again.result().step(IMPORT).output()));

        git(person, "pull", "-q", "--ff-only", "origin", "cost-data");
        dropImport(person, "imports/azure/2025-06.csv", """
                ProviderName,SubAccountId,SubAccountName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory
                Microsoft,/subscriptions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,Contoso Prod,2025-06-01T00:00:00Z,USD,twelve,Usage
                """);
        String headBefore = git(origin, "rev-parse", "cost-data");

        Run broken = runWorkflow(false);

        String output = broken.result().step(IMPORT).output();
        assertAll(
                () -> assertEquals(List.of(CHECKOUT, FETCH, IMPORT, EXPLAIN), broken.result().ran(), broken.result().log()),
                () -> assertTrue(broken.result().step(IMPORT).failed()),
                () -> assertTrue(output.contains("imports/azure/2025-06.csv:2:"), output),
                () -> assertTrue(output.contains("EffectiveCost"), output),
                () -> assertEquals(headBefore, git(origin, "rev-parse", "cost-data"), "nothing committed"),
                () -> assertTrue(branchFiles().contains("imports/azure/2025-06.csv"), "the broken file stays to be fixed"));
    }

    private List<String> branchFiles() {
        return WorkflowFixture.lines(git(origin, "ls-tree", "-r", "--name-only", "cost-data"));
    }

    /** The files of that name moved to imports/done/azure/<time of the run>/. */
    private static List<String> doneFiles(List<String> files, String name) {
        return files.stream().filter(f -> f.matches("imports/done/azure/\\d{4}-\\d{2}-\\d{2}T\\d{6}Z/" + name)).toList();
    }

    @Test
    void repositoryVariablesGiveTheTagKeysOfTheFetchAndTheImportAndRegroupingNeedsConsent() throws IOException {
        dropImport(fixture.cloneBranch("person", "cost-data"), "imports/azure/2025-03.csv", """
                ProviderName,SubAccountId,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory,Tags
                Microsoft,0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,2025-03-01,USD,12.50,Usage,"{""team"": ""iot""}"
                Microsoft,0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,2025-03-02,USD,7.25,Usage,NULL
                """);

        Map<String, String> variables = Map.of("COST_EXPLORER_TAG_KEY", "product", "FOCUS_TAG_KEY", "team");
        // the months fetched before without the tag are final: dividing them differently needs consent
        Run refused = runWorkflow(false, variables);
        assertEquals(List.of(CHECKOUT, FETCH, EXPLAIN), refused.result().ran(), refused.result().log());
        assertTrue(refused.result().step(FETCH).output().contains("would be divided by tag differently"),
                refused.result().step(FETCH).output());

        Run run = runWorkflow(true, variables);

        assertTrue(run.result().succeeded(), run.result().log());
        JsonNode request = fake.requests().get(fake.requests().size() - 1).body();
        assertEquals("{\"Type\":\"TAG\",\"Key\":\"product\"}", request.path("GroupBy").get(1).toString());
        String lastMonth = branchFile("aws/" + thisMonth().minusMonths(1) + ".yaml");
        assertTrue(lastMonth.contains("    tag: alpha\n"), lastMonth);
        String march = branchFile("azure/2025-03.yaml");
        assertTrue(march.contains("origin: \"2025-03.csv by tag key 'team'\"\n"), march);
        assertTrue(march.contains("    tag: \"\"\n    amount: 7.25\n") && march.contains("    tag: iot\n    amount: 12.50\n"),
                march);
    }

    // --- costs import --engine athena (issue 14) ---
    private static final String ATHENA = "Import AWS costs with Athena from the FOCUS export in S3 (last month and this one)";

    @Test
    void withTheAthenaEngineAthenaReadsTheLastTwoBillingPeriodsInsteadOfCostExplorer() throws IOException {
        WorkflowFixture fresh = WorkflowFixture.copyOf(template, dir.resolve("athena"));
        YearMonth now = thisMonth();
        YearMonth last = now.minusMonths(1);
        List<String> header = List.of("providername", "billingaccountid", "billingaccountname", "subaccountid",
                "subaccountname", "billingcurrency", "billingperiod", "chargemonth", "chargecategory", "chargeclass",
                "chargefrequency", "termstart", "termend", "commitmentdiscountid", "chargedescription",
                "effectivecost", "billedcost", "listcost", "rowcount");
        try (FakeAthena athena = new FakeAthena()) {
            athena.states("QUEUED", "RUNNING", "SUCCEEDED").scanned(5_000_000L).pages(List.of(header,
                    focusRow(ALPHA_ACCOUNT, last, last, "210.5000000000", "720"),
                    focusRow(UNCLAIMED_ACCOUNT, last, last, "3.5000000000", "30"),
                    focusRow(ALPHA_ACCOUNT, now, now, "42.0000000000", "96")),
                    // a late charge of last month on this month's invoice
                    List.of(focusRow(ALPHA_ACCOUNT, now, last, "0.2500000000", "1")));
            Map<String, String> variables = Map.of("COST_IMPORT_ENGINE", "athena", "ATHENA_DATABASE", "cur_focus",
                    "ATHENA_TABLE", "focus_1_0_aws", "ATHENA_WORKGROUP", "primary",
                    "ATHENA_OUTPUT_LOCATION", "s3://athena-results-example/servicedocs/", "ATHENA_REGION", "eu-west-1");

            Path workspace = fresh.checkout();
            Map<String, String> env = environment(fresh, fake);
            env.put("AWS_ENDPOINT_URL_ATHENA", athena.endpoint().toString());
            Map<String, Object> context = new HashMap<>();
            context.put("vars.COST_EXPLORER_ROLE_ARN", "arn:aws:iam::123456789012:role/servicedocs-costs");
            variables.forEach((name, value) -> context.put("vars." + name, value));
            context.put("github.event_name", "schedule");
            WorkflowJob.Result result = WorkflowJob.of(WORKFLOW, "refresh").run(workspace, env, context);

            assertTrue(result.succeeded(), result.log());
            assertEquals(List.of(CHECKOUT, IMPORT, ATHENA, COMMIT, FORGET, BUILD), result.ran());
            assertTrue(fake.requests().isEmpty(), "Cost Explorer is not asked: " + fake.requests());
            FakeAthena.Recorded start = athena.requests().get(0);
            assertTrue(start.authorization().orElse("").contains("/eu-west-1/athena/aws4_request"),
                    start.authorization().toString());
            assertTrue(start.body().get("QueryString").asString().contains(
                    "WHERE \"billing_period\" IN ('" + last + "', '" + now + "')"), start.body().toString());
            assertTrue(result.step(ATHENA).output().contains("scanned 5,000,000 bytes: USD 0.0000476837158203125"),
                    result.step(ATHENA).output());
            assertEquals(List.of("aws/" + last + ".yaml", "aws/" + now + ".yaml"),
                    WorkflowFixture.lines(fresh.git(fresh.origin(), "ls-tree", "-r", "--name-only", "cost-data")));
            String lastMonth = fresh.show("cost-data", "aws/" + last + ".yaml");
            // 210.50 and the late 0.25 of this month's invoice, each under its billing period (since
            // billing periods are kept apart, issue 14: the month is their sum, 210.75)
            assertTrue(lastMonth.contains("status: final\n")
                    && lastMonth.contains("amount: 210.5\n    currency: USD\n    billing_period: \"" + last + "\"\n")
                    && lastMonth.contains("amount: 0.25\n    currency: USD\n    billing_period: \"" + now + "\"\n"),
                    lastMonth);
            String csv = Files.readString(workspace.resolve("_site/api/costs.csv"));
            assertTrue(csv.contains("\nalpha," + last + ",final,USD,210.75,"), csv);
        }
    }

    private static List<String> focusRow(String account, YearMonth billingPeriod, YearMonth chargeMonth,
            String effectiveCost, String rows) {
        return java.util.Arrays.asList("AWS", "123456789012", "Example Payer", account, null, "USD",
                billingPeriod.toString(), chargeMonth.toString(), "usage", null, "usagebased", null, null, null, null,
                effectiveCost, effectiveCost, effectiveCost, rows);
    }
    // --- end costs import --engine athena ---

    @Test
    void theSharedCheckoutUsesTheBranchWhenThereIsOneAndTheCommitsDataOtherwise() throws IOException {
        Path before = WorkflowFixture.copyOf(template, dir.resolve("template")).checkout();
        Files.createDirectories(before.resolve("cost-data"));
        Files.writeString(before.resolve("cost-data/example.txt"), "the template's example data");
        WorkflowJob.Result without = WorkflowJob.ofAction(ACTION).run(before, environment());
        assertTrue(without.succeeded(), without.log());
        assertTrue(without.log().contains("No cost-data branch"), without.log());
        assertTrue(Files.exists(before.resolve("cost-data/example.txt")), "the commit's data is kept");

        Path after = fixture.checkout(); // origin after the first run
        Files.createDirectories(after.resolve("cost-data"));
        Files.writeString(after.resolve("cost-data/example.txt"), "the template's example data");
        WorkflowJob.Result with = WorkflowJob.ofAction(ACTION).run(after, environment());
        assertTrue(with.succeeded(), with.log());
        assertFalse(Files.exists(after.resolve("cost-data/example.txt")), "replaced by the branch");
        try (Stream<Path> months = Files.list(after.resolve("cost-data/aws"))) {
            assertEquals(14, months.count());
        }
    }

    @Test
    void aPushToMainPublishesTheSiteWithTheCostsOfTheBranch() throws IOException {
        // from origin after the first run (setUp)

        Path workspace = fixture.checkout();
        WorkflowJob.Result publish = WorkflowJob.of(Path.of(".github/workflows/publish.yml"), "build")
                .run(workspace, fixture.environment());

        assertTrue(publish.succeeded(), publish.log());
        YearMonth lastMonth = thisMonth().minusMonths(1);
        String csv = Files.readString(workspace.resolve("_site/api/costs.csv"));
        assertTrue(csv.contains("\nalpha," + lastMonth + ",final,USD," + usual(lastMonth) + ","), csv);
    }

    /** Someone commits a FOCUS file to the cost-data branch, for the next run to import. */
    private void dropImport(Path clone, String path, String csv) throws IOException {
        Files.createDirectories(clone.resolve(path).getParent());
        Files.writeString(clone.resolve(path), BillingAccountColumn.add(csv));
        git(clone, "add", "-A");
        git(clone, "commit", "-q", "-m", "FOCUS export " + path);
        git(clone, "push", "-q", "origin", "cost-data");
    }

    /** One run of the refresh job on a fresh clone of origin. */
    private record Run(Path workspace, WorkflowJob.Result result, String summary) {
    }

    private Run runWorkflow(boolean acceptFinalChanges) throws IOException {
        return runWorkflow(acceptFinalChanges, Map.of());
    }

    /**
     * A run with the role's variable and these repository variables set ({@code vars.NAME} ->
     * value): on schedule, or by hand with "accept final changes" ticked.
     */
    private Run runWorkflow(boolean acceptFinalChanges, Map<String, String> variables) throws IOException {
        return runWorkflow(fixture, fake, acceptFinalChanges, variables);
    }

    private static Run runWorkflow(WorkflowFixture fixture, FakeCostExplorer fake, boolean acceptFinalChanges,
                                   Map<String, String> variables) throws IOException {
        Path workspace = fixture.checkout();
        Map<String, String> env = environment(fixture, fake);
        Map<String, Object> context = new HashMap<>();
        context.put("vars.COST_EXPLORER_ROLE_ARN", "arn:aws:iam::123456789012:role/servicedocs-costs");
        variables.forEach((name, value) -> context.put("vars." + name, value));
        context.put("github.event_name", acceptFinalChanges ? "workflow_dispatch" : "schedule");
        if (acceptFinalChanges) {
            context.put("inputs.accept_final_changes", Boolean.TRUE); // on schedule there are no inputs
        }
        WorkflowJob.Result result = WorkflowJob.of(WORKFLOW, "refresh").run(workspace, env, context);
        return new Run(workspace, result, WorkflowFixture.summary(env));
    }

    private Map<String, String> environment() {
        return environment(fixture, fake);
    }

    private static Map<String, String> environment(WorkflowFixture fixture, FakeCostExplorer fake) {
        Map<String, String> env = fixture.environment();
        // what aws-actions/configure-aws-credentials exports after assuming the role
        env.put("AWS_ACCESS_KEY_ID", "ASIAWORKFLOWTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.put("AWS_SESSION_TOKEN", "session-token");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        // the test's redirection: the SDK sends Cost Explorer requests to the fake
        env.put("AWS_ENDPOINT_URL", fake.endpoint().toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    /** The fake's answer: alpha's account and an unclaimed one, every month of the request. */
    private static String costAndUsage(JsonNode request, Map<YearMonth, BigDecimal> billed) {
        LocalDate start = LocalDate.parse(request.path("TimePeriod").path("Start").asString());
        LocalDate end = LocalDate.parse(request.path("TimePeriod").path("End").asString());
        String metric = request.path("Metrics").get(0).asString();
        // grouped by a tag as well: alpha's resources carry product=alpha, the sandbox's none
        JsonNode tagGroup = request.path("GroupBy").path(1);
        String tagKey = tagGroup.path("Type").asString("").equals("TAG") ? tagGroup.path("Key").asString() : null;
        ObjectNode page = JSON.createObjectNode();
        page.putArray("GroupDefinitions").addObject().put("Type", "DIMENSION").put("Key", "LINKED_ACCOUNT");
        ArrayNode results = page.putArray("ResultsByTime");
        for (YearMonth month = YearMonth.from(start); month.atDay(1).isBefore(end); month = month.plusMonths(1)) {
            ObjectNode result = results.addObject();
            result.putObject("TimePeriod").put("Start", month.atDay(1).toString())
                    .put("End", month.plusMonths(1).atDay(1).toString());
            result.putObject("Total");
            ArrayNode groups = result.putArray("Groups");
            group(groups, tagKey == null ? List.of(ALPHA_ACCOUNT) : List.of(ALPHA_ACCOUNT, tagKey + "$alpha"),
                    metric, billed.getOrDefault(month, usual(month)));
            group(groups, tagKey == null ? List.of(UNCLAIMED_ACCOUNT) : List.of(UNCLAIMED_ACCOUNT, tagKey + "$"),
                    metric, new BigDecimal("3.50"));
            result.put("Estimated", !month.isBefore(thisMonth()));
        }
        ArrayNode attributes = page.putArray("DimensionValueAttributes");
        attributes.addObject().put("Value", ALPHA_ACCOUNT).putObject("Attributes").put("description", "alpha-prod");
        attributes.addObject().put("Value", UNCLAIMED_ACCOUNT).putObject("Attributes").put("description", "sandbox");
        return page.toString();
    }

    private static void group(ArrayNode groups, List<String> keys, String metric, BigDecimal amount) {
        ObjectNode group = groups.addObject();
        ArrayNode keyArray = group.putArray("Keys");
        keys.forEach(keyArray::add);
        group.putObject("Metrics").putObject(metric).put("Amount", amount.toPlainString()).put("Unit", "USD");
    }

    /** Alpha's usual monthly bill: 100 dollars plus the month's number, and 25 cents. */
    private static BigDecimal usual(YearMonth month) {
        return new BigDecimal(100 + month.getMonthValue() + ".25");
    }

    private static YearMonth thisMonth() {
        return YearMonth.now(ZoneOffset.UTC);
    }

    private List<YearMonth> fetchedMonths() {
        return WorkflowFixture.lines(git(origin, "ls-tree", "-r", "--name-only", "cost-data")).stream()
                .map(name -> YearMonth.parse(name.substring("aws/".length(), name.length() - ".yaml".length())))
                .toList();
    }

    private static String join(List<YearMonth> months) {
        return months.stream().map(YearMonth::toString).collect(Collectors.joining(" "));
    }

    private String branchFile(String path) {
        return fixture.show("cost-data", path);
    }

    private String git(Path where, String... args) {
        return fixture.git(where, args);
    }
}
