#pragma once
// Floors (issue 11, issue 10 item 5): the best risk each scenario and asset-based row can reach
// with every catalogue measure in place everywhere, and why. A planning target below a floor
// cannot be met by any plan; a scenario at its floor cannot be lowered by planned measures.

#include <optional>
#include <vector>

#include "risk/analysis.h"
#include "risk/results.h"

namespace icsrisk::plan {

/// Per scenario of the context's model, in model order: its floor, or empty when no entry
/// reaches the target. Every measure of the catalogue placed system-wide protects every step and
/// every target as much as any set of placements can (method.md §4: the system scope covers
/// every asset and network; a step counts the measures protecting its destination), so the
/// scenario risk of that model is the floor; the floor's entry is the first entry (model order)
/// attaining it. O(S · (A + C + F)) on the context's topology.
std::vector<std::optional<risk::ScenarioFloor>> scenario_floors(const risk::Context& context);

/// Per asset-based row of analyze_assets (same order): the lowest risk the row can reach.
std::vector<model::Risk> row_floors(const risk::Context& context);

/// Fills ScenarioRisk::floor of every scenario row of `results` (analysed from `context`).
void attach_floors(const risk::Context& context, risk::Results& results);

}  // namespace icsrisk::plan
