#!/usr/bin/env bash
# Browser benchmark of the home matrix, and the sizes of the big pages: two servicedocs jars side by
# side. Each jar generates N products from the example of its own checkout (as bench/compare.sh)
# and builds them; both sites are served on loopback and their home pages opened in headless
# Chromium (Selenium, the flags of BrowserTest), alternating, RUNS times (default 3): median time
# to the load event and to interactive (rows rendered and a change of the phase filter applied).
# Usage: bench/browser.sh OLD.jar NEW.jar [N]      (default N: 5000; needs chromium and chromedriver)
# e.g. git worktree add /tmp/old 8803d21 && (cd /tmp/old && mvn -o -q -DskipTests package)
#      bench/browser.sh /tmp/old/target/servicedocs.jar target/servicedocs.jar
# Run from the checkout whose test classes measure (mvn -o test-compile first).
set -euo pipefail
[[ $# -ge 2 ]] || { sed -n 2,10p "$0"; exit 2; }
old=$(realpath "$1") new=$(realpath "$2") n=${3:-5000} runs="${RUNS:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_WORK:-$(mktemp -d)}"; [[ -n ${BENCH_WORK:-} ]] || trap 'rm -rf "$work"' EXIT
for side in old new; do
  jar=$old; [[ $side == new ]] && jar=$new
  tree="$(cd "$(dirname "$jar")/.." && pwd)"; [[ -d $tree/templates ]] || tree=$here
  if [[ ! -d $work/site-$side ]]; then
    java -jar "$jar" generate --repo "$tree" --products "$n" --out "$work/repo-$side" --as-of 2026-11-24 >/dev/null
    java -XX:+UseSerialGC -jar "$jar" build --repo "$work/repo-$side" --out "$work/site-$side" --as-of 2026-11-24 \
      >/dev/null 2>"$work/build-$side.err" || { cat "$work/build-$side.err" >&2; exit 1; }
  fi
done
size() { [[ -f $1 ]] && stat -c %s "$1" | awk '{printf "%.2f MB", $1 / 1000000}' || echo "-"; }
printf '%-26s %12s %12s\n' "page ($n products)" old new
for page in index.html security.html readiness.html teams.html matrix-data.js api/products.json matrix/1.html; do
  printf '%-26s %12s %12s\n' "$page" "$(size "$work/site-old/$page")" "$(size "$work/site-new/$page")"
done
printf '%-26s %12s %12s\n' "whole site" "$(du -smL "$work/site-old" | cut -f1) MB" "$(du -smL "$work/site-new" | cut -f1) MB"
(cd "$here" && mvn -o -q -B surefire:test -Dtest=BrowserBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.sites="old=$work/site-old,new=$work/site-new" -Dbench.runs="$runs" -Dbench.out="$work/browser.txt" >/dev/null)
cat "$work/browser.txt"
