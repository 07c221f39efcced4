package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link Money} object for each distinct amount of a cost computation (issue 15): at 5,000
 * products the report keeps about a million amounts for the whole render, and half of them
 * repeat others (zeros, a month's MRR or labour, the same even share of a pool in every product),
 * each a Money, a BigDecimal and often a BigInteger of their own. Equal means {@link Money#equals}:
 * the same amount at the same scale in the same currency, so that every amount still prints as it
 * did. Amounts whose unscaled value fits in a long are kept in BigDecimal's compact form (no
 * BigInteger behind them); that changes no value, scale or text.
 *
 * <p>One instance serves one computation and is dropped with it. Thread-safe: the months of a
 * computation are allocated side by side, and share it; which of two equal amounts seen at once
 * becomes the shared one does not matter, since they are equal.
 */
public final class CanonicalAmounts {

    private final ConcurrentMap<Money, Money> canonical = new ConcurrentHashMap<>();

    /** The shared Money equal to this one (a compact copy of this one, the first time it is seen). */
    public Money of(Money money) {
        Money known = canonical.get(money);
        if (known != null) {
            return known;
        }
        Money compact = new Money(compact(money.amount()), money.currency());
        Money first = canonical.putIfAbsent(compact, compact);
        return first != null ? first : compact;
    }

    /** The same value at the same scale, without a BigInteger behind it when the unscaled value fits in a long. */
    static BigDecimal compact(BigDecimal amount) {
        java.math.BigInteger unscaled = amount.unscaledValue();
        return unscaled.bitLength() < Long.SIZE - 1 ? BigDecimal.valueOf(unscaled.longValue(), amount.scale()) : amount;
    }
}
