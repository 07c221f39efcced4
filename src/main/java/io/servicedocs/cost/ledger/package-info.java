/**
 * The money logic of costs, without I/O: splitting shared pools among products
 * ({@link io.servicedocs.cost.ledger.SharedCostSplitter}), spreading prepaid amounts over their
 * term ({@link io.servicedocs.cost.ledger.PrepaidSpreader}), trailing averages
 * ({@link io.servicedocs.cost.ledger.TrailingAverage}), conversion to the reporting currency
 * ({@link io.servicedocs.cost.ledger.CurrencyConverter}), the monthly KPI of a product
 * ({@link io.servicedocs.cost.ledger.MonthlyKpi}), the check that sharing neither creates nor
 * loses money ({@link io.servicedocs.cost.ledger.LedgerTotals}), and growth or savings: a change of
 * operating cost split into a volume and an efficiency effect
 * ({@link io.servicedocs.cost.ledger.CostChangeDecomposition}), read in the light of profit
 * ({@link io.servicedocs.cost.ledger.ProfitTone}).
 *
 * <p>Every amount a ledger produces is at the smallest unit of its currency
 * ({@link java.util.Currency#getDefaultFractionDigits()}: JPY 0, USD 2). Inputs finer than that
 * (Cost Explorer gives USD with 10 decimals) are rounded once, HALF_EVEN, and the difference is
 * reported beside the result instead of disappearing. Splits use the largest-remainder method so
 * that the parts add up to the whole exactly; ties go to the target whose id sorts first.
 *
 * <p>Order matters for conservation: convert a pool to the reporting currency first, then split
 * it. Converting the parts one by one would round each part and the sum could drift.
 */
package io.servicedocs.cost.ledger;
