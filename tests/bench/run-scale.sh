#!/usr/bin/env bash
# Whole-process scale check: `icsrisk validate` on a synthetic plant of 100,000 assets and
# 300,000 flows, against parsing the same file with pugixml alone (icsrisk_xmlparse) and with
# libxml2 (xmllint --noout). Prints wall time, CPU time (user + sys) and peak RSS per run, then
# the best-of-N ratio validate / pugixml. Targets: ratio < 3, peak RSS < 1 GB.
#
#   tests/bench/run-scale.sh [BUILD_DIR] [ASSETS] [RUNS] [GENERATOR OPTIONS...]
#                                                  (defaults: build 100000 3 --flows-per-asset 3)
# Generator options after RUNS choose the shape (see icsrisk_genmodel --help), e.g. few flows
# and many networks: `run-scale.sh build 100000 5 --flows-per-asset 1 --area-size 30`. The
# ratio is also given as the median over the runs of validate / pugixml of the same round
# (paired runs: both see the same load of the shared machine).
set -euo pipefail

build=${1:-build}
assets=${2:-100000}
runs=${3:-3}
shift $(($# < 3 ? $# : 3))
shape=("$@")
((${#shape[@]})) || shape=(--flows-per-asset 3)
icsrisk=$build/icsrisk
gen=$build/tests/bench/icsrisk_genmodel
parse=$build/tests/bench/icsrisk_xmlparse
for exe in "$icsrisk" "$gen" "$parse"; do
  [[ -x $exe ]] || { echo "run-scale: $exe not built (cmake --build $build)" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
model=$tmp/synthetic-$assets.xml
"$gen" --assets "$assets" --scenarios 10 --seed 1 "${shape[@]}" -o "$model"
echo "model: $model ($(du -h "$model" | cut -f1))"

# measure LABEL CMD...: runs CMD (stdout discarded, stderr to $tmp/err) and appends
# "LABEL wall cpu rss_kb" to $tmp/results. GNU time when installed (Debian package `time`),
# else bash's `time` and the child's VmHWM polled from /proc (a lower bound).
measure() {
  local label=$1
  shift
  local wall cpu rss
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || {
      cat "$tmp/err" >&2
      echo "run-scale: '$*' failed" >&2
      exit 1
    }
    read -r wall user sys rss <"$tmp/time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  else
    local TIMEFORMAT='%R %U %S' pid status=0
    { time { "$@" >/dev/null 2>"$tmp/err" & pid=$!
             rss=0
             while kill -0 "$pid" 2>/dev/null; do
               v=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
               [[ -n $v ]] && rss=$v
               sleep 0.02
             done
             wait "$pid" || status=$?
             echo "$rss" >"$tmp/rss"; } ; } 2>"$tmp/time"
    ((status == 0)) || { cat "$tmp/err" >&2; exit 1; }
    read -r wall user sys <"$tmp/time"
    rss=$(cat "$tmp/rss")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  fi
  printf '%-22s wall %6.2f s   cpu %6.2f s   peak RSS %7.1f MB\n' "$label" "$wall" "$cpu" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
  echo "$label $wall $cpu $rss" >>"$tmp/results"
}

for ((i = 1; i <= runs; ++i)); do
  measure "pugixml parse" "$parse" "$model"
  measure "icsrisk validate" "$icsrisk" validate "$model"
  if command -v xmllint >/dev/null; then measure "xmllint --noout" xmllint --noout "$model"; fi
done
"$icsrisk" validate "$model" 2>&1 | tail -n 1 | sed 's/^/validate diagnostics: /' || true

awk '
  { if (!($1" "$2 in wall) || $3 < wall[$1" "$2]) wall[$1" "$2] = $3
    if (!($1" "$2 in cpu) || $4 < cpu[$1" "$2]) cpu[$1" "$2] = $4
    if ($5 > rss[$1" "$2]) rss[$1" "$2] = $5 }
  END {
    p = "pugixml parse"; v = "icsrisk validate"
    printf "best of runs: validate %.2f s wall / %.2f s cpu, pugixml %.2f s wall / %.2f s cpu\n",
           wall[v], cpu[v], wall[p], cpu[p]
    printf "ratio validate/pugixml: %.2fx wall, %.2fx cpu (target < 3x)\n",
           wall[v] / wall[p], cpu[v] / cpu[p]
    printf "peak RSS of validate: %.0f MB (target < 1024 MB)\n", rss[v] / 1024
  }' "$tmp/results"
awk '
  $1" "$2 == "pugixml parse" { pw = $3; pc = $4 }
  $1" "$2 == "icsrisk validate" { rw[n] = $3 / pw; rc[n] = $4 / (pc > 0 ? pc : 0.01); ++n }
  function median(a, n,   i, j, t) {
    for (i = 0; i < n; ++i) for (j = i + 1; j < n; ++j) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2
  }
  END { printf "median of %d paired runs validate/pugixml: %.2fx wall, %.2fx cpu (target < 3x)\n",
               n, median(rw, n), median(rc, n) }' "$tmp/results"
