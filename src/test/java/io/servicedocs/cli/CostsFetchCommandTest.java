package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.aws.TestCredentials;
import io.servicedocs.TestRepositories;
import io.servicedocs.cost.aws.FakeCostExplorer;
import io.servicedocs.model.CostMonth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code servicedocs costs fetch} in-process against the Cost Explorer fake on loopback, with the
 * SDK's default credential and region chains fed by system properties, as a user's environment
 * would.
 */
class CostsFetchCommandTest {

    private static TestCredentials credentials;

    @TempDir
    Path dir;

    private Path repo;
    private FakeCostExplorer fake;

    @BeforeAll
    static void credentials() {
        credentials = TestCredentials.install();
    }

    @AfterAll
    static void restore() {
        credentials.restore();
    }

    @BeforeEach
    void start() throws IOException {
        repo = TestRepositories.minimalCopy(dir);
        fake = new FakeCostExplorer();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun fetch(String now, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("costs", "fetch", "--repo", repo.toString(),
                "--endpoint", fake.endpoint().toString(), "--as-of", "2026-11-24", "--now", now));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private String month(String month) throws IOException {
        return Files.readString(repo.resolve(CostMonth.pathOf("aws", java.time.YearMonth.parse(month))));
    }

    private boolean exists(String month) {
        return Files.exists(repo.resolve(CostMonth.pathOf("aws", java.time.YearMonth.parse(month))));
    }

    @Test
    void followsEveryPageAndWritesEveryMonthAndAccount() throws IOException {
        fake.page("accounts-page-1.json").page("accounts-page-2.json").page("accounts-page-3.json");

        CliRun run = fetch("2026-11-24T08:00:00Z", "--from", "2026-01", "--to", "2026-03");

        assertEquals(0, run.status(), run.err());
        assertEquals(3, fake.requests().size(), "three pages");
        String display = repo.resolve("cost-data/aws").toString();
        assertEquals(display + "/2026-01.yaml: created (final, 1234.5678901235567890123 USD)\n"
                + display + "/2026-02.yaml: created (final, 1194.5084073465 USD)\n"
                + display + "/2026-03.yaml: created (final, no cost lines)\n"
                + "3 request(s) to Cost Explorer (at most USD 0.03)\n", run.out());
        assertEquals("""
                # yaml-language-server: $schema=../../schemas/cost-month.schema.json
                # Written by 'servicedocs costs fetch' or 'servicedocs costs import'; do not edit by hand: fetch or import again instead.
                source: aws
                month: "2026-01"
                status: final
                basis: AmortizedCost
                retrieved: 2026-11-24T08:00:00Z
                origin: AWS Cost Explorer GetCostAndUsage by linked account
                costs:
                  - element:
                      provider: aws
                      id: "111111111111"
                      name: payments-prod
                    amount: 1234.5678901234567890123
                    currency: USD
                  - element:
                      provider: aws
                      id: "222222222222"
                      name: payments-staging
                    amount: 0.0000000001
                    currency: USD
                  - element:
                      provider: aws
                      id: "999999999999"
                    amount: 0
                    currency: USD
                """, month("2026-01"));
        // 999999999999 belongs to no product of the repository: written all the same, with its credit
        assertTrue(month("2026-02").contains("      id: \"999999999999\"\n    amount: -3.1415926535\n"), month("2026-02"));
        assertTrue(month("2026-03").endsWith("costs: []\n"), "a month without cost is a fact too");

        CliRun validation = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24");
        assertEquals(0, validation.status(), validation.out());
        assertFalse(validation.out().contains("cost-data/aws/2026-0"), validation.out());
    }

    @Test
    void anEstimatedMonthIsReplacedWhenItBecomesFinalAndTheRevisionIsKept() throws IOException {
        fake.page("month-estimated.json");
        CliRun first = fetch("2026-10-28T03:00:00Z", "--from", "2026-09", "--to", "2026-11");
        assertEquals(0, first.status(), first.err());
        assertTrue(month("2026-10").contains("status: provisional\n"), "Cost Explorer said Estimated");
        assertTrue(month("2026-11").contains("status: provisional\n"));
        assertTrue(month("2026-09").contains("status: final\n"));

        fake.page("month-final.json");
        CliRun second = fetch("2026-11-05T03:00:00Z", "--from", "2026-10", "--to", "2026-10");

        assertEquals(0, second.status(), second.err());
        assertEquals(repo.resolve("cost-data/aws/2026-10.yaml") + ": replaced (provisional -> final, "
                + "1012.3387612 USD -> 1021.0045108839 USD)\n1 request(s) to Cost Explorer (at most USD 0.01)\n",
                second.out());
        String october = month("2026-10");
        assertTrue(october.contains("status: final\n") && october.contains("amount: 1021.0045108839\n"), october);
        assertTrue(october.endsWith("""
                revisions:
                  - replaced: 2026-11-05T03:00:00Z
                    status: provisional
                    retrieved: 2026-10-28T03:00:00Z
                    totals:
                      - amount: 1012.3387612
                        currency: USD
                    reason: "provisional month re-fetched: now final"
                """), october);
    }

    @Test
    void aChangedFinalMonthIsRefusedUnlessAccepted() throws IOException {
        fake.page("month-final.json");
        assertEquals(0, fetch("2026-11-05T03:00:00Z", "--from", "2026-10", "--to", "2026-10").status());
        String before = month("2026-10");
        // September and October again: October is final now, and month-estimated.json says it cost less
        fake.page("month-estimated.json");

        CliRun refused = fetch("2026-11-06T03:00:00Z", "--from", "2026-09", "--to", "2026-11");

        assertEquals(1, refused.status());
        String path = repo.resolve("cost-data/aws").toString();
        assertEquals(path + "/2026-09.yaml: would be created (final, 980.10 USD)\n"
                + path + "/2026-10.yaml: refused: the final month would become provisional again (final -> provisional, "
                + "1021.0045108839 USD -> 1012.3387612 USD)\n"
                + path + "/2026-11.yaml: would be created (provisional, no cost lines)\n"
                + "1 request(s) to Cost Explorer (at most USD 0.01)\n", refused.out());
        assertTrue(refused.err().contains("1 final month(s) refused; nothing was written"), refused.err());
        assertEquals(before, month("2026-10"));
        assertFalse(exists("2026-09"));
        assertFalse(exists("2026-11"));

        fake.page("month-estimated.json");
        CliRun accepted = fetch("2026-11-06T03:00:00Z", "--from", "2026-09", "--to", "2026-11", "--accept-final-changes");

        assertEquals(0, accepted.status(), accepted.err());
        assertTrue(month("2026-10").contains("reason: final month replaced by provisional data (--accept-final-changes)\n"));
        assertTrue(exists("2026-09") && exists("2026-11"));
    }

    @Test
    void stopsAtTheRequestCapAndWritesNothing() {
        fake.page("accounts-page-1.json").page("accounts-page-2.json").page("accounts-page-3.json");

        CliRun run = fetch("2026-11-24T08:00:00Z", "--from", "2026-01", "--to", "2026-03", "--max-requests", "2");

        assertEquals(2, run.status());
        assertEquals(2, fake.requests().size());
        assertTrue(run.err().startsWith("servicedocs: Stopped at the cap of 2 Cost Explorer request(s) per run (USD 0.02)"),
                run.err());
        assertTrue(run.err().contains("Nothing was written."), run.err());
        assertEquals("2 request(s) to Cost Explorer (at most USD 0.02)\n", run.out());
        assertFalse(Files.exists(repo.resolve("cost-data")));
    }

    @Test
    void anErrorOfCostExplorerIsReportedWithWhatToCheck() {
        fake.error(400, "AccessDeniedException", "User is not authorized to perform: ce:GetCostAndUsage");

        CliRun run = fetch("2026-11-24T08:00:00Z", "--from", "2026-10");

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("servicedocs: AWS denied access to Cost Explorer (AWS says: User is not "
                + "authorized to perform: ce:GetCostAndUsage). The identity needs the IAM permission ce:GetCostAndUsage"),
                run.err());
        assertEquals("1 request(s) to Cost Explorer (at most USD 0.01)\n", run.out());
        assertFalse(Files.exists(repo.resolve("cost-data")));
    }

