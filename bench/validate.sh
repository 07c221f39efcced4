#!/usr/bin/env bash
# Benchmark: `servicedocs validate` on generated repositories of N products.
# Prints wall time of the whole command (JVM start included), the time spent after JVM start
# (measured inside the JVM from its start time) and peak memory (max RSS).
# Usage: bench/validate.sh [N ...]     (default: 100 1000 5000)
# The standard (and schemas) come from STANDARD_REPO (default: this repository).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(100 1000 5000)
runs="${RUNS:-5}"
"$here/servicedocs" --version >/dev/null   # builds the jar if needed
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
printf '%-9s %-6s %-14s %-14s %-12s %s\n' products runs "wall median" "after JVM start" "max RSS" result
for n in "${sizes[@]}"; do
  repo="$work/repo-$n"
  "$here/servicedocs" generate --repo "${STANDARD_REPO:-$here}" --products "$n" --out "$repo" --as-of 2026-11-24 >/dev/null
  walls=(); afters=(); rss=0; result=""
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$work/rss" env SERVICEDOCS_JAVA_OPTS="-Dservicedocs.timing=true" \
      "$here/servicedocs" validate --repo "$repo" --as-of 2026-11-24 >"$work/out" 2>"$work/err" || true
    end=$(date +%s%N)
    walls+=($(( (end - start) / 1000000 )))
    afters+=($(grep -oE 'after JVM start: [0-9]+ ms' "$work/err" | grep -oE '[0-9]+' || echo 0))
    r=$(tail -n1 "$work/rss"); (( r > rss )) && rss=$r
    result=$(tail -n1 "$work/out")
  done
  median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  printf '%-9s %-6s %-14s %-14s %-12s %s\n' "$n" "$runs" "$(median "${walls[@]}") ms" "$(median "${afters[@]}") ms" \
    "$((rss / 1024)) MiB" "$result"
done
