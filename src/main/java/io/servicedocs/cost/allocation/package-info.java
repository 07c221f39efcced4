/**
 * The enrich stage for costs: turns the repository's cost data, cost settings and finance files
 * into a {@link io.servicedocs.cost.allocation.CostReport}: each cost element mapped to its
 * product or shared pool (or shown as unallocated), pools split, prepaid amounts spread, and the
 * monthly KPI of every product, with a check that no money was created or lost.
 */
package io.servicedocs.cost.allocation;
