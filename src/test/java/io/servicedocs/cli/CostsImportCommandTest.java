package io.servicedocs.cli;

import io.servicedocs.cost.focus.BillingAccountColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code servicedocs costs import} in-process on the FOCUS test files. */
class CostsImportCommandTest {

    static final String FOCUS = "src/test/resources/cost/focus/";
    static final String SAMPLE = FOCUS + "focus-1.0-sample-aws.csv";
    static final String AZURE = FOCUS + "azure-quirks.csv";
    static final String BROKEN = FOCUS + "broken.csv";
    static final String HEADER =
            "ProviderName,SubAccountId,SubAccountName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory\n";

    @TempDir
    Path dir;

    private Path repo;

    @BeforeEach
    void repository() throws IOException {
        repo = TestRepositories.minimalCopy(dir);
    }

    private CliRun run(String now, String... args) {
        List<String> all = new ArrayList<>(List.of("costs", "import", "--repo", repo.toString(), "--as-of", "2026-11-24",
                "--now", now));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private Path file(String source, String month) {
        return repo.resolve("cost-data/" + source + "/" + month + ".yaml");
    }

    @Test
    void importsTheAwsSampleAsAFinalMonthOfEveryAccount() throws IOException {
        CliRun run = run("2026-11-24T08:00:00Z", SAMPLE);

        assertEquals(0, run.status(), run.err());
        assertEquals(file("aws", "2024-09") + ": created (final, -2.00000000000 USD)\n"
                + "Imported 200 row(s) of 1 file(s) as source 'aws'; 1 month(s): 1 created\n", run.out());
        assertTrue(run.err().startsWith("servicedocs: note: 45 AWS account id(s) had fewer than 12 digits"), run.err());
        String text = Files.readString(file("aws", "2024-09"));
        assertTrue(text.contains("basis: FOCUS 1.0 EffectiveCost\nretrieved: 2026-11-24T08:00:00Z\n"
                + "origin: focus-1.0-sample-aws.csv\n"), text);
        assertTrue(text.contains("""
                  - element:
                      provider: aws
                      id: "011353890204"
                      name: Atlas Orion
                    amount: -2.00000000000
                    currency: USD
                """), text);
        assertEquals(45, text.split("- element:", -1).length - 1);

        CliRun again = run("2026-11-25T08:00:00Z", SAMPLE);
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().startsWith(file("aws", "2024-09") + ": unchanged (final, -2.00000000000 USD)\n"),
                again.out());
        assertEquals(text, Files.readString(file("aws", "2024-09")));

        CliRun validation = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24");
        assertEquals(0, validation.status(), validation.out());
    }

