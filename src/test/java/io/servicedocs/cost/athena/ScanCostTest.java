package io.servicedocs.cost.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScanCostTest {

    @Test
    void fiveDollarsPerTerabyteRoundedUpToMegabytesWithATenMegabyteMinimum() {
        assertEquals(new ScanCost(0, 10, new BigDecimal("0.0000476837158203125")), ScanCost.of(0));
        assertEquals(10, ScanCost.of(10L * 1024 * 1024).billedMegabytes());
        assertEquals(11, ScanCost.of(10L * 1024 * 1024 + 1).billedMegabytes());
        // one TB (2^40 bytes) is USD 5 exactly
        assertEquals(new BigDecimal("5"), ScanCost.of(1L << 40).usd());
        // 3.5 TB
        assertEquals(new BigDecimal("17.5"), ScanCost.of((1L << 40) * 7 / 2).usd());
    }
}
