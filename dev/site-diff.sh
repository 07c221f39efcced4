#!/usr/bin/env bash
# Proves a refactoring kept the site the same: builds the example site as BASE_REF builds it and
# as HEAD_REF (default: the working tree) builds it, each with its own jar, templates and data,
# and compares the two folders byte for byte; then the same for a repository of GENERATED synthetic
# products (default 40; each side generates it with its own jar and templates, same seed). The build
# day (--as-of, which is also the footer's generation date) is fixed, and on the line of the history
# pages that names the commit read (and counts the commits before it) the commit shows as COMMIT and
# numbers as N: two refs are two commits. Anything else that differs is printed and fails the run.
# Usage: dev/site-diff.sh BASE_REF [HEAD_REF]      e.g. dev/site-diff.sh main~5
#        AS_OF=2026-11-24 by default; KEEP=1 keeps the sites (their folder is printed).
set -euo pipefail
[[ $# -ge 1 ]] || { sed -n 2,11p "$0"; exit 2; }
base=$1 head=${2:-}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
as_of="${AS_OF:-2026-11-24}"
work="$(mktemp -d)"
cleanup() {
  for tree in "$work"/tree-*; do [[ -d $tree ]] && git -C "$here" worktree remove --force "$tree"; done
  if [[ -n ${KEEP:-} ]]; then echo "the sites are kept in $work (site-*, generated-site-*)" >&2
  else rm -rf "$work"; fi
}
trap cleanup EXIT

build() { # ref (empty: the working tree) -> site folder
  local ref=$1 name=$2 tree
  if [[ -z $ref ]]; then
    tree=$here
  else
    tree="$work/tree-$name"
    git -C "$here" worktree add --quiet --detach "$tree" "$ref"
  fi
  # The jar of the working tree is rebuilt only when its sources changed (as ./servicedocs does).
  if [[ -z $ref ]]; then
    "$tree/servicedocs" --version >/dev/null
  else
    (cd "$tree" && mvn -B -q -ntp -DskipTests package >"$work/mvn-$name.log" 2>&1) \
      || { cat "$work/mvn-$name.log" >&2; exit 2; }
  fi
  local jar="$tree/target/servicedocs.jar"
  java -jar "$jar" build --repo "$tree" --out "$work/site-$name" --as-of "$as_of" \
    >"$work/build-$name.log" 2>&1 || { cat "$work/build-$name.log" >&2; exit 2; }
  local commit
  commit=$(git -C "$tree" rev-parse HEAD)
  grep -rlF "$commit" "$work/site-$name" | while read -r page; do
    sed -i -E "/$commit/{s/$commit/COMMIT/g; s/[0-9]+/N/g}" "$page"
  done
  java -jar "$jar" generate --repo "$tree" --products "${GENERATED:-40}" --out "$work/generated-$name" \
    --as-of "$as_of" >/dev/null
  java -jar "$jar" build --repo "$work/generated-$name" --out "$work/generated-site-$name" --as-of "$as_of" \
    >"$work/build-generated-$name.log" 2>&1 || { cat "$work/build-generated-$name.log" >&2; exit 2; }
}

build "$base" base
build "$head" head
status=0
for site in site generated-site; do
  if diff -r "$work/$site-base" "$work/$site-head" >"$work/diff" 2>&1; then
    echo "$site: $(find "$work/$site-head" -type f | wc -l) files identical ($base vs ${head:-the working tree}, as of $as_of)"
  else
    cat "$work/diff"
    echo "$site: the sites differ ($base vs ${head:-the working tree})" >&2
    status=1
  fi
done
exit $status
