#!/usr/bin/env bash
# Whole-process timing of `icsrisk analyze` on a synthetic plant (issue 14 item 5): the default
# formats (every format but png), then each table format alone and json alone, so the cost of
# each writer shows. Prints wall time, CPU time (user + sys) and peak RSS per run, then the best
# of the runs per label. Targets for the default formats on 100,000 assets: peak RSS < 1 GB,
# wall < 15 s on the 2-core development machine (CPU time shows the work on a loaded machine).
#
#   tests/bench/run-analyze.sh [BUILD_DIR] [ASSETS] [RUNS] [LABELS…]
#     (defaults: build 100000 1; labels: default json csv md xlsx html. A label is `default`, the
#     default formats, or a --format list such as json,csv,md,xlsx)
set -euo pipefail

build=${1:-build}
assets=${2:-100000}
runs=${3:-1}
shift $(($# < 3 ? $# : 3))
labels=("$@")
((${#labels[@]})) || labels=(default json csv md xlsx html)
icsrisk=$build/icsrisk
gen=$build/tests/bench/icsrisk_genmodel
here=$(dirname "$0")
for exe in "$icsrisk" "$gen"; do
  [[ -x $exe ]] || { echo "run-analyze: $exe not built (cmake --build $build)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "run-analyze: needs GNU time (Debian package time)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
model=$tmp/synthetic-$assets.xml
"$gen" --assets "$assets" --flows-per-asset 3 --scenarios 10 --seed 1 -o "$model"
echo "model: $assets assets ($(du -h "$model" | cut -f1))"

# measure LABEL FORMAT-OPTION…: one `icsrisk analyze` run into a fresh folder.
measure() {
  local label=$1
  shift
  rm -rf "$tmp/out"
  # GNU time gives the times of the process and its children; peak-memory.sh the peak of the
  # summed PSS of all of them (the workbook is written by a forked child, sharing the parent's
  # pages: GNU time's maximum RSS is that of the largest single process).
  "$here/peak-memory.sh" /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$icsrisk" analyze \
    "$model" -o "$tmp/out" "$@" >/dev/null 2>"$tmp/err" || {
    cat "$tmp/err" >&2
    echo "run-analyze: analyze $* failed" >&2
    exit 1
  }
  local wall user sys rss cpu pss
  read -r wall user sys rss <"$tmp/time"
  pss=$(awk '/^peak-pss/ { print $2 }' "$tmp/err")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '%-8s wall %6.2f s   cpu %6.2f s   peak RSS %7.1f MB   peak PSS (all processes) %7.1f MB   output %s\n' \
    "$label" "$wall" "$cpu" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" \
    "$(awk -v k="$pss" 'BEGIN { print k / 1024 }')" "$(du -sh "$tmp/out" | cut -f1)"
  echo "$label $wall $cpu $pss" >>"$tmp/results"
}

for ((i = 1; i <= runs; ++i)); do
  for label in "${labels[@]}"; do
    if [[ $label == default ]]; then measure default; else measure "$label" --format "$label"; fi
  done
done

awk '
  { if (!($1 in wall) || $2 < wall[$1]) wall[$1] = $2
    if (!($1 in cpu) || $3 < cpu[$1]) cpu[$1] = $3
    if ($4 > rss[$1]) rss[$1] = $4
    if (!($1 in seen)) { order[++n] = $1; seen[$1] = 1 } }
  END {
    print "best of runs (peak PSS of all processes: the largest):"
    for (i = 1; i <= n; ++i)
      printf "  %-8s wall %6.2f s   cpu %6.2f s   peak PSS %7.1f MB\n", order[i], wall[order[i]],
             cpu[order[i]], rss[order[i]] / 1024
  }' "$tmp/results"
