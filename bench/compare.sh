#!/usr/bin/env bash
# Benchmark: two servicedocs jars side by side in one run (these machines are noisy: runs of the
# two alternate, so both see the same load). `validate` and `build` on the example and on a
# generated repository of N products; median wall time (JVM start included) and peak memory.
# Usage: bench/compare.sh OLD.jar NEW.jar [N]     (default N: 1000); RUNS=5 by default.
# e.g. git worktree add /tmp/old <commit> && (cd /tmp/old && mvn -q -DskipTests package)
#      bench/compare.sh /tmp/old/target/servicedocs.jar target/servicedocs.jar
# Each jar builds with the templates of its own checkout (the folder above its target/, or
# OLD_TREE / NEW_TREE), since the page model and the templates change together.
set -euo pipefail
[[ $# -ge 2 ]] || { sed -n 2,9p "$0"; exit 2; }
old=$1 new=$2 n=${3:-1000} runs="${RUNS:-5}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() { # jar command repo -> "wall_ms rss_kib"; repo ends in -old or -new, the jar's own copy
  local jar=$1 command=$2 repo=$3 start end extra=()
  [[ $jar == "$old" ]] && repo="$repo-old" || repo="$repo-new"
  # one output folder per jar: an older jar writes no marker, which a newer one would refuse
  [[ $command == build ]] && extra=(--out "$work/site-$(printf %s "$jar" | md5sum | cut -c1-8)")
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/rss" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" "$command" \
    --repo "$repo" --as-of 2026-11-24 "${extra[@]}" >"$work/out" 2>"$work/err" \
    || [[ $command == validate ]] || { cat "$work/err" >&2; exit 1; }
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(tail -n1 "$work/rss")"
}
compare() { # label command repo
  local label=$1 command=$2 repo=$3 o=() nw=() orss=0 nrss=0 w r
  for ((i = 0; i < runs; i++)); do
    read -r w r < <(run "$old" "$command" "$repo"); o+=("$w"); (( r > orss )) && orss=$r
    read -r w r < <(run "$new" "$command" "$repo"); nw+=("$w"); (( r > nrss )) && nrss=$r
  done
  printf '%-16s %-9s %10s %10s %10s %10s\n' "$label" "$command" "$(median "${o[@]}") ms" "$(median "${nw[@]}") ms" \
    "$((orss / 1024)) MiB" "$((nrss / 1024)) MiB"
}
printf '%-16s %-9s %10s %10s %10s %10s\n' repository command "old wall" "new wall" "old RSS" "new RSS"
old_tree="${OLD_TREE:-$(cd "$(dirname "$old")/.." && pwd)}" new_tree="${NEW_TREE:-$(cd "$(dirname "$new")/.." && pwd)}"
[[ -d $old_tree/templates ]] || old_tree=$here
[[ -d $new_tree/templates ]] || new_tree=$here
example="$work/example"
for side in old new; do
  tree=$old_tree; [[ $side == new ]] && tree=$new_tree
  mkdir -p "$example-$side"
  cp -r "$here/standards" "$here/products" "$here/schemas" "$here/cost-data" "$tree/templates" "$here/content" \
    "$here/assets" "$here/site.yaml" "$example-$side/"
done
compare example validate "$example"
compare example build "$example"
# one generated repository (the new jar's generator) for both, each with its own templates
java -jar "$new" generate --repo "$example-new" --products "$n" --out "$work/repo-$n-new" --as-of 2026-11-24 >/dev/null
cp -r "$work/repo-$n-new" "$work/repo-$n-old"
rm -rf "$work/repo-$n-old/templates" && cp -r "$old_tree/templates" "$work/repo-$n-old/templates"
compare "$n products" validate "$work/repo-$n"
compare "$n products" build "$work/repo-$n"