    @Test
    void withATagKeyAProductClaimsItsTaggedPartOfASharedSubscription() throws IOException {
        String subscription = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
        Path focus = dir.resolve("shared-subscription.csv");
        Files.writeString(focus, BillingAccountColumn.add("ProviderName,SubAccountId,SubAccountName,ChargePeriodStart,BillingCurrency,"
                + "EffectiveCost,ChargeCategory,Tags\n"
                + "Microsoft,/subscriptions/" + subscription + ",Shared,2026-09-01,USD,10.50,Usage,"
                + "\"{\"\"product\"\": \"\"alpha\"\", \"\"env\"\": \"\"prod\"\"}\"\n"
                + "Microsoft,/subscriptions/" + subscription + ",Shared,2026-09-02,USD,4.50,Usage,"
                + "\"{\"\"Product\"\": \"\"alpha\"\"}\"\n"
                + "Microsoft,/subscriptions/" + subscription + ",Shared,2026-09-03,USD,2.25,Usage,NULL\n"));
        Files.writeString(repo.resolve("standards/costs.yaml"), "reporting_currency: USD\n");
        Files.writeString(repo.resolve("standards/exchange-rates.yaml"), "rates:\n  JPY:\n    \"2026-09\": 0.0067\n");
        Path alpha = repo.resolve("products/alpha/service-doc.yaml");
        Files.writeString(alpha, Files.readString(alpha)
                + "  - provider: azure\n    id: \"" + subscription + "\"\n    tag: alpha\n");

        CliRun run = run("2026-11-24T08:00:00Z", focus.toString(), "--tag-key", "product");

        assertEquals(0, run.status(), run.err());
        String september = Files.readString(file("azure", "2026-09"));
        assertTrue(september.contains("origin: \"shared-subscription.csv by tag key 'product'\"\n"), september);
        assertTrue(september.endsWith("""
                costs:
                  - element:
                      provider: azure
                      id: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
                      name: Shared
                    tag: ""
                    amount: 2.25
                    currency: USD
                    billing_period: "2026-09"
                  - element:
                      provider: azure
                      id: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
                      name: Shared
                    tag: alpha
                    amount: 15.00
                    currency: USD
                    billing_period: "2026-09"
                """), september);

        CliRun validation = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24");
        assertEquals(0, validation.status(), validation.out());
        assertTrue(validation.out().contains("azure cost element '" + subscription + "' (Shared) tagged '' is claimed "
                + "by no product and no shared pool"), "the untagged part only: " + validation.out());
        assertFalse(validation.out().contains("tagged 'alpha'"), validation.out());
    }

    @Test
    void withATagKeyAFileWithoutTagsColumnOrWithoutTheTagIsImportedWithANote() throws IOException {
        Path plain = dir.resolve("plain.csv");
        Files.writeString(plain, BillingAccountColumn.add(HEADER + "Microsoft,0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,Shared,2026-09-01,USD,3,Usage\n"));
        Path other = dir.resolve("other-tags.csv");
        Files.writeString(other, BillingAccountColumn.add("ProviderName,SubAccountId,SubAccountName,ChargePeriodStart,BillingCurrency,"
                + "EffectiveCost,ChargeCategory,Tags\n"
                + "Microsoft,11111111-2222-3333-4444-555555555555,Dev,2026-10-01,USD,5,Usage,"
                + "\"{\"\"team\"\": \"\"iot\"\", \"\"env\"\": \"\"dev\"\"}\"\n"));

        CliRun run = run("2026-11-24T08:00:00Z", plain.toString(), other.toString(), "--tag-key", "product");

        assertEquals(0, run.status(), run.err());
        assertEquals("servicedocs: note: " + plain + ": no Tags column; its costs are not divided by the tag 'product'\n"
                + "servicedocs: note: " + other + ": no row has the tag 'product'; the keys found are: env, team\n",
                run.err());
        assertEquals(file("azure", "2026-09") + ": created (final, 3 USD)\n"
                + file("azure", "2026-10") + ": created (final, 5 USD)\n"
                + "Imported 2 row(s) of 2 file(s) as source 'azure'; 2 month(s): 2 created\n", run.out());
        String september = Files.readString(file("azure", "2026-09"));
        assertTrue(september.contains("origin: plain.csv\n"), september);
        assertFalse(september.contains("tag"), "read without the tag: " + september);
        String october = Files.readString(file("azure", "2026-10"));
        assertTrue(october.contains("origin: \"other-tags.csv by tag key 'product'\"\n"), october);
        assertTrue(october.contains("    tag: \"\"\n"), "all of it the untagged part: " + october);
    }

    @Test
    void aBlankTagKeyIsAUsageError() {
        CliRun run = run("2026-11-24T08:00:00Z", SAMPLE, "--tag-key", " ");
        assertEquals(2, run.status());
        assertEquals("servicedocs: --tag-key is blank; give the tag's key, e.g. --tag-key application\n", run.err());
    }

