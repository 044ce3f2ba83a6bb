#!/usr/bin/env bash
# Every model in models/ validates against models/schema/model.xsd, every profile against
# profile.xsd (xmllint from Debian's libxml2-utils).
set -eu
root="$1"
status=0
for f in "$root"/models/*.xml; do
  xmllint --noout --nonet --schema "$root/models/schema/model.xsd" "$f" || status=1
done
for f in "$root"/models/profiles/*.xml; do
  xmllint --noout --nonet --schema "$root/models/schema/profile.xsd" "$f" || status=1
done
exit $status
