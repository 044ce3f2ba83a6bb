#!/usr/bin/env bash
# Loads report.html in headless Chromium (Debian's chromium package), fails on any console
# message (errors from the inline script, blocked resources), and saves a screenshot.
# Exit 77 (ctest: skipped) where Chromium is not installed.
set -eu
icsrisk="$1"; root="$2"; shot="$3"
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "SKIPPED: chromium is not installed (apt-get install chromium)"; exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$icsrisk" analyze "$root/models/model-plant.xml" -o "$tmp/out" --format html > /dev/null
# The network flags keep Chromium from reaching out (the machine has no network anyway).
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 --hide-scrollbars \
  --window-size=1400,2400 --screenshot="$shot" "file://$tmp/out/report.html" \
  > "$tmp/log" 2>&1 || { cat "$tmp/log"; echo "chromium failed"; exit 1; }
if grep -E ':CONSOLE[:(]' "$tmp/log"; then
  echo "report.html logged to the console (above)"; exit 1
fi
[ -s "$shot" ] || { echo "no screenshot written"; exit 1; }
echo "report.html loaded without console messages; screenshot: $shot"
