/**
 * The cost data snapshots of cost-data/&lt;source&gt;/&lt;YYYY-MM&gt;.yaml: conversion of what Cost
 * Explorer returned ({@link io.servicedocs.cost.data.CostExplorerMonths}) and of FOCUS files
 * ({@link io.servicedocs.cost.data.FocusMonths}) into {@link io.servicedocs.model.CostMonth}s, the
 * file format ({@link io.servicedocs.cost.data.CostMonthYaml}), and the store that writes them
 * ({@link io.servicedocs.cost.data.CostDataStore}).
 *
 * <p>The store's policy: a later fetch replaces a provisional month and records the replaced
 * totals under {@code revisions}; a final month is never rewritten silently. Every month of a run
 * is planned before anything is written, and one refused month means nothing is written.
 */
package io.servicedocs.cost.data;
