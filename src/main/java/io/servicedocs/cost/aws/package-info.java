/**
 * Monthly costs per AWS account (and optionally per cost-allocation tag value) read from AWS Cost
 * Explorer's GetCostAndUsage: {@link io.servicedocs.cost.aws.CostExplorerFetcher} pages, backs
 * off when rate limited, stays under a cap of paid requests, and returns plain records.
 */
package io.servicedocs.cost.aws;
