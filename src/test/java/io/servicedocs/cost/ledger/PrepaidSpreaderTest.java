package io.servicedocs.cost.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrepaidSpreaderTest {

    private static List<Money> amounts(PrepaidSpread spread) {
        return spread.parts().stream().map(PrepaidPart::amount).toList();
    }

    @Test
    void annualLicenceInYen() {
        // 1,000,000 / 12 = 83,333 r 4: the first four months get 83,334, the other eight 83,333
        PrepaidSpread spread = PrepaidSpreader.spread(new PrepaidCost("observability-licence",
                Money.of("1000000", "JPY"), YearMonth.of(2026, 4), 12));
        List<Money> expected = new java.util.ArrayList<>(Collections.nCopies(4, Money.of("83334", "JPY")));
        expected.addAll(Collections.nCopies(8, Money.of("83333", "JPY")));
        assertEquals(expected, amounts(spread));
        assertEquals(YearMonth.of(2026, 4), spread.parts().get(0).month());
        // the term crosses the year: April 2026 .. March 2027
        assertEquals(YearMonth.of(2027, 3), spread.parts().get(11).month());
        assertEquals(YearMonth.of(2027, 3), spread.prepaid().lastMonth());
        assertEquals("observability-licence", spread.parts().get(5).prepaidId());
        assertEquals(0, spread.roundingDifference().amount().signum());
    }

    @Test
    void dollarsOverSevenMonths() {
        // 120,000 cents / 7 = 17,142 r 6: six months of 171.43, then one of 171.42 (6 x 171.43 + 171.42 = 1,200.00)
        PrepaidSpread spread = PrepaidSpreader.spread(new PrepaidCost("support-contract",
                Money.of("1200.00", "USD"), YearMonth.of(2026, 9), 7));
        List<Money> expected = new java.util.ArrayList<>(Collections.nCopies(6, Money.of("171.43", "USD")));
        expected.add(Money.of("171.42", "USD"));
        assertEquals(expected, amounts(spread));
    }

    @Test
    void refundsSpreadAsTheMirrorAndFinerAmountsReportTheirRounding() {
        PrepaidSpread refund = PrepaidSpreader.spread(new PrepaidCost("r", Money.of("-100", "JPY"), YearMonth.of(2026, 1), 3));
        assertEquals(List.of(Money.of("-34", "JPY"), Money.of("-33", "JPY"), Money.of("-33", "JPY")), amounts(refund));
        PrepaidSpread fine = PrepaidSpreader.spread(new PrepaidCost("f", Money.of("10.005", "USD"), YearMonth.of(2026, 1), 2));
        // half-even: 10.005 -> 10.00, difference 0.005 reported
        assertEquals(List.of(Money.of("5.00", "USD"), Money.of("5.00", "USD")), amounts(fine));
        assertEquals(0, fine.roundingDifference().amount().compareTo(new BigDecimal("0.005")));
        assertThrows(IllegalArgumentException.class, () -> new PrepaidCost("x", Money.of("1", "JPY"), YearMonth.of(2026, 1), 0));
    }

    @Test
    void partsAlwaysAddUpAndEarlierMonthsNeverGetLess() {
        Random random = new Random(42L);
        for (int round = 0; round < 1000; round++) {
            Money amount = new Money(BigDecimal.valueOf(random.nextInt(100_000_000), 2), java.util.Currency.getInstance("USD"));
            int term = 1 + random.nextInt(60);
            PrepaidSpread spread = PrepaidSpreader.spread(new PrepaidCost("p", amount, YearMonth.of(2025, 1 + random.nextInt(12)), term));
            assertEquals(term, spread.parts().size());
            BigDecimal sum = amounts(spread).stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, sum.compareTo(amount.amount()), amount + " over " + term);
            for (int i = 1; i < term; i++) {
                BigDecimal step = spread.parts().get(i - 1).amount().amount().subtract(spread.parts().get(i).amount().amount());
                assertEquals(true, step.signum() >= 0 && step.compareTo(new BigDecimal("0.01")) <= 0, amount + " over " + term);
                assertEquals(spread.parts().get(i - 1).month().plusMonths(1), spread.parts().get(i).month());
            }
        }
    }
}
