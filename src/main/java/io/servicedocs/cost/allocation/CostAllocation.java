package io.servicedocs.cost.allocation;

import io.servicedocs.cost.allocation.CostOwners.Owner;
import io.servicedocs.cost.ledger.CurrencyConverter;
import io.servicedocs.cost.ledger.DirectCost;
import io.servicedocs.cost.ledger.ExchangeRate;
import io.servicedocs.cost.ledger.LedgerTotals;
import io.servicedocs.cost.ledger.MinorUnit;
import io.servicedocs.cost.ledger.MonthlyKpi;
import io.servicedocs.cost.ledger.PoolCost;
import io.servicedocs.cost.ledger.PoolShare;
import io.servicedocs.cost.ledger.PoolSplit;
import io.servicedocs.cost.ledger.PrepaidCost;
import io.servicedocs.cost.ledger.PrepaidPart;
import io.servicedocs.cost.ledger.PrepaidSpreader;
import io.servicedocs.cost.ledger.ProductMonth;
import io.servicedocs.cost.ledger.ProductMonthInput;
import io.servicedocs.cost.ledger.SharedCostSplitter;
import io.servicedocs.cost.ledger.SharedPool;
import io.servicedocs.cost.ledger.SplitBasis;
import io.servicedocs.cost.ledger.SplitRule;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostSettings;
import io.servicedocs.model.Costs;
import io.servicedocs.model.Finance;
import io.servicedocs.model.Money;
import io.servicedocs.model.Product;
import io.servicedocs.model.Repository;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the {@link CostReport}: for every month from the first to the last month of cost data,
 * maps each cost line to its owner, takes booked prepaid amounts out of their month, converts
 * each pool to the reporting currency and splits it, spreads prepaid amounts, and computes every
 * product's KPI; then checks that the pools' totals equal what products received.
 */
public final class CostAllocation {

    private static final Comparator<Currency> BY_CODE = Comparator.comparing(Currency::getCurrencyCode);

    private final Repository repository;
    private final CostSettings settings;
    private final CurrencyConverter converter;
    private final CostOwners owners;

    private CostAllocation(Repository repository) {
        this.repository = repository;
        this.settings = repository.costs().settings().orElseThrow();
        this.converter = new CurrencyConverter(settings.reportingCurrency(), rates(repository.costs(), settings.reportingCurrency()));
        this.owners = new CostOwners(repository.products(), settings);
    }

    /**
     * The cost report, or empty when the repository has no standards/costs.yaml.
     *
     * @throws io.servicedocs.cost.ledger.LedgerException when the data cannot be computed without a
     *     guess that validation could not foresee (e.g. a proportional split whose targets all have
     *     no direct cost in a month)
     */
    public static Optional<CostReport> compute(Repository repository) {
        if (!repository.costs().configured()) {
            return Optional.empty();
        }
        return Optional.of(new CostAllocation(repository).report());
    }

    private static List<ExchangeRate> rates(Costs costs, Currency reporting) {
        List<ExchangeRate> rates = new ArrayList<>();
        costs.rates().rates().forEach((code, months) -> {
            Currency from = Currency.getInstance(code);
            if (!from.equals(reporting)) {
                months.forEach((month, rate) -> rates.add(new ExchangeRate(month, from, reporting, rate)));
            }
        });
        return rates;
    }

    /** A month's cost lines gathered by owner, in the currencies billed. */
    private static final class MonthBills {
        /** product -> provider label -> currency -> amount */
        final Map<String, Map<String, Map<Currency, BigDecimal>>> direct = new TreeMap<>();
        /** pool -> currency -> amount */
        final Map<String, Map<Currency, BigDecimal>> pools = new TreeMap<>();
        final Set<String> provisionalOwners = new TreeSet<>();
    }

