package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;

/** The smallest unit of a currency, the precision every ledger amount is kept at. */
public final class MinorUnit {

    private MinorUnit() {
    }

    /** Decimal places of the currency's unit: JPY 0, USD 2, BHD 3. */
    public static int scale(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            // XAU, XDR and the like have no minor unit, so "to the unit" would mean nothing
            throw new LedgerException("currency " + currency.getCurrencyCode()
                    + " has no smallest unit (ISO 4217 gives it no minor unit); use a currency such as JPY, USD or EUR");
        }
        return digits;
    }

    /**
     * Rounds to the currency's unit with HALF_EVEN: banker's rounding does not push a long
     * series of half-unit amounts all the same way.
     */
    public static Money round(Money money) {
        return new Money(money.amount().setScale(scale(money.currency()), RoundingMode.HALF_EVEN), money.currency());
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO.setScale(scale(currency)), currency);
    }

    /** The amount counted in units (cents for USD); the amount must already be at the unit. */
    public static BigInteger units(Money money) {
        return money.amount().setScale(scale(money.currency()), RoundingMode.UNNECESSARY).unscaledValue();
    }

    public static Money ofUnits(BigInteger units, Currency currency) {
        // the compact form when the units fit in a long: no BigInteger kept behind every pool share (issue 15)
        return new Money(CanonicalAmounts.compact(new BigDecimal(units, scale(currency))), currency);
    }

    public static boolean isAtUnit(Money money) {
        return money.amount().stripTrailingZeros().scale() <= scale(money.currency());
    }

    public static Money plus(Money a, Money b) {
        requireSameCurrency(a, b);
        return new Money(a.amount().add(b.amount()), a.currency());
    }

    public static Money minus(Money a, Money b) {
        requireSameCurrency(a, b);
        return new Money(a.amount().subtract(b.amount()), a.currency());
    }

    private static void requireSameCurrency(Money a, Money b) {
        if (!a.currency().equals(b.currency())) {
            throw new LedgerException("cannot add " + a + " and " + b + ": convert them to one currency first");
        }
    }
}
