#pragma once
// Aggregated system and data-flow views (issue 14 item 4): for a plant above the drawing limit
// (assessment::kRenderAssetLimit), one node per group of assets instead of one per asset, so every
// plant gets a rendered picture. DOT text only; rendering is report/render.h.
//
// Groups: up to kAggregateNodeLimit networks, one cluster per zone and in it one node per
// network (the assets whose first network it is) and one for the zone's assets on no network;
// else, up to kZoneNodeLimit zones (report/zones_diagram.h), one cluster per Purdue level and in
// it one node per zone; else one node per Purdue level (the nodes of a level stand in one row, so
// more of them make a drawing too wide to read). A node shows its name, the counts by asset type
// (the most frequent first) and is filled by the highest importance among its assets.

#include <string>

#include "model/model.h"
#include "model/profile.h"
#include "quant/quant.h"
#include "report/diagram.h"

namespace icsrisk::report {

/// Network nodes an aggregated view draws at most; see above.
inline constexpr std::size_t kAggregateNodeLimit = 120;

/// Asset types listed in a group's label at most; the others are counted together.
inline constexpr std::size_t kAggregateTypeLines = 4;

/// A complete DOT document of the aggregated `view`:
/// - kSystem: per group node as above; an edge between two groups per asset type that joins them
///   (an asset on networks of both), labelled "type ×count" (through a label node "e:N");
/// - kDataflow: the same nodes, a line "N flows inside" on a node, and one edge per ordered pair
///   of groups that flows join, labelled with the flow count and the most frequent protocols.
/// Every model text is escaped. Deterministic; O(A + C + F log F) for A assets, C connections
/// and F flows.
std::string aggregate_dot(View view, const model::Model& m, const model::Profile& p,
                          model::Lang lang);

/// The heat map of scenario `sc` (report/heat_map.h) over the groups of the aggregated system
/// view, for a plant too large for one node per asset: each group filled by heat_colour() of its
/// highest visit (over the scenario's highest), a line with that visit, the target's group
/// outlined in red; titled with the scenario's name, p_goal and the highest visit. Laid out as
/// the aggregated system view is, so a plant's heat maps share one layout.
std::string aggregate_heat_dot(const model::Model& m, const model::Profile& p,
                               const model::Scenario& sc, const quant::ScenarioQuant& q,
                               model::Lang lang);

}  // namespace icsrisk::report
