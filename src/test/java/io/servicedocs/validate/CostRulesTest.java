package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.CostFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cost rules, each with one file of {@link CostFixture} broken: rule, place and message. */
class CostRulesTest {

    private static SchemaValidator schemas;

    @TempDir
    Path dir;

    @BeforeAll
    static void schemas() {
        schemas = new SchemaValidator();
    }

    private ValidationResult validate(Path repo) throws IOException {
        return new Validation(schemas, TestRepositories.AS_OF).run(new WorkingTreeSource(repo));
    }

    /** A broken file, and where the expected diagnostic is. */
    record Case(String name, String file, String content, String rule, String at, int line, int column, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String costs = CostFixture.COSTS;
        return Stream.of(
                new Case("missing exchange rate", "standards/exchange-rates.yaml",
                        CostFixture.RATES.replace("    \"2026-10\": 148.5\n", ""), "exchange-rate-missing",
                        "cost-data/aws/2026-10.yaml", 9, 15,
                        "no exchange rate from USD to JPY is declared for 2026-10; add it to standards/exchange-rates.yaml"),
                new Case("prepaid in a currency without a rate", "standards/costs.yaml",
                        costs.replace("amount: {amount: 1200, currency: USD}", "amount: {amount: 1200, currency: EUR}")
                                .replace("    booked_month: \"2026-09\"\n", ""),
                        "exchange-rate-missing", "standards/costs.yaml", 29, 38,
                        "no exchange rate from EUR to JPY is declared for 2026-09, 2026-10; add them"),
                new Case("usage missing for a target", "standards/usage.yaml",
                        CostFixture.USAGE.replace("\"2026-10\": {alpha: 2, beta-svc: 2}", "\"2026-10\": {alpha: 2}"),
                        "usage-missing", "standards/usage.yaml", 5, 5,
                        "usage metric 'cpu' has no value for [beta-svc] in 2026-10, but shared pool 'cluster' has cost"),
                new Case("usage zero for every target", "standards/usage.yaml",
                        CostFixture.USAGE.replace("{alpha: 2, beta-svc: 2}", "{alpha: 0, beta-svc: 0}"),
                        "usage-missing", "standards/usage.yaml", 7, 7,
                        "usage metric 'cpu' is 0 for every target of shared pool 'cluster' in 2026-10"),
                new Case("fixed percentages not 100", "standards/costs.yaml",
                        costs.replace("{alpha: 70, beta-svc: 30}", "{alpha: 70, beta-svc: 20}"),
                        "split-not-100", "standards/costs.yaml", 14, 7,
                        "the fixed percentages of pool 'licences' total 90; expected exactly 100"),
                new Case("pool claims a product's element", "standards/costs.yaml",
                        costs.replace("\"333333333333\", name: shared-cluster", "\"222222222222\""),
                        "cost-element-claimed-twice", "standards/costs.yaml", 6, 29,
                        "aws cost element '222222222222' is already claimed by product 'beta-svc'"),
                new Case("pool split to an unknown product", "standards/costs.yaml",
                        costs.replace("targets: [alpha, beta-svc]}\n  - id: licences", "targets: [alpha, betta-svc]}\n  - id: licences"),
                        "unknown-product", "standards/costs.yaml", 7, 58,
                        "shared pool 'cluster' is split to 'betta-svc', which is not a product; did you mean 'beta-svc'? expected one of: alpha, beta-svc"),
                new Case("unknown usage metric", "standards/costs.yaml", costs.replace("metric: cpu,", "metric: cpus,"),
                        "unknown-metric", "standards/costs.yaml", 7, 36,
                        "split by usage metric 'cpus', which is not in standards/usage.yaml; did you mean 'cpu'? expected one of: cpu"),
                new Case("prepaid larger than its booking", "standards/costs.yaml",
                        costs.replace("amount: 1200, currency: USD", "amount: 1600, currency: USD"),
                        "prepaid-not-booked", "standards/costs.yaml", 32, 19,
                        "prepaid 'marketplace-upfront' says its 1600 USD is booked in 2026-09, but cost-data/ has only 1500.00 USD"),
                new Case("prepaid for an element nobody claims", "standards/costs.yaml",
                        costs.replace("cost_element: {provider: aws, id: \"111111111111\"}",
                                "cost_element: {provider: aws, id: \"555555555555\"}"),
                        "prepaid-without-owner", "standards/costs.yaml", 28, 5,
                        "prepaid 'marketplace-upfront' is for aws cost element '555555555555', which no product's Service Doc"),
                new Case("month file in the wrong place", "cost-data/aws/2026-09.yaml",
                        CostFixture.AWS_2026_09.replace("month: \"2026-09\"", "month: \"2026-08\""),
                        "cost-file-misplaced", "cost-data/aws/2026-09.yaml", 2, 8,
                        "month 2026-08 does not match the file name '2026-09.yaml'"),
                new Case("a line twice", "cost-data/aws/2026-10.yaml",
                        CostFixture.AWS_2026_10 + "  - element: {provider: aws, id: \"222222222222\"}\n"
                                + "    amount: 1\n    currency: USD\n",
                        "cost-line-duplicate", "cost-data/aws/2026-10.yaml", 19, 5,
                        "aws cost element '222222222222' in USD is listed twice (also at line 10)"),
                new Case("a file that is not a month", "cost-data/aws/september.yaml", CostFixture.AWS_2026_09,
                        "unknown-file", "cost-data/aws/september.yaml", 1, 1,
                        "'september.yaml' is not a cost month file and is ignored; expected YYYY-MM.yaml"),
                new Case("a fixed split with targets", "standards/costs.yaml",
                        costs.replace("method: fixed\n      percentages: {alpha: 70, beta-svc: 30}",
                                "method: fixed\n      targets: [alpha]"),
                        "schema-not-allowed", "standards/costs.yaml", 14, 7,
                        "property 'targets' does not apply here in shared_pools.1.split; it depends on another value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleNamesTheFileAndPlace(Case c) throws IOException {
        Path repo = CostFixture.repository(dir);
        CostFixture.write(repo, c.file(), c.content());
        List<Diagnostic> all = validate(repo).diagnostics();
        List<Diagnostic> found = all.stream()
                .filter(d -> d.rule().equals(c.rule()) && d.file().equals(c.at())).toList();
        assertEquals(1, found.size(), () -> "expected one " + c.rule() + " in " + c.at() + ", got " + all);
        Diagnostic d = found.get(0);
        assertTrue(d.message().contains(c.message()), d.message());
        assertEquals(c.line() + ":" + c.column(), d.line() + ":" + d.column(), d.toString());
    }

    @Test
    void costDataWithoutCostSettingsIsAWarning() throws IOException {
        Path repo = CostFixture.repository(dir);
        Files.delete(repo.resolve("standards/costs.yaml"));
        ValidationResult result = validate(repo);
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.rule().equals("costs-not-configured")
                && d.message().contains("cost-data/ holds 3 month file(s) but standards/costs.yaml is missing")),
                result.diagnostics().toString());
        assertTrue(result.repository().orElseThrow().costs().settings().isEmpty());
    }

