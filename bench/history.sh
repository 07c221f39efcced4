#!/usr/bin/env bash
# Benchmark: `servicedocs history` on a generated git repository of P products and C commits
# (hidden command `servicedocs generate-history`; the repository is packed with `git gc`, as a
# real clone is). Prints wall time of the whole command (JVM start included), the time spent after
# JVM start (measured inside the JVM) and peak memory (max RSS).
# Usage: bench/history.sh [PRODUCTS COMMITS]     (default: 500 10000; RUNS=3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
products="${1:-500}"; commits="${2:-10000}"; runs="${RUNS:-3}"
"$here/servicedocs" --version >/dev/null   # builds the jar if needed
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
repo="$work/repo"
start=$(date +%s%N)
"$here/servicedocs" generate-history --repo "${STANDARD_REPO:-$here}" --products "$products" --commits "$commits" \
  --out "$repo" --as-of 2026-11-24 >/dev/null
git -C "$repo" gc -q
echo "generated $products products, $commits commits in $(( ($(date +%s%N) - start) / 1000000 )) ms" \
  "(packed: $(du -sh "$repo/.git" | cut -f1))"
walls=(); afters=(); rss=0
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/rss" env SERVICEDOCS_JAVA_OPTS="-Dservicedocs.timing=true" \
    "$here/servicedocs" history --repo "$repo" --as-of 2026-11-24 >"$work/out" 2>"$work/err"
  end=$(date +%s%N)
  walls+=($(( (end - start) / 1000000 )))
  afters+=($(grep -oE 'after JVM start: [0-9]+ ms' "$work/err" | grep -oE '[0-9]+' || echo 0))
  r=$(tail -n1 "$work/rss"); (( r > rss )) && rss=$r
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-9s %-8s %-5s %-12s %-16s %-10s %s\n' products commits runs "wall median" "after JVM start" "max RSS" warnings
printf '%-9s %-8s %-5s %-12s %-16s %-10s %s\n' "$products" "$commits" "$runs" "$(median "${walls[@]}") ms" \
  "$(median "${afters[@]}") ms" "$((rss / 1024)) MiB" "$(grep -c 'warning:' "$work/err" || true)"
head -n1 "$work/out"
