#!/usr/bin/env bash
# Benchmark: `costs import` of large FOCUS exports. Generates (bench/FocusExportGenerator.java,
# with DuckDB from the jar) a ROWS-row FOCUS CSV and a PARQUET_ROWS-row AWS Data Exports folder of
# Parquet parts (two BILLING_PERIOD partitions with manifests), imports each into a fresh copy of
# the example repository, and prints wall time (JVM start included), peak memory (max RSS, from
# /usr/bin/time -v) and the result line. With an older jar (which has only the Java CSV reader),
# it also imports the same CSV with it, side by side. With BASE=another new-format jar, each import
# is also run with it, alternating (base, new) ROUNDS times, to compare two builds on a busy machine:
# compare the cpu column (user + system seconds), which other processes disturb less than wall time.
# ONLY=csv or ONLY=parquet runs one kind only. WORK=folder keeps the generated files for the next run.
# Usage: bench/focus-import.sh [OLD.jar]     ROWS=1000000 PARQUET_ROWS=10000000 JAR=target/servicedocs.jar
# Targets (issue 14): CSV under 10 s, Parquet export under 20 s, peak RSS under 600 MiB.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${JAR:-$here/target/servicedocs.jar}" old="${1:-}"
rows="${ROWS:-1000000}" parquet_rows="${PARQUET_ROWS:-10000000}"
[[ -f $jar ]] || { echo "no $jar: mvn -o -q -DskipTests package first" >&2; exit 2; }
work="${WORK:-$(mktemp -d)}"
# each run's own scratch (outputs, repository copies), so that runs sharing WORK do not mix them
scratch="$(mktemp -d)"
if [[ -n ${WORK:-} ]]; then trap 'rm -rf "$scratch"' EXIT; else trap 'rm -rf "$scratch" "$work"' EXIT; fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ ! -f $work/focus.csv ]]; then
  echo "generating $rows-row CSV: $(java -cp "$jar" "$here/bench/FocusExportGenerator.java" csv "$rows" "$work/focus.csv")"
fi
if [[ ! -d $work/export ]]; then
  echo "generating $parquet_rows-row Parquet export: $(java -cp "$jar" "$here/bench/FocusExportGenerator.java" \
    parquet "$parquet_rows" "$work/export")"
fi
echo "CSV $(du -hL "$work/focus.csv" | cut -f1), Parquet export $(du -shL "$work/export" | cut -f1)"
run() { # label jar input [options...] -> one line of figures
  local label=$1 j=$2 input=$3; shift 3
  local repo="$scratch/repo"
  mkdir -p "$repo"
  cp -r "$here/standards" "$here/products" "$here/schemas" "$here/templates" "$here/content" "$here/assets" \
    "$here/site.yaml" "$repo/"
  local start end status=0
  start=$(date +%s%N)
  /usr/bin/time -v -o "$scratch/time" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$j" costs import \
    --repo "$repo" --as-of 2026-11-24 --source bench "$input" "$@" >"$scratch/out" 2>"$scratch/err" || status=$?
  end=$(date +%s%N)
  local rss; rss=$(grep "Maximum resident" "$scratch/time" | grep -oE "[0-9]+$" || echo 0)
  local cpu; cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$scratch/time")
  printf '%-30s %8s ms %6s s %6s MiB  exit %s  load %s  %s\n' "$label" "$(( (end - start) / 1000000 ))" "$cpu" \
    "$((rss / 1024))" "$status" "$(cut -d' ' -f1 /proc/loadavg)" "$(tail -n1 "$scratch/out")"
  [[ $status == 0 ]] || head -n3 "$scratch/err" >&2
  rm -rf "$repo"
}
printf '%-30s %11s %8s %10s\n' import wall cpu "max RSS"
base="${BASE:-}" only="${ONLY:-}"
for ((round = 1; round <= ${ROUNDS:-1}; round++)); do
  if [[ $only != parquet ]]; then
    [[ -z $base ]] || run "CSV, base jar (duckdb)" "$base" "$work/focus.csv"
    run "CSV, new jar (duckdb)" "$jar" "$work/focus.csv"
  fi
  if [[ $only != csv ]]; then
    [[ -z $base ]] || run "Parquet export, base jar" "$base" "$work/export"
    run "Parquet export, new jar" "$jar" "$work/export"
  fi
done
if [[ $only != parquet ]]; then
  [[ -z $old ]] || run "CSV, old jar (java reader)" "$old" "$work/focus.csv"
  [[ -n $base ]] || run "CSV, new jar (--engine java)" "$jar" "$work/focus.csv" --engine java
fi
