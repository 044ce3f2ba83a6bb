#pragma once
// The quantitative propagation of method.md §9: per scenario, an absorbing Markov chain over the
// §7 step graph (the same steps, channels and step levels), solved sparse with Eigen.
//
// States: `outside`, one per asset; absorbing `goal` and `stopped`. With A = I − Q over the asset
// states (Q the asset-to-asset part of the chain), one sparse LU factorisation of A gives:
// - g = A⁻¹ r_goal (r_goal[u]: u's one-attempt probability of a successful final step), the
//   probability of reaching goal from each asset; t = A⁻¹ r_att (r_att[u] = 1 when u has a step),
//   the expected attempts from each asset. `outside` only ever returns to itself, so its values
//   follow from g and t in O(entry steps): p_goal = Σ_v Q[o,v] g[v] / (1 − Q[o,o]), and the same
//   per entry point with that entry's own row.
// - the row of `outside` in N = (I − Q)⁻¹ by one transposed solve, Aᵀ y = Q[o,·]ᵀ / (1 − Q[o,o]);
// - diag(A⁻¹) = diag(N) over the assets from the same factors, without one solve per asset
//   (quant/inverse_diagonal.h), so visit(v) = N[o,v] / N[v,v];
// - d p_goal / d s of every step from y and g alone (the adjoint): for a step u → v taken with
//   probability w per attempt at u, d p_goal / d s = N[o,u] · w · (g[v] − g[u]), g[goal] = 1.
// The matrix factorised is A with one hub state per segment instead of its clique of segment
// steps (quant/chain.h): its Schur complement is exactly A, so every value above is unchanged.

#include <cstddef>
#include <vector>

#include "graph/topology.h"
#include "model/model.h"
#include "model/profile.h"
#include "risk/coverage.h"

namespace icsrisk::quant {

using model::kNone;

/// p_goal and expected attempts when the attacker always starts at one entry point.
struct EntryQuant {
  std::size_t entry = kNone;  ///< index into Model::entries
  double p_goal = 0.0;
  double expected_attempts = 0.0;
};

/// A step and the derivative of the scenario's p_goal with respect to its success probability.
struct StepSensitivity {
  std::size_t entry = kNone;   ///< for an entry step: its entry point; kNone otherwise
  std::size_t from = kNone;    ///< asset index; kNone for the attacker (entry step)
  std::size_t to = kNone;      ///< asset index (the target for a final step)
  std::size_t method = kNone;  ///< threat index
  int level = 1;               ///< the step's countermeasure level (§7)
  double derivative = 0.0;     ///< d p_goal / d s of this step
};

/// The §9 results of one scenario.
struct ScenarioQuant {
  std::size_t impact = kNone;    ///< index into Model::impacts
  std::size_t scenario = kNone;  ///< index into that impact's scenarios
  double p_goal = 0.0;
  double expected_attempts = 0.0;
  /// Per asset (model order): the probability that the attacker ever holds it.
  std::vector<double> visit;
  std::vector<EntryQuant> entries;  ///< per entry point, model order
  /// The steps whose strengthening lowers p_goal most: at most kSensitiveSteps with a positive
  /// derivative, largest first (ties: entry step first, then asset ids).
  std::vector<StepSensitivity> sensitive_steps;
};

inline constexpr std::size_t kSensitiveSteps = 10;

/// The §9 results of every scenario of a linked, error-free model, in model order, with the
/// profile's `quant` parameters and implemented countermeasures only. Time per scenario: the
/// step graph (O(assets + flows + Σ segment sizes), the segments as hubs), one sparse LU of a
/// matrix with as many non-zeros, restricted to the states the attacker can reach from
/// `outside`, four triangular solve pairs and the inverse diagonal
/// (quant/inverse_diagonal.h). Scenarios are solved on one thread per core.
std::vector<ScenarioQuant> analyze_quant(const model::Model& model, const model::Profile& profile,
                                         const risk::Coverage& coverage,
                                         const graph::Topology& topology);

namespace detail {

/// The sensitivity ranking keeps its candidates down to those that can still rank each time
/// this many have gathered.
inline constexpr std::size_t kDefaultPruneAt = 256;

/// analyze_quant with a hub state for every segment of at least `hub_min` segment-step
/// destinations (quant/chain.h; SIZE_MAX: none, the plain A = I − Q): the same numbers up to
/// rounding, whatever `hub_min`; and `workers` threads solving scenarios (0: one per core):
/// the same bytes, whatever `workers`; and the sensitivity ranking pruning its candidates at
/// `prune_at` (quant/sensitivity.h): the same steps, whatever `prune_at`. For tests;
/// analyze_quant uses the library's values.
std::vector<ScenarioQuant> analyze_quant(const model::Model& model, const model::Profile& profile,
                                         const risk::Coverage& coverage,
                                         const graph::Topology& topology, std::size_t hub_min,
                                         std::size_t workers = 0,
                                         std::size_t prune_at = kDefaultPruneAt);

}  // namespace detail

}  // namespace icsrisk::quant
