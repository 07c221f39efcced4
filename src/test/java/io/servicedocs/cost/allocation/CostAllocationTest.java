package io.servicedocs.cost.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.CostFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.cost.ledger.PoolShare;
import io.servicedocs.cost.ledger.PoolSplit;
import io.servicedocs.cost.ledger.ProductMonth;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Money;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole enrich stage on {@link CostFixture}, against a ledger computed by hand (USD 1 = JPY
 * 150 in September, 148.5 in October; JPY has no decimals, so every pool is apportioned in yen).
 */
class CostAllocationTest {

    private static final YearMonth SEP = YearMonth.of(2026, 9);
    private static final YearMonth OCT = YearMonth.of(2026, 10);

    @TempDir
    Path dir;

    private ValidationResult validation;
    private CostReport report;

    @BeforeEach
    void compute() throws IOException {
        Path repo = CostFixture.repository(dir);
        validation = new Validation(new SchemaValidator(), TestRepositories.AS_OF).run(new WorkingTreeSource(repo));
        assertFalse(validation.hasErrors(), () -> validation.diagnostics().toString());
        report = CostAllocation.compute(validation.repository().orElseThrow()).orElseThrow();
    }

    private static Money jpy(long amount) {
        return Money.of(Long.toString(amount), "JPY");
    }

    private ProductMonth month(String product, YearMonth month) {
        return report.product(product).orElseThrow().month(month).orElseThrow();
    }

    private Map<String, Long> shares(String pool, YearMonth month) {
        PoolSplit split = report.pools().stream().filter(p -> p.pool().id().equals(pool)).findFirst().orElseThrow()
                .splits().stream().filter(s -> s.month().equals(month)).findFirst().orElseThrow();
        return split.shares().stream().collect(Collectors.toMap(PoolShare::productId,
                s -> s.amount().amount().longValueExact()));
    }

    @Test
    void everySplitMethodMatchesTheHandLedgerOfSeptember() {
        // usage 3:1 of USD 400 = JPY 60,000
        assertEquals(Map.of("alpha", 45_000L, "beta-svc", 15_000L), shares("cluster", SEP));
        // fixed 70/30 of JPY 100,001: 70,000.7 and 30,000.3; the spare yen goes to the larger remainder
        assertEquals(Map.of("alpha", 70_001L, "beta-svc", 30_000L), shares("licences", SEP));
        // proportional to direct cost 45,000 : 15,015 of USD 20 = JPY 3,000: 2,249.44 and 750.56
        assertEquals(Map.of("alpha", 2_249L, "beta-svc", 751L), shares("monitoring", SEP));
        // even halves of USD 10.01 = JPY 1,501.5, rounded half-even to 1,502
        assertEquals(Map.of("alpha", 751L, "beta-svc", 751L), shares("network", SEP));
    }

    @Test
    void theKpiOfSeptemberMatchesTheHandLedger() {
        ProductMonth alpha = month("alpha", SEP);
        // USD 1,500 billed, of which the USD 1,200 upfront payment is taken out and spread: USD 300
        assertEquals(jpy(45_000), alpha.directCost());
        assertEquals(Map.of("AWS", jpy(45_000)), alpha.directCostByProvider());
        assertEquals(jpy(45_000 + 70_001 + 2_249 + 751), alpha.sharedCost());
        assertEquals(jpy(15_000), alpha.prepaidCost()); // USD 100 a month
        assertEquals(jpy(200_000), alpha.maintenanceLabour());
        assertEquals(jpy(300_000), alpha.investmentLabour());
        assertEquals(jpy(378_001), alpha.operatingCost()); // investment excluded
        assertEquals(Optional.of(jpy(1_000_000)), alpha.mrr());
        assertEquals(Optional.of(jpy(621_999)), alpha.profit());
        assertFalse(alpha.provisional());

        ProductMonth beta = month("beta-svc", SEP);
        assertEquals(jpy(15_015), beta.directCost());
        assertEquals(jpy(15_000 + 30_000 + 751 + 751), beta.sharedCost());
        assertEquals(jpy(61_517), beta.operatingCost());
        assertEquals(Optional.of(jpy(-61_517)), beta.profit());
    }

    @Test
    void octoberIsProvisionalAndSplitsOnlyThePoolsWithCost() {
        assertEquals(List.of(SEP, OCT), report.months());
        assertTrue(report.provisional(OCT));
        assertEquals(SEP, report.latestFinalMonth().orElseThrow());
        // usage 2:2 of USD 400 at 148.5 = JPY 59,400
        assertEquals(Map.of("alpha", 29_700L, "beta-svc", 29_700L), shares("cluster", OCT));
        // JPY 1,485 in halves of 742.5: the tie goes to the id that sorts first
        assertEquals(Map.of("alpha", 743L, "beta-svc", 742L), shares("network", OCT));
        assertTrue(report.pools().stream().filter(p -> p.pool().id().equals("licences"))
                .allMatch(p -> p.splits().stream().noneMatch(s -> s.month().equals(OCT))));

        ProductMonth alpha = month("alpha", OCT);
        assertTrue(alpha.provisional());
        assertEquals(jpy(46_035), alpha.directCost());
        assertEquals(jpy(14_850), alpha.prepaidCost());
        assertEquals(jpy(46_035 + 29_700 + 743 + 14_850), alpha.operatingCost());
        // alpha's finance.yaml reports up to September: October's MRR and labour are not known yet,
        // so it has no profit (not a loss of its whole operating cost), and its cost is the billed part
        assertFalse(alpha.financeReported());
        assertEquals(Optional.empty(), alpha.mrr());
        assertEquals(Optional.empty(), alpha.profit());
        assertFalse(alpha.profitable());
        assertEquals(jpy(0), alpha.maintenanceLabour());
        // beta-svc's lists no month at all: a product without finance to report has reported every month
        ProductMonth beta = month("beta-svc", OCT);
        assertTrue(beta.financeReported());
        assertEquals(jpy(14_850 + 29_700 + 742), beta.operatingCost());
        assertEquals(Optional.of(jpy(-(14_850 + 29_700 + 742))), beta.profit());
        // the company's October: no MRR or profit while one product has not reported it
        CompanyMonth october = report.company().months().get(1);
        assertEquals(OCT, october.month());
        assertEquals(1, october.unreported());
        assertEquals(Optional.empty(), october.mrr());
        assertEquals(Optional.empty(), october.profit());
        assertEquals(jpy(46_035 + 29_700 + 743 + 14_850 + 14_850 + 29_700 + 742), october.operatingCost());
    }

