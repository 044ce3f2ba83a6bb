#!/usr/bin/env bash
# Runs a command in its own session and prints the peak of the summed proportional set size
# (PSS) of every process of that session, sampled every 50 ms: the physical memory of a run that
# forks workers (which share the parent's pages copy-on-write), where GNU time reports only the
# largest single process. Output (stderr, last line): "peak-pss KB WALL_SECONDS".
#
#   tests/bench/peak-memory.sh COMMAND [ARGS…]
set -uo pipefail
(($#)) || { echo "usage: peak-memory.sh COMMAND [ARGS…]" >&2; exit 2; }
start=$(date +%s.%N)
setsid "$@" &
leader=$!
peak=0
# One ps and one awk per sample, every 50 ms: the sampler itself takes a few percent of a core.
while kill -0 "$leader" 2>/dev/null; do
  files=()
  for pid in $(ps -o pid= -s "$leader" 2>/dev/null); do files+=("/proc/$pid/smaps_rollup"); done
  ((${#files[@]})) || continue
  total=$(awk '/^Pss:/ { t += $2 } END { print t + 0 }' "${files[@]}" 2>/dev/null </dev/null)
  ((total > peak)) && peak=$total
  sleep 0.05
done
wait "$leader"
rc=$?
end=$(date +%s.%N)
printf 'peak-pss %d KB %.2f s\n' "$peak" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" >&2
exit "$rc"