    private CostReport report() {
        List<CostMonth> data = repository.costs().months();
        List<YearMonth> months = contiguousMonths(data);
        Set<YearMonth> provisionalMonths = new TreeSet<>();
        data.stream().filter(CostMonth::provisional).forEach(m -> provisionalMonths.add(m.month()));

        List<PrepaidReport> prepaid = spreadPrepaid();
        Map<String, List<PoolSplit>> splitsByPool = new LinkedHashMap<>();
        settings.sharedPools().forEach(p -> splitsByPool.put(p.id(), new ArrayList<>()));
        // gathered hashed (every product, every month), then put in id order once
        Map<String, List<ProductMonth>> gathered = new HashMap<>();
        List<UnallocatedCost> unallocated = new ArrayList<>();
        List<PoolSplit> allSplits = new ArrayList<>();
        io.servicedocs.cost.ledger.CanonicalAmounts amounts = new io.servicedocs.cost.ledger.CanonicalAmounts();
        MonthlyKpi kpi = new MonthlyKpi(converter, amounts);

        for (MonthAllocation allocated : allocated(months, data, prepaid, provisionalMonths, kpi, amounts)) {
            unallocated.addAll(allocated.unallocated());
            allocated.splits().forEach(split -> splitsByPool.get(split.poolId()).add(split));
            allSplits.addAll(allocated.splits());
            allocated.products().forEach(m -> gathered.computeIfAbsent(m.productId(), k -> new ArrayList<>()).add(m));
        }
        Map<String, List<ProductMonth>> productMonths = new TreeMap<>(gathered);

        List<ProductMonth> allProductMonths = productMonths.values().stream().flatMap(List::stream).toList();
        List<LedgerTotals.MonthTotal> totals = LedgerTotals.verify(allSplits, allProductMonths);

        Map<String, ProductCosts> products = new TreeMap<>();
        productMonths.forEach((id, list) -> products.put(id, ProfitTrends.of(id, list, provisionalMonths, amounts)));
        List<PoolReport> pools = settings.sharedPools().stream()
                .map(p -> new PoolReport(p, splitsByPool.get(p.id()))).toList();
        Map<String, io.servicedocs.model.DemandMetric> demandMetrics = new TreeMap<>();
        repository.products().forEach(p -> p.serviceDoc().demandMetric().ifPresent(m -> demandMetrics.put(p.id(), m)));
        return CostReport.of(settings.reportingCurrency(), months, provisionalMonths, products, pools,
                unallocated, prepaid, SourceReports.of(data), totals, demandMetrics, BillingDetails.of(data, owners));
    }

    /** One month's pool splits, product KPIs and the cost lines no one owns. */
    private record MonthAllocation(List<PoolSplit> splits, List<ProductMonth> products,
                                   List<UnallocatedCost> unallocated) {
    }

    /** A month allocated, or why it cannot be (a LedgerException, or a fault of the tool). */
    private record MonthOutcome(MonthAllocation allocation, RuntimeException failure) {
    }

    /**
     * Every month allocated, in month order. A month reads only the immutable repository, the
     * settings and the prepaid spreads, and writes only its own result (the shared amounts are
     * thread-safe): so the months are allocated side by side (issue 15: the cost stage was the
     * longest after validation, and the other stages beside it end first). When months cannot be
     * computed, the first of them in month order fails the whole, as one month after another did,
     * whichever of them failed first in time; so does any other failure, thrown as it was thrown.
     */
    private List<MonthAllocation> allocated(List<YearMonth> months, List<CostMonth> data, List<PrepaidReport> prepaid,
                                            Set<YearMonth> provisionalMonths, MonthlyKpi kpi,
                                            io.servicedocs.cost.ledger.CanonicalAmounts amounts) {
        List<MonthOutcome> outcomes = months.parallelStream().map(month -> {
            try {
                return new MonthOutcome(allocate(month, data, prepaid, provisionalMonths.contains(month), kpi, amounts),
                        null);
            } catch (RuntimeException e) {
                return new MonthOutcome(null, e);
            }
        }).toList();
        List<MonthAllocation> allocated = new ArrayList<>(outcomes.size());
        for (MonthOutcome outcome : outcomes) {
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            allocated.add(outcome.allocation());
        }
        return allocated;
    }

