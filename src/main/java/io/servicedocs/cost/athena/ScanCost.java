package io.servicedocs.cost.athena;

import java.math.BigDecimal;

/**
 * What Athena charges for a query's scanned bytes: USD 5 per TB, the bytes rounded up to whole
 * megabytes with a 10 MB minimum per query (Athena's SQL query pricing). The units are binary
 * (MB = 2^20 bytes, TB = 2^40 bytes), so the price of one MB, 5 / 2^20 USD, is an exact decimal
 * and so is every charge.
 */
public record ScanCost(long scannedBytes, long billedMegabytes, BigDecimal usd) {

    public static final long MEGABYTE = 1L << 20;
    public static final long MINIMUM_MEGABYTES = 10;
    /** USD 5 per TB = 5 / 2^20 USD per MB: 0.00000476837158203125. */
    public static final BigDecimal USD_PER_MEGABYTE = new BigDecimal(5).divide(BigDecimal.valueOf(MEGABYTE));

    public ScanCost {
        if (scannedBytes < 0) {
            throw new IllegalArgumentException("scanned bytes cannot be negative, got " + scannedBytes);
        }
    }

    public static ScanCost of(long scannedBytes) {
        if (scannedBytes < 0) {
            throw new IllegalArgumentException("scanned bytes cannot be negative, got " + scannedBytes);
        }
        long megabytes = Math.max(MINIMUM_MEGABYTES, (scannedBytes + MEGABYTE - 1) / MEGABYTE);
        return new ScanCost(scannedBytes, megabytes,
                USD_PER_MEGABYTE.multiply(BigDecimal.valueOf(megabytes)).stripTrailingZeros());
    }
}
