package io.servicedocs.cost.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.data.FocusMonths.WithoutSubAccount;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.pipeline.CostsImportPipeline;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider's invoices arrive one billing period per file, in any order: every month ends up as
 * the sum of EffectiveCost over its charge period, whatever the order, and a billing period
 * imported again replaces only its own part.
 */
class BillingPeriodImportTest {

    private static final String HEADER = "BillingAccountId,BillingPeriodStart,ProviderName,SubAccountId,"
            + "ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory,ChargeClass\n";
    private static final String SUB = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    /** All twelve months of 2025 are over: final. */
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 10);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-10T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path repo() throws Exception {
        return Files.createDirectories(dir.resolve("repo"));
    }

    /**
     * The agreement: billing period p (1..12 of 2025) bills 100 * p for its own month; from p = 2
     * on it also bills a late charge of p for month p - 1; billing period 6 corrects month 3 by
     * -50 (ChargeClass Correction), billing period 12 trues up month 1 by 7.5.
     *
     * <p>So, by hand: month 1 = 100 + 2 + 7.5 = 109.5; month 3 = 300 + 4 - 50 = 254; month 12 =
     * 1200 (nothing later); any other month m = 100 m + (m + 1).
     */
    private static Map<YearMonth, BigDecimal> expected() {
        Map<YearMonth, BigDecimal> months = new TreeMap<>();
        for (int m = 1; m <= 12; m++) {
            BigDecimal amount = BigDecimal.valueOf(100L * m);
            if (m < 12) {
                amount = amount.add(BigDecimal.valueOf(m + 1));
            }
            months.put(YearMonth.of(2025, m), amount);
        }
        months.merge(YearMonth.of(2025, 1), new BigDecimal("7.5"), BigDecimal::add);
        months.merge(YearMonth.of(2025, 3), new BigDecimal("-50"), BigDecimal::add);
        Map<YearMonth, BigDecimal> stripped = new TreeMap<>();
        months.forEach((m, a) -> stripped.put(m, a.stripTrailingZeros()));
        return stripped;
    }

    private Path invoice(int p) throws Exception {
        String period = String.format("2025-%02d-01", p);
        String start = "EA-1," + period + ",Microsoft," + SUB + ",";
        StringBuilder csv = new StringBuilder(HEADER);
        csv.append(start).append(period).append(",USD,").append(100 * p).append(",Usage,\n");
        if (p >= 2) {
            csv.append(start).append(String.format("2025-%02d-28", p - 1)).append(",USD,").append(p).append(",Usage,\n");
        }
        if (p == 6) {
            csv.append(start).append("2025-03-15,USD,-50,Usage,Correction\n");
        }
        if (p == 12) {
            csv.append(start).append("2025-01-31,USD,7.5,Adjustment,\n");
        }
        Path file = Files.createDirectories(dir.resolve("in")).resolve("invoice-" + p + ".csv");
        return Files.writeString(file, csv);
    }

    private CostsImportPipeline.Converted importing(Path file) throws Exception {
        CostsImportPipeline.Result result = new CostsImportPipeline().run(new CostsImportPipeline.Request(repo(),
                List.of(file), Optional.of("azure"), WithoutSubAccount.BILLING_ACCOUNT, Optional.empty(),
                false, CLOCK, TODAY));
        assertTrue(result instanceof CostsImportPipeline.Converted, result.toString());
        return (CostsImportPipeline.Converted) result;
    }

    private Map<YearMonth, BigDecimal> monthTotals() throws Exception {
        CostDataStore store = new CostDataStore(repo(), CLOCK, new SchemaValidator());
        Map<YearMonth, BigDecimal> totals = new TreeMap<>();
        store.existing("azure", store.months("azure")).forEach((month, content) -> totals.put(month,
                content.costs().stream().map(CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .stripTrailingZeros()));
        return totals;
    }

    @Test
    void twelveBillingPeriodsInAnyOrderGiveTheSameMonths() throws Exception {
        List<Integer> forward = new ArrayList<>();
        for (int p = 1; p <= 12; p++) {
            forward.add(p);
        }
        List<List<Integer>> orders = new ArrayList<>();
        orders.add(forward);
        List<Integer> backward = new ArrayList<>(forward);
        Collections.reverse(backward);
        orders.add(backward);
        for (long seed : new long[] {1, 2, 3}) {
            List<Integer> shuffled = new ArrayList<>(forward);
            Collections.shuffle(shuffled, new Random(seed));
            orders.add(shuffled);
        }
        for (List<Integer> order : orders) {
            try (var files = Files.walk(repo())) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            for (int p : order) {
                CostsImportPipeline.Converted done = importing(invoice(p));
                assertTrue(done.outcome().orElseThrow().refused().isEmpty(), "order " + order + ", period " + p
                        + ": " + done.outcome().orElseThrow().refused());
            }
            assertEquals(expected(), monthTotals(), "order " + order);
        }
    }

    @Test
    void aBillingPeriodImportedAgainReplacesOnlyItsOwnPartAndALaterOneShowsAsACorrection() throws Exception {
        for (int p = 1; p <= 6; p++) {
            importing(invoice(p));
        }
        CostsImportPipeline.Converted again = importing(invoice(6));
        assertEquals(again.outcome().orElseThrow().months().size(),
                again.outcome().orElseThrow().count(CostDataStore.Action.UNCHANGED), "the same file again changes nothing");
        assertEquals(new BigDecimal("254"), monthTotals().get(YearMonth.of(2025, 3)));

        CostMonth march = new CostDataStore(repo(), CLOCK, new SchemaValidator())
                .existing("azure", List.of(YearMonth.of(2025, 3))).get(YearMonth.of(2025, 3));
        assertEquals(List.of("2025-03 300", "2025-04 4", "2025-06 -50"), march.costs().stream()
                .map(l -> l.billingPeriod().orElseThrow() + " " + l.amount().toPlainString()).toList());
        // March was final when periods 4 and 6 arrived: each is recorded, with the totals before
        assertEquals(List.of("final month completed or corrected by another billing period 300 USD",
                        "final month completed or corrected by another billing period 304 USD"),
                march.revisions().stream().map(r -> r.reason() + " " + r.totals().get(0)).toList());
    }

    @Test
    void aClosedBillingPeriodThatChangesIsRefusedWithoutAcceptFinalChanges() throws Exception {
        importing(invoice(1));
        importing(invoice(2));
        Path restated = invoice(2);
        Files.writeString(restated, Files.readString(restated).replace(",200,", ",210,"));
        CostDataStore.Outcome outcome = importing(restated).outcome().orElseThrow();
        assertEquals(List.of("the final month's figures would change (closed billing period(s) [2025-02] imported "
                + "again with other figures)"), outcome.refused().stream().map(m -> m.refusal().orElseThrow()).toList());
        assertEquals(new BigDecimal("200"), monthTotals().get(YearMonth.of(2025, 2)).setScale(0), "unchanged: nothing written");
    }
}