    /** A month: bills by owner, booked prepaid out, pools split, then every product's KPI. */
    private MonthAllocation allocate(YearMonth month, List<CostMonth> data, List<PrepaidReport> prepaid,
                                     boolean monthProvisional, MonthlyKpi kpi,
                                     io.servicedocs.cost.ledger.CanonicalAmounts amounts) {
        List<UnallocatedCost> unallocated = new ArrayList<>();
        MonthBills bills = gather(month, data, unallocated);
        if (data.stream().anyMatch(m -> m.month().equals(month))) {
            takeOutBookedPrepaid(month, bills); // a month without data has no booking to take out
        }
        Map<String, List<DirectCost>> direct = directCosts(month, bills, monthProvisional);
        // Maps only looked up by product id (never iterated into a result): hashed, since every
        // product is looked up in each of them every month (issue 15: 5,000 products x months).
        Map<String, List<PrepaidPart>> prepaidParts = new HashMap<>();
        Map<String, Money> poolPrepaid = new TreeMap<>();
        for (PrepaidReport report : prepaid) {
            report.spread().parts().stream().filter(p -> p.month().equals(month)).forEach(part -> {
                if (report.ownerKind() == OwnerKind.POOL) {
                    poolPrepaid.merge(report.ownerId(), converter.convert(part.amount(), month), MinorUnit::plus);
                } else {
                    prepaidParts.computeIfAbsent(report.ownerId(), k -> new ArrayList<>()).add(part);
                }
            });
        }

        SplitBasis basis = new SplitBasis(month, directInReportingCurrency(month, direct), usage(month));
        List<PoolSplit> splits = new ArrayList<>();
        Map<String, List<PoolShare>> shares = new HashMap<>();
        for (CostSettings.SharedPool pool : settings.sharedPools()) {
            Optional<PoolCost> cost = poolCost(pool.id(), month, bills, poolPrepaid, monthProvisional);
            if (cost.isPresent()) {
                PoolSplit split = SharedCostSplitter.split(new SharedPool(pool.id(), rule(pool.split())), cost.get(), basis,
                        amounts);
                splits.add(split);
                split.shares().forEach(s -> shares.computeIfAbsent(s.productId(), k -> new ArrayList<>()).add(s));
            }
        }

        List<ProductMonth> products = new ArrayList<>();
        for (Product product : repository.products()) {
            String id = product.id();
            Optional<Finance.Month> finance = Optional.ofNullable(product.finance().months().get(month));
            List<DirectCost> productDirect = direct.getOrDefault(id, List.of());
            List<PoolShare> productShares = shares.getOrDefault(id, List.of());
            List<PrepaidPart> parts = prepaidParts.getOrDefault(id, List.of());
            if (productDirect.isEmpty() && productShares.isEmpty() && parts.isEmpty() && finance.isEmpty()) {
                continue; // the product did not exist yet, or had nothing that month
            }
            products.add(kpi.compute(new ProductMonthInput(id, month, productDirect, productShares, parts, finance,
                    product.finance().reports(month))));
        }
        return new MonthAllocation(splits, products, unallocated);
    }

