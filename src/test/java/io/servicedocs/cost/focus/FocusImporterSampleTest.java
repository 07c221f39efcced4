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

    private static MonthlyCost find(FocusImport result, String subAccountId) {
        return result.monthlyCosts().stream()
                .filter(c -> c.subAccountId().equals(Optional.of(subAccountId)))
                .findFirst().orElseThrow();
    }
}
