/**
 * SLO measurement: fetches each SLO's attainment per calendar month from its data source
 * (Prometheus through its HTTP API, Datadog through its official client) and keeps the months in
 * slo-data/&lt;source&gt;/&lt;YYYY-MM&gt;.yaml through {@link io.servicedocs.slo.SloDataStore}, with
 * the same rules as cost data: provisional while the month runs, final after, never rewritten
 * silently, every write planned before any is done.
 */
package io.servicedocs.slo;
