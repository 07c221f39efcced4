#!/usr/bin/env bash
# Rebuilds the example's imported FOCUS cost data, cost-data/saas-focus/, with the tool's own
# import, from the files the daily workflow left in cost-data/imports/done/saas-focus/<run>/:
# each run folder in order, at the time its name gives (--now), as the workflow imported them.
# So the example shows what real imports leave (a billing period that corrects a final month, a
# SaaS contract without sub-account, a one-time purchase spread over its term) and cannot drift
# from the tool: ExampleCostImportsTest replays the same runs and compares.
# Usage: dev/example-cost-imports.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
servicedocs="${SERVICEDOCS:-$here/servicedocs}"   # another launcher, e.g. for a jar built elsewhere
source=saas-focus
rm -rf "${here:?}/cost-data/$source"
for run in "$here/cost-data/imports/done/$source"/*/; do
  stamp=$(basename "$run")                              # 2026-01-06T040000Z, as the workflow names it
  now="${stamp:0:13}:${stamp:13:2}:${stamp:15:2}Z"      # 2026-01-06T04:00:00Z
  "$servicedocs" costs import --repo "$here" --source "$source" --now "$now" "$run"*.csv
done
