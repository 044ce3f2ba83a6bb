#pragma once
// The zones-and-conduits diagram (issue 14 item 3): one node per zone group, one node per
// conduit listing its devices and channels compactly, an edge from each of its two zones to it.
// No individual asset is drawn except as a name in a conduit's label. DOT text only; rendering is
// report/render.h.

#include <cstddef>
#include <string>

#include "model/model.h"
#include "report/zones_conduits.h"

namespace icsrisk::report {

/// Above this many zones the diagram groups zones by Purdue level (ZoneGrouping::kPurdue): the
/// drawing stays readable and its layout bounded (the table and results.json keep every zone).
inline constexpr std::size_t kZoneNodeLimit = 60;

/// The grouping the diagram of `m` uses: per zone up to kZoneNodeLimit zones, else per level.
ZoneGrouping diagram_grouping(const model::Model& m);

/// Lines of a conduit's label at most, per part (devices, channels); the rest are counted.
inline constexpr std::size_t kConduitLabelLines = 5;

/// A complete DOT document of `z` (titled with the model's name): zone groups as rounded boxes
/// labelled with name, "Purdue level N" and their asset and network counts, top to bottom by
/// Purdue level; per conduit a node listing its devices (or their counts by kind) and its
/// channels ("↓ protocol port ×flows"; ↓ from the upper zone to the lower), joined to both
/// zones. A conduit of one-way gateways only is drawn blue with arrows, one with no device red
/// and dashed. Every model text is escaped. Deterministic; linear in the size of `z`.
std::string zones_dot(const model::Model& m, const ZonesConduits& z, model::Lang lang);

}  // namespace icsrisk::report
