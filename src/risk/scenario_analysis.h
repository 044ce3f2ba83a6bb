#pragma once
// The business-impact-based analysis (method.md §7): per scenario, the exact scenario risk and
// the listed attack routes.
//
// Readings of §7 this implementation takes (documented for users in the README):
// - Segments, channels and flow routing are those of graph/topology.h. A network device is an
//   asset on each of its networks, so controlling a filtering device gives segment channels into
//   every segment it connects (that step is countered by the device's own measures).
// - A step u → v with several channels takes the weakest (lowest level); its recorded channel is
//   the weakest, ties going to the segment channel, then to the lowest flow index.
// - The target appears only at the end. An entry step may land on it (an entry on the target
//   itself, or a network entry whose segment holds it): that route is the entry step plus the
//   final step on the target itself (no channel; the target's measures against the final
//   method), two hops. A lateral step never lands on the target. Bases with no routable flow
//   to the target give no final step.
// - Scenario risk = max over entries e of matrix[impact][threat(e)][4 − L*(e)], where L*(e) is
//   the least achievable route level (the minimax of step levels). This equals the highest risk
//   over all routes only when the risk matrix is monotone: not decreasing as vulnerability grows
//   (the profile loader warns otherwise). L* is exact over simple routes: any walk contains a
//   simple route whose steps are a subset of its steps.
// - L* comes from one reverse bottleneck search per scenario from the target over the hub
//   graph (scenario_graph.h), with bucket queues for the three levels: O(A + C + F) per scenario.
// - The first listed route attains the scenario risk: among the routes of the entries attaining
//   it (highest vulnerability first), the one with fewest hops, then entry id, then the
//   lexicographically smallest asset id sequence; it is listed even when longer than max_hops.
// - The other listed routes are the worst simple routes of at most max_hops hops in the listing
//   order. Counting stops at kRouteCountCap routes or kWorkBudget edge examinations
//   (routes_total_exact = false); the worst-first search then continues with branch-and-bound
//   pruning under the same budget, so the list may be inexact only when the count is.

#include <cstddef>
#include <vector>

#include "graph/topology.h"
#include "model/model.h"
#include "model/profile.h"
#include "risk/analysis.h"
#include "risk/coverage.h"
#include "risk/results.h"

namespace icsrisk::risk {

/// Routes counted per scenario before the count is reported as a lower bound.
inline constexpr std::size_t kRouteCountCap = 100000;
/// Edge examinations allowed per scenario for each of the two route searches.
inline constexpr std::size_t kWorkBudget = 2000000;

/// The scenario rows of a linked, error-free model, in model order (impacts, then their
/// scenarios). Time O(S · (A + C + F)) for the risks plus the bounded route listing.
std::vector<ScenarioRisk> analyze_scenarios(const model::Model& model,
                                            const model::Profile& profile, const Coverage& coverage,
                                            const AnalysisOptions& options = {});

/// The same with a topology built by the caller (e.g. shared with other stages).
std::vector<ScenarioRisk> analyze_scenarios(const model::Model& model,
                                            const model::Profile& profile, const Coverage& coverage,
                                            const graph::Topology& topology,
                                            const AnalysisOptions& options);

}  // namespace icsrisk::risk
