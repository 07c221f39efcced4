package io.servicedocs.cost.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CurrencyConverterTest {

    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency USD = Currency.getInstance("USD");
    private static final YearMonth OCT = YearMonth.of(2026, 10);

    private final CurrencyConverter converter = new CurrencyConverter(JPY, List.of(
            new ExchangeRate(OCT, USD, JPY, new BigDecimal("151.23")),
            new ExchangeRate(OCT.plusMonths(1), USD, JPY, new BigDecimal("149.80"))));

    @Test
    void convertsWithTheRateOfTheMonthRoundedHalfEvenToTheYen() {
        // 1,000.00 x 151.23 = 151,230
        assertEquals(Money.of("151230", "JPY"), converter.convert(Money.of("1000.00", "USD"), OCT));
        // 10.50 x 151.23 = 1,587.915 -> 1,588; in November 10.50 x 149.80 = 1,572.9 -> 1,573
        assertEquals(Money.of("1588", "JPY"), converter.convert(Money.of("10.50", "USD"), OCT));
        assertEquals(Money.of("1573", "JPY"), converter.convert(Money.of("10.50", "USD"), OCT.plusMonths(1)));
        // 0.05 x 150 = 7.5 -> 8 and 0.03 x 150 = 4.5 -> 4: half-even
        CurrencyConverter flat = new CurrencyConverter(JPY, List.of(new ExchangeRate(OCT, USD, JPY, new BigDecimal("150"))));
        assertEquals(Money.of("8", "JPY"), flat.convert(Money.of("0.05", "USD"), OCT));
        assertEquals(Money.of("4", "JPY"), flat.convert(Money.of("0.03", "USD"), OCT));
        assertEquals(Optional.of(new BigDecimal("151.23")), converter.rate(USD, OCT));
    }

    @Test
    void theReportingCurrencyConvertsToItselfInAnyMonth() {
        assertEquals(Money.of("123456", "JPY"), converter.convert(Money.of("123456", "JPY"), YearMonth.of(1999, 1)));
        assertEquals(Optional.of(BigDecimal.ONE), converter.rate(JPY, YearMonth.of(1999, 1)));
    }

    @Test
    void aMissingRateIsAnErrorNamingTheCurrencyAndMonth() {
        LedgerException e = assertThrows(LedgerException.class,
                () -> converter.convert(Money.of("1.00", "USD"), YearMonth.of(2026, 12)));
        assertTrue(e.getMessage().contains("USD") && e.getMessage().contains("2026-12"), e.getMessage());
        LedgerException eur = assertThrows(LedgerException.class, () -> converter.convert(Money.of("1.00", "EUR"), OCT));
        assertTrue(eur.getMessage().contains("EUR") && eur.getMessage().contains("2026-10"), eur.getMessage());
        assertEquals(Optional.empty(), converter.rate(USD, YearMonth.of(2026, 12)));
    }

    @Test
    void ratesMustBeToTheReportingCurrencyOncePerMonthAndPositive() {
        assertThrows(LedgerException.class, () -> new CurrencyConverter(JPY,
                List.of(new ExchangeRate(OCT, JPY, USD, new BigDecimal("0.0066")))));
        assertThrows(LedgerException.class, () -> new CurrencyConverter(JPY, List.of(
                new ExchangeRate(OCT, USD, JPY, new BigDecimal("151.23")),
                new ExchangeRate(OCT, USD, JPY, new BigDecimal("151.24")))));
        assertThrows(IllegalArgumentException.class, () -> new ExchangeRate(OCT, USD, JPY, BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new ExchangeRate(OCT, USD, USD, BigDecimal.ONE));
    }
}