    private static List<YearMonth> contiguousMonths(List<CostMonth> data) {
        if (data.isEmpty()) {
            return List.of();
        }
        YearMonth first = data.stream().map(CostMonth::month).min(YearMonth::compareTo).orElseThrow();
        YearMonth last = data.stream().map(CostMonth::month).max(YearMonth::compareTo).orElseThrow();
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private List<PrepaidReport> spreadPrepaid() {
        List<PrepaidReport> reports = new ArrayList<>();
        for (CostSettings.Prepaid declared : settings.prepaid()) {
            Owner owner = owners.of(declared.costElement()).orElseThrow(() -> new IllegalStateException(
                    "prepaid '" + declared.id() + "' has no owner; validation should have refused it"));
            reports.add(new PrepaidReport(declared, owner.kind(), owner.id(), PrepaidSpreader.spread(
                    new PrepaidCost(declared.id(), declared.amount(), declared.firstMonth(), declared.termMonths()))));
        }
        return reports;
    }

    private MonthBills gather(YearMonth month, List<CostMonth> data, List<UnallocatedCost> unallocated) {
        MonthBills bills = new MonthBills();
        for (CostMonth file : data) {
            if (!file.month().equals(month)) {
                continue;
            }
            for (CostMonth.CostLine line : file.costs()) {
                Optional<Owner> owner = owners.of(line);
                if (owner.isEmpty()) {
                    unallocated.add(new UnallocatedCost(month, file.source(), line.element(), line.tag(), line.money(),
                            converter.convert(line.money(), month), file.provisional()));
                    continue;
                }
                Map<Currency, BigDecimal> sums = owner.get().pool()
                        ? bills.pools.computeIfAbsent(owner.get().id(), k -> new TreeMap<>(BY_CODE))
                        : bills.direct.computeIfAbsent(owner.get().id(), k -> new TreeMap<>())
                                .computeIfAbsent(CostOwners.providerLabel(line.element()), k -> new TreeMap<>(BY_CODE));
                sums.merge(line.currency(), line.amount(), BigDecimal::add);
                if (file.provisional()) {
                    bills.provisionalOwners.add(owner.get().id());
                }
            }
        }
        return bills;
    }

    /** A prepaid amount booked whole in one month is taken out there; its spread replaces it. */
    private void takeOutBookedPrepaid(YearMonth month, MonthBills bills) {
        for (CostSettings.Prepaid declared : settings.prepaid()) {
            if (!declared.bookedMonth().map(month::equals).orElse(false)) {
                continue;
            }
            Owner owner = owners.of(declared.costElement()).orElseThrow();
            Map<Currency, BigDecimal> sums = owner.pool()
                    ? bills.pools.computeIfAbsent(owner.id(), k -> new TreeMap<>(BY_CODE))
                    : bills.direct.computeIfAbsent(owner.id(), k -> new TreeMap<>())
                            .computeIfAbsent(CostOwners.providerLabel(declared.costElement()), k -> new TreeMap<>(BY_CODE));
            sums.merge(declared.amount().currency(), declared.amount().amount().negate(), BigDecimal::add);
        }
    }

    /** Each product's direct costs, by product id (looked up, never iterated in order: see {@link #allocate}). */
    private static Map<String, List<DirectCost>> directCosts(YearMonth month, MonthBills bills, boolean monthProvisional) {
        Map<String, List<DirectCost>> direct = new HashMap<>();
        bills.direct.forEach((product, byProvider) -> {
            boolean provisional = monthProvisional || bills.provisionalOwners.contains(product);
            byProvider.forEach((provider, byCurrency) -> byCurrency.forEach((currency, amount) ->
                    direct.computeIfAbsent(product, k -> new ArrayList<>())
                            .add(new DirectCost(provider, month, new Money(amount, currency), provisional))));
        });
        return direct;
    }

    /** Each product's direct cost in the reporting currency, converted exactly as {@link MonthlyKpi} does. */
    private Map<String, Money> directInReportingCurrency(YearMonth month, Map<String, List<DirectCost>> direct) {
        Map<String, Money> converted = new HashMap<>();
        direct.forEach((product, costs) -> {
            Money sum = MinorUnit.zero(settings.reportingCurrency());
            for (DirectCost cost : costs) {
                sum = MinorUnit.plus(sum, converter.convert(cost.amount(), month));
            }
            converted.put(product, sum);
        });
        return converted;
    }

    private Map<String, Map<String, BigDecimal>> usage(YearMonth month) {
        Map<String, Map<String, BigDecimal>> usage = new HashMap<>();
        repository.costs().usage().metrics().forEach((id, metric) ->
                usage.put(id, metric.months().getOrDefault(month, Map.of())));
        return usage;
    }

    private Optional<PoolCost> poolCost(String pool, YearMonth month, MonthBills bills, Map<String, Money> poolPrepaid,
                                        boolean monthProvisional) {
        Map<Currency, BigDecimal> billed = bills.pools.get(pool);
        Money prepaid = poolPrepaid.get(pool);
        if (billed == null && prepaid == null) {
            return Optional.empty();
        }
        Money total = prepaid == null ? MinorUnit.zero(settings.reportingCurrency()) : prepaid;
        if (billed != null) {
            for (Map.Entry<Currency, BigDecimal> entry : billed.entrySet()) {
                // one conversion per currency: the pool is rounded once per bill, not per line
                total = MinorUnit.plus(total, converter.convert(new Money(entry.getValue(), entry.getKey()), month));
            }
        }
        boolean provisional = monthProvisional || bills.provisionalOwners.contains(pool);
        return Optional.of(new PoolCost(pool, month, total, provisional));
    }

    static SplitRule rule(CostSettings.Split split) {
        return switch (split.method()) {
            case EVEN -> new SplitRule.Even(split.targets());
            case PROPORTIONAL -> new SplitRule.Proportional(split.targets());
            case FIXED -> SplitRule.Fixed.of(split.percentages());
            case USAGE -> new SplitRule.Usage(split.metric().orElseThrow(), split.targets());
        };
    }
}
