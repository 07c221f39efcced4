package io.servicedocs.cost.ledger;

/** How a shared pool is split among its target products; the methods common to FinOps tools. */
public enum SplitMethod {
    /** The same share for every target. */
    EVEN,
    /** In proportion to each target's direct cost of the month. */
    PROPORTIONAL,
    /** Declared percentages that total exactly 100. */
    FIXED,
    /** In proportion to a usage metric measured per target and month (CPU requests, devices). */
    USAGE
}
