#!/usr/bin/env bash
# Every model in models/ validates against models/schema/model.xsd, every profile against
# profile.xsd, every attack tree under attack-trees/ (generated and hand-written) against
# attack-tree.xsd (xmllint from Debian's libxml2-utils).
set -eu
root="$1"
status=0
for f in "$root"/models/*.xml; do
  xmllint --noout --nonet --schema "$root/models/schema/model.xsd" "$f" || status=1
done
for f in "$root"/models/profiles/*.xml; do
  xmllint --noout --nonet --schema "$root/models/schema/profile.xsd" "$f" || status=1
done
trees=0
while IFS= read -r -d '' f; do
  xmllint --noout --nonet --schema "$root/models/schema/attack-tree.xsd" "$f" || status=1
  trees=$((trees + 1))
done < <(find "$root/attack-trees" -name '*.xml' -print0 | sort -z)
# A schema that validated nothing would pass vacuously.
if [ "$trees" -lt 2 ]; then
  echo "check-schemas: expected attack trees under $root/attack-trees, found $trees" >&2
  status=1
fi
# And it rejects what the loader rejects: a probability above 1, a duplicate id, a dangling ref.
bad='<attack-tree id="t" xmlns="urn:icsrisk:attack-tree:1"><or id="g"><leaf id="a" probability="1.5"/><leaf id="a"/><ref node="zz"/></or></attack-tree>'
if echo "$bad" | xmllint --noout --nonet --schema "$root/models/schema/attack-tree.xsd" - 2>/dev/null; then
  echo "check-schemas: attack-tree.xsd accepted an invalid tree" >&2
  status=1
fi
exit $status
