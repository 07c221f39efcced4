package io.servicedocs.cost.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PoolShareTest {

    private static PoolShare share(String weight, String total) {
        return new PoolShare("alpha", "cluster", YearMonth.of(2026, 9), SplitMethod.USAGE, new BigDecimal(weight),
                new BigDecimal(total), Money.of("100", "JPY"), false);
    }

    @Test
    void thePercentOfTheTotalWeightHasOneDecimalRoundedHalfEven() {
        assertEquals("33.3", share("1", "3").percent().toPlainString());
        assertEquals("60.0", share("60", "100").percent().toPlainString());
        assertEquals("0.2", share("1", "400").percent().toPlainString()); // 0.25 -> 0.2, half to even
        assertEquals("0.4", share("7", "2000").percent().toPlainString()); // 0.35 -> 0.4, half to even
    }

    @Test
    void aZeroTotalWeightIsZeroPercent() {
        assertEquals("0", share("0", "0").percent().toPlainString());
    }
}
