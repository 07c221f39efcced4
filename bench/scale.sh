#!/usr/bin/env bash
# Benchmark at company scale: two servicedocs jars side by side in one run, on N generated products
# for each N given (default 100 1000 5000). For each jar and N: validate (no target/), validate
# again (with the cache the first one left), a cold build (no
# target/: no cache, no previous site), a warm build (the same again: nothing changed) and a build
# after one change (a line appended to one product's service-doc.yaml); median wall time (JVM start
# included) and peak RSS (/usr/bin/time); then the sizes of the biggest pages of both sites.
# These machines are shared and noisy: the runs of the two jars alternate (old, new, old, new...)
# so that both see the same load, and the load average is printed before and after.
# Usage: bench/scale.sh OLD.jar NEW.jar [N...]      RUNS=3 by default (RUNS_LARGE=1 for N >= 5000)
# e.g. git worktree add /tmp/old 8803d21 && (cd /tmp/old && mvn -o -q -DskipTests package)
#      bench/scale.sh /tmp/old/target/servicedocs.jar target/servicedocs.jar 1000 5000
# Each jar generates its products from the example of its own checkout (the folder above its
# target/, or OLD_TREE / NEW_TREE; else this checkout's), since formats change with the tool.
# JAVA_OPTS: the JVM options of both (default: those of ./servicedocs). STEPS: some of the steps
# (e.g. STEPS="cold warm"). WORK=DIR KEEP=1 keeps the repositories, REUSE=1 uses them again.
# CDS=1: each jar runs with its own class-data archive, as ./servicedocs does (recorded by one build
# of its repository of the first size, not measured). CDS=new: only the new jar does, which is how
# each side's launcher runs it when the old release's launcher had no archive (before e026a1b).
# LAUNCHER=1: each jar runs through its own checkout's ./servicedocs, with the options (and the
# class-data archives) that launcher gives it, as a user runs it; one cold build and one validate
# per side of the first size, not measured, go first (the new launcher records its archives there,
# replacing the checkout's target/servicedocs*.jsa). Not with JAVA_OPTS or CDS.
set -euo pipefail
[[ $# -ge 2 ]] || { sed -n 2,23p "$0"; exit 2; }
old=$(realpath "$1") new=$(realpath "$2"); shift 2
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(100 1000 5000)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${WORK:-$(mktemp -d)}"; [[ -n ${KEEP:-} ]] || trap 'rm -rf "$work"' EXIT
java_opts=(${JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MetaspaceSize=128m})
steps=${STEPS:-validate revalidate cold warm change}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
side_of() { [[ $1 == "$old" ]] && echo old || echo new; }

run() { # jar command repo -> "wall_ms rss_kib"
  local jar=$1 command=$2 repo=$3 start end
  start=$(date +%s%N)
  local -a launch=(java "${java_opts[@]}" ${cds_opts[$(side_of "$jar")]:-} -jar "$jar")
  [[ -n ${LAUNCHER:-} ]] && launch=(env -u SERVICEDOCS_JAVA_OPTS -u SERVICEDOCS_CDS "${tree_of[$(side_of "$jar")]}/servicedocs")
  /usr/bin/time -f '%M' -o "$work/rss" "${launch[@]}" "$command" --repo "$repo" \
    --as-of 2026-11-24 >"$work/out" 2>"$work/err" || [[ $command == validate ]] || { cat "$work/err" >&2; exit 1; }
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(tail -n1 "$work/rss")"
}

declare -A walls rss cds_opts
step() { # jar step n: one measured step on the jar's own repository of n products
  local jar=$1 what=$2 n=$3 side repo w r
  side=$(side_of "$jar"); repo="$work/repo-$n-$side"
  case $what in
    validate) rm -rf "$repo/target"; read -r w r < <(run "$jar" validate "$repo") ;;
    revalidate) read -r w r < <(run "$jar" validate "$repo") ;; # the cache of the validate before
    cold) rm -rf "$repo/target"; read -r w r < <(run "$jar" build "$repo") ;;
    warm) read -r w r < <(run "$jar" build "$repo") ;;
    change) # one product file changes (its bytes: the cache must see it), then the build
      echo "# bench change $RANDOM$RANDOM" >>"$repo/products/$(ls "$repo/products" | head -n1)/service-doc.yaml"
      read -r w r < <(run "$jar" build "$repo") ;;
  esac
  walls[$side-$what]+="$w "; (( r > ${rss[$side-$what]:-0} )) && rss[$side-$what]=$r
  return 0
}

printf 'machine: %s cores; load average at start: %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
old_tree="${OLD_TREE:-$(cd "$(dirname "$old")/.." && pwd)}" new_tree="${NEW_TREE:-$(cd "$(dirname "$new")/.." && pwd)}"
[[ -d $old_tree/templates ]] || old_tree=$here
[[ -d $new_tree/templates ]] || new_tree=$here
declare -A tree_of=([old]=$old_tree [new]=$new_tree)
if [[ -n ${LAUNCHER:-} ]]; then
  [[ -z ${CDS:-} && -z ${JAVA_OPTS:-} ]] || { echo "LAUNCHER=1 runs each side's own launcher: not with CDS or JAVA_OPTS" >&2; exit 2; }
  for side in old new; do
    jar=$old; [[ $side == new ]] && jar=$new
    [[ -x ${tree_of[$side]}/servicedocs && $(realpath "${tree_of[$side]}/target/servicedocs.jar") == "$jar" ]] || {
      echo "LAUNCHER=1: $jar is not the target/servicedocs.jar of a checkout with its launcher" >&2; exit 2; }
  done