    @Test
    void sharingNeitherCreatesNorLosesMoney() {
        for (var total : report.totals()) {
            assertTrue(total.balanced(), total.toString());
        }
        var september = report.totals().stream().filter(t -> t.month().equals(SEP)).findFirst().orElseThrow();
        assertEquals(jpy(60_000 + 100_001 + 3_000 + 1_502), september.pools());
        assertEquals(september.pools(), september.allocatedToProducts());
    }

    @Test
    void theCompanyTotalsAreTheSumsOfTheHandLedger() {
        CompanyTotals company = report.company();
        CompanyMonth september = company.months().get(0);
        assertEquals(SEP, september.month());
        assertFalse(september.provisional());
        assertEquals(jpy(378_001 + 61_517), september.operatingCost());
        assertEquals(Optional.of(jpy(1_000_000)), september.mrr());
        assertEquals(Optional.of(jpy(1_000_000 - 378_001 - 61_517)), september.profit());
        assertEquals(jpy(750), september.unallocated()); // the sandbox's USD 5.00, not part of any operating cost
        assertTrue(company.months().get(1).provisional());
        // ranked by September, the latest final month: the profitable product first
        assertEquals(List.of("alpha", "beta-svc"), company.profitRanking().stream()
                .map(r -> r.costs().productId()).toList());
        assertEquals(SEP, company.profitRanking().get(0).month().month());
        assertTrue(company.balanced());
        UnallocatedElement sandbox = company.unallocated().get(0);
        assertEquals(List.of("999999999999"), company.unallocated().stream().map(u -> u.element().id()).toList());
        assertEquals(Optional.of(jpy(750)), sandbox.inLatestFinalMonth());
    }

    @Test
    void aProductMonthIsProvisionalWhenItsOwnCostOrItsMonthIs() {
        assertFalse(report.provisional(month("alpha", SEP)));
        assertTrue(report.provisional(month("alpha", OCT)));
    }

    @Test
    void costNoOneClaimsIsShownAndWarnedAbout() {
        assertEquals(1, report.unallocated().size());
        UnallocatedCost sandbox = report.unallocated().get(0);
        assertEquals("999999999999", sandbox.element().id());
        assertEquals(Money.of("5.00", "USD"), sandbox.billed());
        assertEquals(jpy(750), sandbox.converted());

        Diagnostic warning = validation.diagnostics().stream().filter(d -> d.rule().equals("cost-unallocated"))
                .findFirst().orElseThrow();
        assertEquals("cost-data/aws/2026-09.yaml", warning.file());
        assertEquals(19, warning.line());
        assertTrue(warning.message().contains("aws cost element '999999999999' (sandbox) is claimed by no product "
                + "and no shared pool: 5.00 USD in 1 month(s) 2026-09"), warning.message());
    }

    @Test
    void thePrepaidSpreadAndTheSourcesAreReported() {
        PrepaidReport prepaid = report.prepaid().get(0);
        assertEquals(OwnerKind.PRODUCT, prepaid.ownerKind());
        assertEquals("alpha", prepaid.ownerId());
        assertTrue(prepaid.ownedBy(OwnerKind.PRODUCT, "alpha"));
        assertFalse(prepaid.ownedBy(OwnerKind.POOL, "alpha"));
        assertEquals(prepaid.prepaid().firstMonth().plusMonths(11), prepaid.lastMonth());
        assertEquals(12, prepaid.spread().parts().size());
        assertTrue(prepaid.spread().parts().stream().allMatch(p -> p.amount().equals(Money.of("100.00", "USD"))));

        assertEquals(List.of("aws", "saas"), report.sources().stream().map(SourceReport::source).toList());
        SourceReport aws = report.sources().get(0);
        assertEquals(List.of(OCT), aws.provisionalMonths());
        assertEquals(OCT, aws.lastMonth());
    }

    @Test
    void withoutCostSettingsThereIsNoReport() throws IOException {
        ValidationResult minimal = new Validation(new SchemaValidator(), TestRepositories.AS_OF)
                .run(new WorkingTreeSource(TestRepositories.MINIMAL));
        assertTrue(CostAllocation.compute(minimal.repository().orElseThrow()).isEmpty());
        assertEquals(List.of(), minimal.diagnostics());
    }
}
