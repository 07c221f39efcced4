package io.servicedocs.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The numbers the tool accepts from repository files (YAML) and imported files (FOCUS CSV): the
 * one place that says how large and how precise an amount, rate or usage figure may be.
 *
 * <p>A decimal literal is judged from its text before any {@link BigDecimal} is built, so that
 * {@code 1e999999999} (whose plain form has a billion digits), {@code 1e-2147483648} (whose
 * scale does not fit an int) or a million-digit integer is refused in microseconds instead of
 * stopping the build. The bounds leave ample room for money (any currency's amounts up to a
 * quintillion), for exchange rates, percentages and usage counts, and for the decimals cloud
 * billing exports write (AWS Cost Explorer gives up to about 20).
 */
public final class NumberBounds {

    /** Digits of a number, from its first non-zero digit to its last digit as written. */
    public static final int MAX_SIGNIFICANT_DIGITS = 30;
    /** Digits before the decimal point: every number is below 10^18 in magnitude. */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** Digits after the decimal point (counting trailing zeros as written). */
    public static final int MAX_DECIMALS = 20;
    /** The rule id of diagnostics about numbers outside these bounds. */
    public static final String RULE = "number-out-of-range";
    /** The bounds in words, for the end of every message. */
    public static final String LIMITS = "a number may have at most " + MAX_SIGNIFICANT_DIGITS
            + " significant digits, " + MAX_INTEGER_DIGITS + " before the decimal point (below 10^"
            + MAX_INTEGER_DIGITS + ") and " + MAX_DECIMALS + " after it";

    /** How much of a refused literal messages show. */
    private static final int SHOWN = 40;

    private NumberBounds() {
    }

    /** Why a literal is refused: it is no decimal number at all, or one outside the bounds. */
    public static final class Refused extends Exception {
        private final boolean notANumber;

        Refused(boolean notANumber, String message) {
            super(message, null, false, false);
            this.notANumber = notANumber;
        }

        /** True when the text is not a decimal number at all (e.g. {@code .nan}, {@code 1,5}). */
        public boolean notANumber() {
            return notANumber;
        }
    }

    /**
     * The value of a decimal literal {@code [+-]digits[.digits][(e|E)[+-]digits]} (digits may be
     * left out on one side of the point), exactly as written: {@code 1.50} keeps its scale 2.
     * Takes time linear in the length of the text and never builds a large number.
     *
     * @throws Refused when the text is not such a literal, or its value is outside the bounds;
     *                 the message names the literal (shortened) and the bounds
     */
    public static BigDecimal parse(String literal) throws Refused {
        int n = literal.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (literal.charAt(i) == '+' || literal.charAt(i) == '-')) {
            negative = literal.charAt(i) == '-';
            i++;
        }
        int intStart = i;
        while (i < n && isDigit(literal.charAt(i))) {
            i++;
        }
        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < n && literal.charAt(i) == '.') {
            fracStart = ++i;
            while (i < n && isDigit(literal.charAt(i))) {
                i++;
            }
            fracEnd = i;
        }
        int intLength = intEnd - intStart;
        int fracLength = fracEnd - fracStart;
        if (intLength + fracLength == 0) {
            throw notANumber(literal);
        }
        long exponent = 0;
        if (i < n && (literal.charAt(i) == 'e' || literal.charAt(i) == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < n && (literal.charAt(i) == '+' || literal.charAt(i) == '-')) {
                negativeExponent = literal.charAt(i) == '-';
                i++;
            }
            int expStart = i;
            while (i < n && isDigit(literal.charAt(i))) {
                i++;
            }
            if (i == expStart) {
                throw notANumber(literal);
            }
            int firstNonZero = expStart;
            while (firstNonZero < i - 1 && literal.charAt(firstNonZero) == '0') {
                firstNonZero++;
            }
            // Ten digits or more are beyond any bound below; decide on the sign alone.
            exponent = i - firstNonZero > 9 ? 1_000_000_000L : Long.parseLong(literal, firstNonZero, i, 10);
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != n) {
            throw notANumber(literal);
        }
        // The digits as one string C (integer part then fraction): the value is C * 10^-scale.
        StringBuilder digits = new StringBuilder();
        int significant = 0;
        for (int k = intStart; k < fracEnd; k++) {
            char c = literal.charAt(k);
            if (c == '.') {
                continue;
            }
            if (digits.length() > 0 || c != '0') {
                if (++significant > MAX_SIGNIFICANT_DIGITS) {
                    throw outOfRange(literal, "it has more than " + MAX_SIGNIFICANT_DIGITS + " significant digits");
                }
                digits.append(c);
            }
        }
        long scale = fracLength - exponent;
        if (scale > MAX_DECIMALS) {
            throw outOfRange(literal, "it has " + (scale > 1_000_000 ? "over a million" : String.valueOf(scale))
                    + " decimal places");
        }
        if (digits.length() == 0) {
            return BigDecimal.ZERO.setScale((int) Math.max(0, scale));
        }
        long integerDigits = digits.length() - scale; // digits before the point of the plain form
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw outOfRange(literal, "it is 10^" + MAX_INTEGER_DIGITS + " or more in magnitude");
        }
        BigInteger unscaled = new BigInteger(digits.toString());
        return new BigDecimal(negative ? unscaled.negate() : unscaled, (int) scale);
    }

    /**
     * Why a value computed by the tool (e.g. a sum of many imported amounts) would be refused when
     * read back; empty when it is within the bounds.
     */
    public static Optional<String> check(BigDecimal value) {
        if (value.signum() == 0) {
            return Optional.empty();
        }
        if (value.scale() > MAX_DECIMALS) {
            return Optional.of(value.toString() + " has " + value.scale() + " decimal places; " + LIMITS);
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return Optional.of(value.toString() + " is 10^" + MAX_INTEGER_DIGITS + " or more in magnitude; " + LIMITS);
        }
        BigDecimal plain = value.scale() < 0 ? value.setScale(0) : value;
        if (plain.precision() > MAX_SIGNIFICANT_DIGITS) {
            return Optional.of(value.toPlainString() + " has " + plain.precision() + " significant digits; " + LIMITS);
        }
        return Optional.empty();
    }

    /** The literal as messages show it: in quotes, shortened when long, with its length. */
    public static String shown(String literal) {
        if (literal.length() <= SHOWN) {
            return "'" + literal + "'";
        }
        return "'" + literal.substring(0, SHOWN - 4) + "...' (" + literal.length() + " characters)";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Refused notANumber(String literal) {
        return new Refused(true, shown(literal) + " is not a finite decimal number such as 1234.56 or 1.5e3");
    }

    private static Refused outOfRange(String literal, String why) {
        return new Refused(false, shown(literal) + " is out of range: " + why + "; " + LIMITS);
    }
}