fi
printf '%-7s %-9s %10s %10s %7s %9s %9s\n' products step "old wall" "new wall" "new/old" "old RSS" "new RSS"
for n in "${sizes[@]}"; do
  runs=${RUNS:-3}; (( n >= 5000 )) && runs=${RUNS_LARGE:-1}
  for side in old new; do
    jar=$old tree=$old_tree; [[ $side == new ]] && jar=$new tree=$new_tree
    [[ -n ${REUSE:-} && -d $work/repo-$n-$side/products ]] && continue # a repository kept (KEEP=1) by a run before
    rm -rf "$work/repo-$n-$side"
    java -jar "$jar" generate --repo "$tree" --products "$n" --out "$work/repo-$n-$side" --as-of 2026-11-24 >/dev/null
  done
  # --- class data sharing (CDS=1, issue 15 u15rules): one archive per jar, as ./servicedocs records it
  if [[ -n ${CDS:-} && -z ${cds_opts[old]:-} ]]; then
    for side in old new; do
      jar=$old; [[ $side == new ]] && jar=$new
      [[ $CDS == new && $side == old ]] && { cds_opts[old]=" "; continue; }
      rm -rf "$work/repo-$n-$side/target" "$work/$side.jsa"
      java "${java_opts[@]}" -Xlog:cds*=off -XX:ArchiveClassesAtExit="$work/$side.jsa" -jar "$jar" build \
        --repo "$work/repo-$n-$side" --as-of 2026-11-24 >/dev/null 2>&1 || true
      rm -rf "$work/repo-$n-$side/target"
      cds_opts[$side]="-Xlog:cds*=off -XX:SharedArchiveFile=$work/$side.jsa"
    done
  fi
  if [[ -n ${LAUNCHER:-} && -z ${launched:-} ]]; then # the unmeasured first build of each side
    for side in old new; do
      jar=$old; [[ $side == new ]] && jar=$new
      # cold, as the first build after a new jar is (its cache is not trusted across versions), so
      # that the archive holds the classes of parsing and validation too; recorded afresh each run
      rm -rf "$work/repo-$n-$side/target" "${tree_of[$side]}"/target/servicedocs{,-validate}.jsa
      run "$jar" build "$work/repo-$n-$side" >/dev/null; rm -rf "$work/repo-$n-$side/target"
      run "$jar" validate "$work/repo-$n-$side" >/dev/null; rm -rf "$work/repo-$n-$side/target"
    done
    launched=1
  fi
  walls=() rss=()
  for ((i = 0; i < runs; i++)); do
    for what in $steps; do
      step "$old" "$what" "$n"; step "$new" "$what" "$n"
    done
  done
  for what in $steps; do
    o=$(median ${walls[old-$what]}) nw=$(median ${walls[new-$what]})
    printf '%-7s %-9s %8s ms %8s ms %7s %5s MiB %5s MiB\n' "$n" "$what" "$o" "$nw" \
      "$(awk -v a="$nw" -v b="$o" 'BEGIN {printf "%.2f", a / b}')" "$(( rss[old-$what] / 1024 ))" "$(( rss[new-$what] / 1024 ))"
  done
  # the biggest pages of the last sites built, side by side (none when the steps built no site)
  [[ -d $work/repo-$n-old/target/site && -d $work/repo-$n-new/target/site ]] || continue
  for side in old new; do
    (cd "$work/repo-$n-$side/target/site" && find . -type f -printf '%s %P\n' | sort -rn | awk 'NR <= 6' \
      | awk -v s="$side" '{printf "%s %s %d\n", s, $2, $1 / 1024}'; \
      echo "$side (whole-site) $(du -sk . | cut -f1)") >"$work/pages-$side"
  done
  printf '%-7s %-28s %10s %10s\n' "$n" "page (biggest)" "old KiB" "new KiB"
  cut -d' ' -f2 "$work/pages-old" "$work/pages-new" | awk '!seen[$0]++' | while read -r page; do
    o=$(awk -v p="$page" '$2 == p {print $NF}' "$work/pages-old"); nw=$(awk -v p="$page" '$2 == p {print $NF}' "$work/pages-new")
    [[ -n $o ]] || o=$(f="$work/repo-$n-old/target/site/$page"; [[ -f $f ]] && echo $(( $(stat -c %s "$f") / 1024 )) || echo -)
    [[ -n $nw ]] || nw=$(f="$work/repo-$n-new/target/site/$page"; [[ -f $f ]] && echo $(( $(stat -c %s "$f") / 1024 )) || echo -)
    printf '%-7s %-28s %10s %10s\n' "$n" "$page" "$o" "$nw"
  done
done
printf 'load average at end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
