#pragma once
// Internal to src/quant: the steps whose strengthening lowers p_goal most (method.md §9, the
// adjoint), on a chain with segment hubs, without listing the hubs' implicit segment steps.

#include <vector>

#include "quant/chain.h"
#include "quant/quant.h"

namespace icsrisk::quant::detail {

/// The at most kSensitiveSteps steps of `c` with the largest positive d p_goal / d s =
/// N[o,u] · w · (g[dest] − g[u]) (g[goal] = 1, g[outside] = `p_goal`, N[o,outside] = `n_oo`),
/// in the order of quant.h. `n_o` and `goal` are indexed by asset (hub states may follow).
/// Every explicit step is examined; of a hub's implicit steps, per source only those that can
/// still rank (its destinations by decreasing g): O(explicit steps + Σ hubs m log m +
/// sources · kSensitiveSteps) unless many destinations tie. The candidates are cut down to those
/// that can still rank each time `prune_at` (≥ kSensitiveSteps) have gathered, so memory stays
/// O(prune_at) however many steps have a positive derivative.
std::vector<StepSensitivity> sensitive_steps(const risk::detail::ReachGraph& g, const Chain& c,
                                             const model::Scenario& sc,
                                             const std::vector<double>& n_o, double n_oo,
                                             const std::vector<double>& goal, double p_goal,
                                             std::size_t prune_at = kDefaultPruneAt);

}  // namespace icsrisk::quant::detail
