package io.servicedocs.cost.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The largest-remainder (Hamilton) method on whole units: every part gets the floor of its exact
 * quota, and the units left over go one each to the parts with the largest remainders. The parts
 * therefore always add up to the total. Everything is integer arithmetic, so there is no rounding
 * error to reason about. Ties between equal remainders go to the earlier position in the list;
 * callers order the list (targets by id, months by date) so that the result is deterministic.
 */
final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * Splits {@code total} units in proportion to {@code weights} (non-negative, not all zero).
     * A negative total is split as the mirror image of the positive one, so a credit exactly
     * cancels the charge of the same size, part by part.
     */
    static List<BigInteger> apportion(BigInteger total, List<BigInteger> weights) {
        if (total.signum() < 0) {
            return apportion(total.negate(), weights).stream().map(BigInteger::negate).toList();
        }
        BigInteger weightSum = weights.stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (weightSum.signum() <= 0 || weights.stream().anyMatch(w -> w.signum() < 0)) {
            throw new IllegalArgumentException("weights must be non-negative and not all zero: " + weights);
        }
        List<BigInteger> parts = new ArrayList<>(weights.size());
        List<BigInteger> remainders = new ArrayList<>(weights.size());
        BigInteger given = BigInteger.ZERO;
        for (BigInteger weight : weights) {
            BigInteger[] qr = total.multiply(weight).divideAndRemainder(weightSum);
            parts.add(qr[0]);
            remainders.add(qr[1]);
            given = given.add(qr[0]);
        }
        // fewer than weights.size() units are left, so each part gets at most one more
        int left = total.subtract(given).intValueExact();
        List<Integer> order = IntStream.range(0, weights.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders.get(i)).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (int k = 0; k < left; k++) {
            int i = order.get(k);
            parts.set(i, parts.get(i).add(BigInteger.ONE));
        }
        return List.copyOf(parts);
    }

    /** Decimal weights scaled by one common power of ten to exact integers with the same ratios. */
    static List<BigInteger> integerWeights(List<BigDecimal> weights) {
        int scale = weights.stream().mapToInt(w -> Math.max(0, w.stripTrailingZeros().scale())).max().orElse(0);
        return weights.stream().map(w -> w.movePointRight(scale).toBigIntegerExact()).toList();
    }
}
