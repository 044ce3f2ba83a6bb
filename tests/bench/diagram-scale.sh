#!/usr/bin/env bash
# Whole-process timings of the drawings (issue 17): `icsrisk diagram` of the system, data-flow
# and routes views to SVG, and a default `icsrisk analyze`, on generated plants with zones
# (icsrisk_genmodel: sites, areas of ~100 assets behind firewalls, 3 flows per asset). Prints
# the median wall and CPU (user + sys) seconds of RUNS runs per case, with GNU time.
#
#   tests/bench/diagram-scale.sh [BUILD_DIR] [RUNS] [SIZES...]   (defaults: build 3 300 1000 1500 2000)
set -euo pipefail

build=${1:-build}
runs=${2:-3}
shift $(($# < 2 ? $# : 2))
sizes=("$@")
((${#sizes[@]})) || sizes=(300 1000 1500 2000)
icsrisk=$build/icsrisk
gen=$build/tests/bench/icsrisk_genmodel
for exe in "$icsrisk" "$gen"; do
  [[ -x $exe ]] || { echo "diagram-scale: $exe not built" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "diagram-scale: needs GNU time (package time)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# median LABEL CMD...: runs CMD $runs times and prints LABEL, the median wall and CPU seconds.
median() {
  local label=$1
  shift
  : >"$tmp/times"
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%e %U %S' -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" || {
      cat "$tmp/err" >&2
      echo "diagram-scale: '$*' failed" >&2
      exit 1
    }
    awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$tmp/t" >>"$tmp/times"
  done
  local wall cpu
  wall=$(cut -d' ' -f1 "$tmp/times" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  cpu=$(cut -d' ' -f2 "$tmp/times" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  printf '%-28s wall %6.2f s  cpu %6.2f s\n' "$label" "$wall" "$cpu"
}

for n in "${sizes[@]}"; do
  model=$tmp/plant-$n.xml
  "$gen" --assets "$n" --flows-per-asset 3 --scenarios 10 --seed 1 -o "$model" 2>/dev/null
  for view in system dataflow; do
    median "$n $view" "$icsrisk" diagram --view "$view" "$model" -o "$tmp/$view.svg"
  done
  median "$n routes sc-1" "$icsrisk" diagram --view routes --scenario sc-1 "$model" -o "$tmp/r.svg"
  rm -rf "$tmp/out"
  median "$n analyze (defaults)" "$icsrisk" analyze "$model" -o "$tmp/out"
done