    @Test
    void anInvalidExistingMonthStopsTheRunBeforeAnyRequest() throws IOException {
        Path file = repo.resolve("cost-data/aws/2026-10.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "source: aws\nmonth: \"2026-10\"\nstatus: finished\n");

        CliRun run = fetch("2026-11-24T08:00:00Z", "--from", "2026-09", "--to", "2026-10");

        assertEquals(1, run.status());
        assertEquals(0, fake.requests().size(), "no request paid for");
        assertTrue(run.err().contains(file + ":3:9: error: 'finished' is not allowed here; expected one of: "
                + "provisional, final [schema-enum]"), run.err());
        assertEquals("source: aws\nmonth: \"2026-10\"\nstatus: finished\n", Files.readString(file));
    }

    @Test
    void usageProblemsExitWithTwo() {
        CliRun badMonth = fetch("2026-11-24T08:00:00Z", "--from", "2026-13");
        assertEquals(2, badMonth.status());
        assertTrue(badMonth.err().contains("'2026-13' is not a month; expected YYYY-MM, e.g. 2026-10"), badMonth.err());

        CliRun reversed = fetch("2026-11-24T08:00:00Z", "--from", "2026-10", "--to", "2026-09");
        assertEquals(2, reversed.status());
        assertTrue(reversed.err().contains("--from 2026-10 is after --to 2026-09"), reversed.err());

        CliRun future = fetch("2026-11-24T08:00:00Z", "--from", "2026-12");
        assertEquals(2, future.status());
        assertTrue(future.err().contains("--from 2026-12 is after the current month 2026-11"), future.err());

        CliRun cap = fetch("2026-11-24T08:00:00Z", "--from", "2026-10", "--max-requests", "0");
        assertEquals(2, cap.status());
        assertTrue(cap.err().contains("maxRequests must be at least 1"), cap.err());

        CliRun endpoint = CliRun.of("costs", "fetch", "--repo", repo.toString(), "--from", "2026-10",
                "--endpoint", "localhost:4566");
        assertEquals(2, endpoint.status());
        assertTrue(endpoint.err().contains("is not an http or https URL"), endpoint.err());

        CliRun notARepository = CliRun.of("costs", "fetch", "--repo", dir.toString(), "--from", "2026-10");
        assertEquals(2, notARepository.status());
        assertTrue(notARepository.err().contains("has no standards/ or products/ folder"), notARepository.err());

        assertEquals(0, fake.requests().size());
        assertEquals(2, CliRun.of("costs").status());
    }
}
