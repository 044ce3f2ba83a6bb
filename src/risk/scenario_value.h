#pragma once
// The scenario risk alone (method.md §7), without listing routes: what a what-if evaluation of
// a countermeasure placement needs, many times over one topology.

#include <cstddef>
#include <optional>
#include <vector>

#include "graph/topology.h"
#include "model/model.h"
#include "model/profile.h"
#include "risk/coverage.h"

namespace icsrisk::risk {

/// A scenario of the model: impact index and the scenario's index in that impact.
struct ScenarioRef {
  std::size_t impact = model::kNone;
  std::size_t scenario = model::kNone;
};

/// Every scenario of a model, in model order (impacts, then their scenarios).
std::vector<ScenarioRef> scenario_refs(const model::Model& model);

/// A scenario's exact risk and the entry point that attains it.
struct ScenarioValue {
  std::optional<model::Risk> risk;   ///< empty when no entry reaches the target
  std::size_t entry = model::kNone;  ///< the first entry (model order) attaining `risk`
  int level = 0;                     ///< that entry's least route level L*(e) (1..3)
};

/// The exact scenario risk of each of `which` (the same value as analyze_scenarios' `risk`, or
/// `risk_planned` when `planned`). `topology` may have
/// been built for another model with the same zones, networks, assets and flows (only the
/// countermeasures may differ): that is how a what-if reuses it. O(|which| · (A + C + F)).
std::vector<ScenarioValue> scenario_values(const model::Model& model, const model::Profile& profile,
                                           const Coverage& coverage,
                                           const graph::Topology& topology, bool planned,
                                           const std::vector<ScenarioRef>& which);

}  // namespace icsrisk::risk
