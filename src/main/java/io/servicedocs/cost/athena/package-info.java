/**
 * The distributed FOCUS reading engine: Amazon Athena runs the aggregate query over an export's
 * table in S3 ({@link io.servicedocs.cost.athena.AthenaFocusQuery}), and
 * {@link io.servicedocs.cost.athena.AthenaFocusReader} starts it, polls it, pages through its
 * results into {@link io.servicedocs.cost.focus.ChargeGroup}s and reports the bytes scanned and
 * their cost ({@link io.servicedocs.cost.athena.ScanCost}).
 */
package io.servicedocs.cost.athena;
