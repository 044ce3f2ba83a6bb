#pragma once
// Internal to src/risk: the searches over the reachability graph of one scenario.

#include <cstddef>
#include <optional>
#include <vector>

#include "risk/scenario_graph.h"

namespace icsrisk::risk::detail {

/// Per asset (and per segment hub after the assets), the least achievable maximum step level of
/// a walk from it to the target: lateral steps, then a final step (method.md §7). kUnreached
/// where the target cannot be reached. Bucket-queue bottleneck search from the target over the
/// reversed hub graph: O(A + S + C + F).
std::vector<int> minimax_to_target(const ReachGraph& g, const FinalSteps& f);

/// Per asset and hub, the fewest steps (lateral + final) from it to the target using only steps
/// of level ≤ `limit`; kNone where impossible. 0-1 BFS over the reversed hub graph.
std::vector<std::size_t> hops_to_target(const ReachGraph& g, const FinalSteps& f, int limit);

/// The least level L*(e) of entry `e`'s routes given `minimax`, or kUnreached. Includes the
/// attack at the target (entry step onto it, then the final step on itself).
int entry_minimax(const ReachGraph& g, const FinalSteps& f, const std::vector<int>& minimax,
                  std::size_t e);

/// The route of entry `e` with all steps ≤ `limit`, fewest hops, then smallest asset id
/// sequence; `hops` from hops_to_target(limit). An attack at the target counts as two hops like
/// any entry → base → target route. Empty when none.
std::optional<RawRoute> fewest_hops_route(const ReachGraph& g, const FinalSteps& f,
                                          const std::vector<std::size_t>& hops, std::size_t e,
                                          int limit);

/// Entry indices sorted by id (the order routes are searched and tie-broken in).
std::vector<std::size_t> entries_by_id(const model::Model& m);

/// The base-coverage routes (method.md §7 "Routes listed"): per attack base that some route can
/// use, in asset order, the route whose final step starts at it attaining the least level
/// achievable through it; fewest hops, then entry id, then asset ids; rated. No hop bound.
/// At most three forward searches, O(A + C + F) each (scenario_coverage.cc).
std::vector<RawRoute> best_per_base(const ReachGraph& g, const FinalSteps& f, int impact_level);

/// Risk and vulnerability of a route level for an entry (fills r.level/vulnerability/risk).
void rate(const ReachGraph& g, int impact_level, RawRoute& r, int level);

/// The listed routes of one scenario and the count of routes within `max_hops`.
struct Listing {
  std::vector<RawRoute> routes;  ///< at most `k`, in listing order
  std::size_t total = 0;
  bool exact = true;
};

/// Enumerates the non-detour simple routes (method.md §7 "Routes listed") of at most
/// `max_hops` hops with bounded work (scenario_routes.cc): counts them up to kRouteCountCap and
/// keeps the `k` first in listing order; `seed` routes (already known non-detour routes) prime
/// the branch-and-bound pruning.
Listing list_routes(const ReachGraph& g, const FinalSteps& f, const std::vector<int>& minimax,
                    int impact_level, std::size_t k, std::size_t max_hops,
                    const std::vector<RawRoute>& seed);

}  // namespace icsrisk::risk::detail
