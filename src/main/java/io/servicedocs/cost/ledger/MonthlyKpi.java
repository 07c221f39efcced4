package io.servicedocs.cost.ledger;

import io.servicedocs.model.Finance;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Computes a product's monthly KPI ({@link ProductMonth}) in the reporting currency.
 *
 * <p>Pool shares must already be in the reporting currency: convert each pool before splitting
 * it, since converting the shares one by one rounds each of them and their sum would no longer
 * equal the pool. Direct costs are summed per provider and currency before conversion, so that
 * many small bills are rounded once rather than each. A month without MRR or labour in
 * finance.yaml earned or spent nothing on them (a PoC, a free pilot); a month after the file's
 * last is not reported yet: no MRR, profit or unit cost, and only the billed costs.
 */
public final class MonthlyKpi {

    /** Unit costs are shown to two decimals even in JPY: a cost per device of 12.34 yen is meaningful. */
    private static final int UNIT_COST_SCALE = 2;

    private final CurrencyConverter converter;
    /** Equal amounts of every product and month share one object (issue 15: memory at 5,000 products). */
    private final CanonicalAmounts amounts;

    public MonthlyKpi(CurrencyConverter converter) {
        this(converter, new CanonicalAmounts());
    }

    /** @param amounts the shared amounts of the whole computation, so that months of all products share them */
    public MonthlyKpi(CurrencyConverter converter, CanonicalAmounts amounts) {
        this.converter = converter;
        this.amounts = amounts;
    }

    public ProductMonth compute(ProductMonthInput input) {
        Currency reporting = converter.reportingCurrency();
        // "where" is spelled only for an error: compute runs for every product and month
        java.util.function.Supplier<String> where = () -> "product '" + input.productId() + "' in " + input.month();
        Money zero = MinorUnit.zero(reporting);

        Map<String, Map<Currency, BigDecimal>> billed = new TreeMap<>();
        boolean provisional = false;
        for (DirectCost cost : input.directCosts()) {
            requireMonth(where, () -> "direct cost from " + cost.provider(), cost.month().equals(input.month()));
            billed.computeIfAbsent(cost.provider(), p -> new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode)))
                    .merge(cost.amount().currency(), cost.amount().amount(), BigDecimal::add);
            provisional |= cost.provisional();
        }
        SortedMap<String, Money> byProvider = new TreeMap<>();
        billed.forEach((provider, byCurrency) -> byCurrency.forEach((currency, amount) ->
                byProvider.merge(provider, converter.convert(new Money(amount, currency), input.month()), MinorUnit::plus)));
        Money direct = byProvider.values().stream().reduce(zero, MinorUnit::plus);

        Money shared = zero;
        for (PoolShare share : input.sharedShares()) {
            requireMonth(where, () -> "share of pool '" + share.poolId() + "'", share.month().equals(input.month()));
            if (!share.productId().equals(input.productId())) {
                throw new IllegalArgumentException(where.get() + ": given the share of pool '" + share.poolId()
                        + "' that belongs to '" + share.productId() + "'");
            }
            if (!share.amount().currency().equals(reporting)) {
                throw new LedgerException(where.get() + ": the share of pool '" + share.poolId() + "' is in "
                        + share.amount().currency() + ", not in the reporting currency " + reporting
                        + "; convert the pool before splitting it so the shares still add up to the pool");
            }
            shared = MinorUnit.plus(shared, share.amount());
            provisional |= share.provisional();
        }

        List<PrepaidPart> prepaidParts = new ArrayList<>();
        Money prepaid = zero;
        for (PrepaidPart part : input.prepaidParts()) {
            requireMonth(where, () -> "part of prepaid '" + part.prepaidId() + "'", part.month().equals(input.month()));
            PrepaidPart converted = new PrepaidPart(part.prepaidId(), part.month(), converter.convert(part.amount(), part.month()));
            prepaidParts.add(converted);
            prepaid = MinorUnit.plus(prepaid, converted.amount());
        }

        Optional<Finance.Month> finance = input.finance();
        Optional<Finance.Labour> labour = finance.flatMap(Finance.Month::labour);
        Money maintenance = labour.map(l -> converter.convert(l.maintenance(), input.month())).orElse(zero);
        Money investment = labour.map(l -> converter.convert(l.investment(), input.month())).orElse(zero);
        Money mrr = finance.flatMap(Finance.Month::mrr).map(m -> converter.convert(m, input.month())).orElse(zero);

        Money operating = MinorUnit.plus(MinorUnit.plus(direct, shared), MinorUnit.plus(prepaid, maintenance));
        Optional<Money> reportedMrr = input.financeReported() ? Optional.of(amounts.of(mrr)) : Optional.empty();
        Optional<Money> profit = reportedMrr.map(m -> amounts.of(MinorUnit.minus(m, operating)));
        Optional<BigDecimal> demand = finance.flatMap(Finance.Month::demand);
        // no demand, or none at all, gives no unit cost rather than a division by zero or an infinite one
        Optional<Money> unitCost = demand.filter(d -> d.signum() > 0)
                .map(d -> new Money(operating.amount().divide(d, UNIT_COST_SCALE, RoundingMode.HALF_EVEN), reporting));

        byProvider.replaceAll((provider, money) -> amounts.of(money));
        return new ProductMonth(input.productId(), input.month(), reporting, byProvider, amounts.of(direct),
                input.sharedShares(), amounts.of(shared), prepaidParts, amounts.of(prepaid), amounts.of(maintenance),
                amounts.of(operating), reportedMrr, profit, amounts.of(investment), provisional, demand,
                unitCost.map(amounts::of));
    }

    private static void requireMonth(java.util.function.Supplier<String> where, java.util.function.Supplier<String> what,
                                     boolean sameMonth) {
        if (!sameMonth) {
            throw new IllegalArgumentException(where.get() + ": the " + what.get() + " is of another month");
        }
    }
}