    @Test
    void rowsWithoutSubAccountRefuseTheImportUnlessLeftOutExplicitly() throws IOException {
        // billing accounts take such rows by default: refusing them is asked for explicitly;
        // the Java reader knows the line of the first such row; DuckDB (the default) names the file
        CliRun refusedByJava = run("2026-11-24T08:00:00Z", AZURE, "--engine", "java", "--without-sub-account=error");
        assertEquals(1, refusedByJava.status());
        assertTrue(refusedByJava.err().startsWith(AZURE + ":9: column SubAccountId: 1 row(s) of 2025-04 from "
                + "ProviderName 'Microsoft' (EffectiveCost 0.35 USD) have no SubAccountId (the first on line 9), so"),
                refusedByJava.err());
        CliRun refused = run("2026-11-24T08:00:00Z", AZURE, "--without-sub-account=error");

        assertEquals(1, refused.status());
        assertTrue(refused.err().startsWith(AZURE + ": column SubAccountId: 1 row(s) of 2025-04 from ProviderName "
                + "'Microsoft' (EffectiveCost 0.35 USD) have no SubAccountId, so they cannot be attributed"), refused.err());
        assertTrue(refused.err().contains("nothing was written"), refused.err());
        assertFalse(Files.exists(repo.resolve("cost-data")));

        CliRun skipped = run("2026-11-24T08:00:00Z", AZURE, "--without-sub-account=skip");

        assertEquals(0, skipped.status(), skipped.err());
        // the 12-month licence (1,200 EUR from 2025-03-02) is spread over its term and the import says so
        assertEquals("servicedocs: note: " + AZURE + ": spread 1200 EUR over 2025-03..2026-02 (12 months, 100.00 EUR "
                + "in the first): one-time purchase 'Annual licence Contoso Suite, 12 months' of "
                + "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0, EffectiveCost, term 2025-03-02 to 2026-03-01\n"
                + "servicedocs: note: " + AZURE + ": left out 1 row(s) of 2025-04 from ProviderName 'Microsoft' "
                + "(EffectiveCost 0.35 USD): no SubAccountId\n", skipped.err());
        StringBuilder created = new StringBuilder(file("azure", "2025-03") + ": created (final, 122.50 EUR)\n"
                + file("azure", "2025-04") + ": created (final, 100.00 EUR + 3.5 USD)\n");
        for (String month : List.of("2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11",
                "2025-12", "2026-01", "2026-02")) {
            created.append(file("azure", month)).append(": created (final, 100.00 EUR)\n");
        }
        assertEquals(created + "Imported 6 row(s) of 1 file(s) as source 'azure'; 12 month(s): 12 created\n",
                skipped.out());
        String march = Files.readString(file("azure", "2025-03"));
        assertTrue(march.contains("""
                costs:
                  - element:
                      provider: azure
                      id: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
                      name: Contoso Prod
                    amount: 122.50
                    currency: EUR
                """), march);
        assertTrue(march.contains("basis: FOCUS 1.2 EffectiveCost\n"), march);
    }

    /**
     * --billing-period on an AWS export folder (January 4.00 USD, February 10 USD, Parquet parts
     * listed by manifests): only February's partition is read, so only 2026-02 is written.
     */
    @Test
    void billingPeriodReadsOnlyThatPartitionOfAnExportFolder(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path export = io.servicedocs.cost.duckdb.DuckDbFocusReaderTest.awsExport(dir);

        CliRun run = run("2026-11-24T08:00:00Z", "--billing-period", "2026-02", "--source", "aws", export.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains(file("aws", "2026-02") + ": created (final, 10 USD)\n"), run.out());
        assertFalse(Files.exists(file("aws", "2026-01")));

        CliRun java = run("2026-11-24T08:00:00Z", "--engine", "java", "--billing-period", "2026-02", export.toString());
        assertEquals(2, java.status());
        assertEquals("servicedocs: --billing-period goes with --engine duckdb (export folders) or athena; the java "
                + "reader reads whole files\n", java.err());
    }