    /** The fixture's prepaid runs to 2027-08, but rates are declared only for the months with cost data. */
    @Test
    void theFixtureIsValidApartFromItsUnallocatedAccount() throws IOException {
        ValidationResult result = validate(CostFixture.repository(dir));
        assertEquals(List.of("cost-unallocated"), result.diagnostics().stream().map(Diagnostic::rule).toList());
        assertEquals(3, result.repository().orElseThrow().costs().months().size());
    }

    /**
     * A pool claims billing account 999999999998 (a typo) while the cost data has 999999999999
     * (SaaS rows without a sub-account): an error at the claim's id, with the did-you-mean of
     * other unknown names (issue 14, c14e).
     */
    @Test
    void aClaimedBillingAccountInNoCostDataGetsADidYouMean() throws IOException {
        Path repo = CostFixture.repository(dir);
        CostFixture.write(repo, "cost-data/aws/2026-10.yaml", CostFixture.AWS_2026_10
                + "  - element: {provider: aws, id: \"999999999999\", billing_account: true}\n"
                + "    amount: 5\n    currency: USD\n");
        CostFixture.write(repo, "standards/costs.yaml", CostFixture.COSTS.replace(
                "{provider: aws, id: \"333333333333\", name: shared-cluster}",
                "{provider: aws, id: \"999999999998\", billing_account: true}"));
        List<Diagnostic> found = validate(repo).diagnostics().stream()
                .filter(d -> d.rule().equals("unknown-billing-account")).toList();
        assertEquals(1, found.size(), found.toString());
        assertEquals("billing account '999999999998' (aws) is in no cost data; did you mean '999999999999'? "
                + "expected one of: 999999999999", found.get(0).message());
        assertEquals("standards/costs.yaml:6:29", found.get(0).file() + ":" + found.get(0).line() + ":"
                + found.get(0).column());
    }
}
