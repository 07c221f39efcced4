package io.servicedocs.cost.focus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The FOCUS project's published sample (AWS, FOCUS 1.0). Expected totals were computed apart
 * from this code, with Python's csv module and Decimal.
 */
class FocusImporterSampleTest {

    static final Path SAMPLE = Path.of("src/test/resources/cost/focus/focus-1.0-sample-aws.csv");

    @Test
    void totalsPerSubAccountAndMonth() throws Exception {
        FocusImport result = new FocusImporter().read(SAMPLE);

        assertEquals(FocusVersion.V1_0, result.version());
        assertEquals(new RowCounts(200, 200, Map.of()), result.rows());
        assertEquals(45, result.monthlyCosts().size());
        assertEquals(List.of(new Money(new BigDecimal("-2.00000000000"), java.util.Currency.getInstance("USD"))),
                result.totalsByCurrency());
        assertTrue(result.purchases().isEmpty(), "the one One-Time row is a Credit, not a Purchase");

        // -3 (credit) + 1 (usage) + 49 rows of 0 in the one sub-account with non-zero costs
        assertEquals(new MonthlyCost("AWS", Optional.of("11353890204"), Optional.of("Atlas Orion"),
                YearMonth.of(2024, 9), Money.of("-2.00000000000", "USD"), 51, 6), find(result, "11353890204"));
        assertEquals(new MonthlyCost("AWS", Optional.of("18938484842"), Optional.of("Orion Zenith"),
                YearMonth.of(2024, 9), Money.of("0.00000000000", "USD"), 48, 3), find(result, "18938484842"));
        assertEquals(new MonthlyCost("AWS", Optional.of("69918885631"), Optional.of("Odyssey Horizon"),
                YearMonth.of(2024, 9), Money.of("0.00000000000", "USD"), 10, 2), find(result, "69918885631"));
        assertEquals(200, result.monthlyCosts().stream().mapToInt(MonthlyCost::rows).sum());
        assertTrue(result.monthlyCosts().stream()
                .filter(c -> !c.subAccountId().orElseThrow().equals("11353890204"))
                .allMatch(c -> c.effectiveCost().amount().signum() == 0));
        // sorted by sub-account id
        assertEquals("10961396247", result.monthlyCosts().get(0).subAccountId().orElseThrow());
        assertEquals("97875037618", result.monthlyCosts().get(44).subAccountId().orElseThrow());
    }

    /**
     * The charge groups every reading engine must return for this file (computed with Python's csv
     * module and Decimal, grouping by the key {@link ChargeGroup} documents).
     */
    @Test
    void chargeGroupsWithTheirThreeMetrics() throws Exception {
        FocusRead read = new FocusImporter().read(new FocusInput(List.of(SAMPLE), Optional.empty(), Optional.empty(),
                List.of()));

        assertEquals(46, read.groups().size());
        assertEquals(200, read.rows());
        assertEquals(new BigDecimal("0.11164080970"), read.groups().stream().map(ChargeGroup::billedCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(new BigDecimal("0.25431983190"), read.groups().stream().map(ChargeGroup::listCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        java.util.Currency usd = java.util.Currency.getInstance("USD");
        YearMonth september = YearMonth.of(2024, 9);
        // in the order of their first rows: the credit on line 6, the usage from line 12; the credit
        // is one-time, so it carries its charge period as its term (one day: nothing to spread)
        assertEquals(List.of(
                new ChargeGroup("AWS", "1234567890123", Optional.of("SunBird"), Optional.of("11353890204"),
                        Optional.of("Atlas Orion"), usd, september, september, "Credit", Optional.empty(),
                        Optional.of("One-Time"), Optional.empty(), Optional.of(new ChargeGroup.ChargeTerm(
                                java.time.LocalDate.of(2024, 9, 24), java.time.LocalDate.of(2024, 9, 25),
                                Optional.empty(), Optional.of("AWS Open Source Promotional Credits, credit from "
                                        + "account: 391835788720"))), new BigDecimal("-3.00000000000"),
                        new BigDecimal("-2.61370000000"), new BigDecimal("-2.61370000000"), 1, Optional.of(SAMPLE + ":6")),
                new ChargeGroup("AWS", "1234567890123", Optional.of("SunBird"), Optional.of("11353890204"),
                        Optional.of("Atlas Orion"), usd, september, september, "Usage", Optional.empty(),
                        Optional.of("Usage-Based"), Optional.empty(), Optional.empty(), new BigDecimal("1.00000000000"),
                        new BigDecimal("1.65478657690"), new BigDecimal("1.65478657690"), 50,
                        Optional.of(SAMPLE + ":12"))),
                read.groups().stream().filter(g -> g.subAccountId().equals(Optional.of("11353890204"))).toList());
    }

    private static MonthlyCost find(FocusImport result, String subAccountId) {
        return result.monthlyCosts().stream()
                .filter(c -> c.subAccountId().equals(Optional.of(subAccountId)))
                .findFirst().orElseThrow();
    }
}