    @Test
    void aFileWithErrorsIsReportedWithFileLineAndColumnAndNothingIsWritten() {
        CliRun run = run("2026-11-24T08:00:00Z", SAMPLE, BROKEN);

        assertEquals(1, run.status());
        assertTrue(run.err().startsWith(BROKEN + ":2: column EffectiveCost: 'abc' is not a number\n"
                + BROKEN + ":3: column EffectiveCost: missing value\n"), run.err());
        assertTrue(run.err().contains(BROKEN + ":10: column ChargePeriodStart: '2024-13-01' is not an ISO 8601 date"),
                run.err());
        assertTrue(run.err().endsWith("servicedocs: 1 of 2 file(s) cannot be imported; nothing was written\n"), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(repo.resolve("cost-data")), "not even the good file's month");

        CliRun missing = run("2026-11-24T08:00:00Z", FOCUS + "no-such.csv");
        assertEquals(1, missing.status());
        assertTrue(missing.err().startsWith(FOCUS + "no-such.csv:1: no such file\n"), missing.err());
    }

    @Test
    void filesOfOneSourceAreMergedAndAChangedFinalMonthIsRefused() throws IOException {
        Path first = dir.resolve("acme-2026-10.csv");
        Path second = dir.resolve("acme-2026-10-late.csv");
        Files.writeString(first, BillingAccountColumn.add(HEADER + "Acme SaaS,contract-7,Acme Suite,2026-10-01,JPY,1200000,Purchase\n"
                + "Acme SaaS,contract-7,Acme Suite,2026-11-01,JPY,100,Usage\n"));
        Files.writeString(second, BillingAccountColumn.add(HEADER + "Acme SaaS,contract-7,Acme Suite,2026-10-31,JPY,5000,Usage\n"));

        CliRun merged = run("2026-11-24T08:00:00Z", first.toString(), second.toString());

        assertEquals(0, merged.status(), merged.err());
        assertEquals(file("acme-saas", "2026-10") + ": created (final, 1205000 JPY)\n"
                + file("acme-saas", "2026-11") + ": created (provisional, 100 JPY)\n"
                + "Imported 3 row(s) of 2 file(s) as source 'acme-saas'; 2 month(s): 2 created\n", merged.out());
        String october = Files.readString(file("acme-saas", "2026-10"));
        assertTrue(october.contains("origin: \"acme-2026-10.csv, acme-2026-10-late.csv\"\n"), october);
        assertTrue(october.contains("""
                  - element:
                      provider: saas
                      id: contract-7
                      name: Acme Suite
                      vendor: Acme SaaS
                    amount: 1205000
                    currency: JPY
                """), october);

        // the first file alone again: October is final and would lose the late 5000 JPY
        CliRun refused = run("2026-11-25T08:00:00Z", first.toString());
        assertEquals(1, refused.status());
        assertTrue(refused.out().startsWith(file("acme-saas", "2026-10") + ": refused: the final month's figures "
                + "would change (closed billing period(s) [2026-10] imported again with other figures) (final -> final, "
                + "1205000 JPY -> 1200000 JPY)\n"
                + file("acme-saas", "2026-11") + ": unchanged (provisional, 100 JPY)\n"), refused.out());
        assertTrue(refused.out().endsWith("(nothing written)\n"), refused.out());
        assertEquals(october, Files.readString(file("acme-saas", "2026-10")));

        CliRun accepted = run("2026-11-25T08:00:00Z", first.toString(), "--accept-final-changes");
        assertEquals(0, accepted.status(), accepted.err());
        String replaced = Files.readString(file("acme-saas", "2026-10"));
        assertTrue(replaced.endsWith("""
                revisions:
                  - replaced: 2026-11-25T08:00:00Z
                    status: final
                    retrieved: 2026-11-24T08:00:00Z
                    totals:
                      - amount: 1205000
                        currency: JPY
                    reason: final month changed and accepted (--accept-final-changes)
                """), replaced);
    }

