package io.servicedocs.site.view;

import io.servicedocs.cost.ledger.CostChange;
import io.servicedocs.cost.ledger.ProductCostChange;
import io.servicedocs.cost.ledger.ProfitTone;
import io.servicedocs.model.Money;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Growth or savings as pages show it: one product's change of operating cost between two final
 * months, split into the volume effect (demand) and the efficiency effect (unit cost), or not
 * explained by demand. {@code period} is "month" (month over month) or "year" (year over year);
 * {@code explained} the ledger's code ("decomposed", "no_demand", "no_demand_before",
 * "no_demand_after"); {@code unitCostUnit} the unit of the unit costs in words (e.g. "JPY per
 * device-month"); {@code verdict} the message key suffix of the words that follow profit
 * ("profit.good", "loss.bad", ...) and {@code tone} the colour ("good", "neutral", "bad").
 */
public record CostChangeView(String period, String id, String name, String from, String to, Amount costFrom,
                             Amount costTo, Amount change, Optional<Amount> volumeEffect,
                             Optional<Amount> efficiencyEffect, Amount notExplained, Optional<String> demandFrom,
                             Optional<String> demandTo, Optional<Amount> unitCostFrom, Optional<Amount> unitCostTo,
                             Optional<String> unitCostUnit, String explained, Amount profitTo, boolean profitable,
                             String verdict, String tone) {

    /** The company's change: the sums of the products' effects, and every product's row (by product id). */
    public record Company(String period, String from, String to, Amount costFrom, Amount costTo, Amount change,
                          Amount volumeEffect, Amount efficiencyEffect, Amount notExplained, Amount profitTo,
                          boolean profitable, String verdict, String tone, List<CostChangeView> products) {
    }

    /** "month" for a change over one month, "year" for one over twelve. */
    static String period(CostChange change) {
        return change.monthsApart() == 12 ? "year" : "month";
    }

    /**
     * @param names        product id to display name
     * @param unitTemplate the interface string of a unit cost's unit, with {currency} and {unit}
     */
    static CostChangeView of(CostChange change, ProductCostChange p, Function<String, String> names, String unitTemplate) {
        return new CostChangeView(period(change), p.productId(), names.apply(p.productId()), change.from().toString(),
                change.to().toString(), Amount.of(p.costFrom()), Amount.of(p.costTo()), Amount.of(p.change()),
                p.volumeEffect().map(Amount::of), p.efficiencyEffect().map(Amount::of), Amount.of(p.notExplainedByDemand()),
                p.demandFrom().map(CostChangeView::number), p.demandTo().map(CostChangeView::number),
                p.unitCostFrom().map(Amount::of), p.unitCostTo().map(Amount::of),
                p.metric().map(m -> unit(unitTemplate, change.currency().getCurrencyCode(), m.unit())),
                p.explained().code(), Amount.of(p.profitTo()), p.profitable(), verdict(p.profitable(), p.tone()),
                p.tone().code());
    }

    /** @param profitTo the company's profit in the later month */
    static Company company(CostChange change, Money profitTo, Function<String, String> names, String unitTemplate) {
        boolean profitable = profitTo.amount().signum() > 0;
        // the company has no unit cost of its own (demand units differ): the efficiency effect's sign stands for it
        ProfitTone tone = ProfitTone.of(profitable, change.change().amount().signum(),
                change.efficiencyEffect().amount().signum());
        return new Company(period(change), change.from().toString(), change.to().toString(), Amount.of(change.costFrom()),
                Amount.of(change.costTo()), Amount.of(change.change()), Amount.of(change.volumeEffect()),
                Amount.of(change.efficiencyEffect()), Amount.of(change.notExplainedByDemand()), Amount.of(profitTo),
                profitable, verdict(profitable, tone), tone.code(),
                change.products().stream().map(p -> of(change, p, names, unitTemplate)).toList());
    }

    /** The key suffix of the words: a loss is never worded as good news, see {@link ProfitTone}. */
    static String verdict(boolean profitable, ProfitTone tone) {
        return (profitable ? "profit." : "loss.") + tone.code();
    }

    /** "JPY per device-month" from the template "{currency} per {unit}-month". */
    static String unit(String template, String currency, String unit) {
        return template.replace("{currency}", currency).replace("{unit}", unit);
    }

    private static String number(java.math.BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
