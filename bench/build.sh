#!/usr/bin/env bash
# Benchmark: `servicedocs build` on the example and on generated repositories of N products,
# and one rebuild in `serve` after a file changes.
# Prints wall time of the whole command (JVM start included) and peak memory (max RSS).
# Usage: bench/build.sh [N ...]     (default: 100 1000 5000); RUNS=3 by default.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(100 1000 5000)
runs="${RUNS:-3}"
"$here/servicedocs" --version >/dev/null   # builds the jar if needed
work="$(mktemp -d)"; trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() { # label repo
  local label=$1 repo=$2 walls=() rss=0 r start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$work/rss" "$here/servicedocs" build --repo "$repo" --out "$work/site" \
      --as-of 2026-11-24 >"$work/out" 2>"$work/err" || { cat "$work/err"; exit 1; }
    end=$(date +%s%N)
    walls+=($(( (end - start) / 1000000 )))
    r=$(tail -n1 "$work/rss"); (( r > rss )) && rss=$r
  done
  printf '%-10s %-6s %-14s %-12s %s\n' "$label" "$runs" "$(median "${walls[@]}") ms" "$((rss / 1024)) MiB" "$(tail -n1 "$work/out")"
}

printf '%-10s %-6s %-14s %-12s %s\n' products runs "wall median" "max RSS" result
measure example "$here"
for n in "${sizes[@]}"; do
  repo="$work/repo-$n"
  "$here/servicedocs" generate --repo "$here" --products "$n" --out "$repo" --as-of 2026-11-24 >/dev/null
  measure "$n" "$repo"
  rm -rf "$repo"
done

# One rebuild in serve after one file changes (the example).
copy="$work/serve-repo"; mkdir -p "$copy"
cp -r "$here/standards" "$here/products" "$here/schemas" "$here/cost-data" "$here/templates" "$here/content" "$here/assets" "$here/site.yaml" "$copy/"
"$here/servicedocs" serve --repo "$copy" --port 0 --as-of 2026-11-24 >"$work/serve.out" 2>&1 &
for _ in $(seq 1 200); do grep -q "Serving" "$work/serve.out" && break; sleep 0.1; done
for i in 1 2 3; do
  sed -i "s/^summary: .*/summary: Changed $i./" "$copy/products/data-api/service-doc.yaml"
  for _ in $(seq 1 200); do [[ $(grep -c "Rebuilt in" "$work/serve.out") -ge $i ]] && break; sleep 0.1; done
done
echo "serve rebuilds after one change (example): $(grep -oE 'Rebuilt in [0-9]+ ms' "$work/serve.out" | tr '\n' ' ')"