    @Test
    void theSourceIsGivenOrDerivedAndValidated() throws IOException {
        Path mixed = dir.resolve("mixed.csv");
        Files.writeString(mixed, BillingAccountColumn.add(HEADER + "AWS,111111111111,a,2026-10-01,USD,1,Usage\n"
                + "Microsoft,0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,b,2026-10-01,USD,2,Usage\n"));

        CliRun ambiguous = run("2026-11-24T08:00:00Z", mixed.toString());
        assertEquals(2, ambiguous.status());
        assertTrue(ambiguous.err().contains("cannot tell the source from ProviderName [AWS, Microsoft]; give it with "
                + "--source ID"), ambiguous.err());

        CliRun invalid = run("2026-11-24T08:00:00Z", mixed.toString(), "--source", "Cloud_All");
        assertEquals(2, invalid.status());
        assertTrue(invalid.err().contains("--source 'Cloud_All' is not a valid id"), invalid.err());

        CliRun twice = run("2026-11-24T08:00:00Z", mixed.toString(), mixed.toString());
        assertEquals(2, twice.status());
        assertTrue(twice.err().contains("is given twice"), twice.err());
        assertFalse(Files.exists(repo.resolve("cost-data")));

        CliRun given = run("2026-11-24T08:00:00Z", mixed.toString(), "--source", "cloud");
        assertEquals(0, given.status(), given.err());
        assertEquals(file("cloud", "2026-10") + ": created (final, 3 USD)\n"
                + "Imported 2 row(s) of 1 file(s) as source 'cloud'; 1 month(s): 1 created\n", given.out());
    }

    /**
     * Warnings print as warnings: a one-time purchase whose term the file does not give (its
     * charge period the purchase day) stays in its month, and a file whose EffectiveCost is 0
     * on every row while BilledCost is not: both named with file (and line, for the Java reader).
     */
    @Test
    void aPurchaseWithoutTermAndAnAllZeroEffectiveCostArePrintedAsWarnings() throws IOException {
        String header = "ProviderName,BillingAccountId,SubAccountId,BillingPeriodStart,ChargePeriodStart,ChargePeriodEnd,"
                + "BillingCurrency,EffectiveCost,BilledCost,ChargeCategory,ChargeFrequency,CommitmentDiscountId\n";
        Path purchase = Files.writeString(dir.resolve("purchase.csv"), header
                + "Acme SaaS,BA,c-1,2026-10-01,2026-10-05,2026-10-06,USD,1200,1200,Purchase,One-Time,plan-7\n");
        Path zero = Files.writeString(dir.resolve("zero.csv"), header
                + "Acme SaaS,BA,c-1,2026-10-01,2026-10-05,2026-10-06,USD,0,40,Usage,Usage-Based,\n");

        CliRun run = run("2026-11-24T08:00:00Z", "--engine", "java", purchase.toString(), zero.toString());

        assertEquals(0, run.status(), run.err());
        assertEquals("servicedocs: warning: " + purchase + ":2: one-time purchase 'plan-7' of c-1 (1200 USD "
                + "EffectiveCost) is booked in 2026-10 alone: its charge period, 2026-10-05 to 2026-10-05, covers no "
                + "more than a month and no column of the file gives a longer term; if it pays for a longer one, the "
                + "months after 2026-10 show none of it\n"
                + "servicedocs: warning: " + zero + ": EffectiveCost is 0 on every row (total 0 USD) but BilledCost "
                + "totals 40 USD; the provider may not fill EffectiveCost: import with --metric BilledCost to keep the "
                + "invoiced amounts\n", run.err());
        assertEquals(file("acme-saas", "2026-10") + ": created (final, 1200 USD)\n"
                + "Imported 2 row(s) of 2 file(s) as source 'acme-saas'; 1 month(s): 1 created\n", run.out());
    }
}
