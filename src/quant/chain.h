#pragma once
// Internal to src/quant: the absorbing chain of one scenario (method.md §9) as plain data, built
// on the step graph of src/risk (risk/scenario_graph.h), and the steps it was built from (for
// the sensitivities). No Eigen here: the solves live in quant.cc.
//
// Segment hubs (why there are no O(m²) segment cliques). Every asset u of a segment S can step
// to every other v of S through the segment channel, with probability w_u · σ_v per attempt at
// u (w_u = 1 / u's number of steps, σ_v = s of v's segment-step level): the block of Q on S is
// the rank-one w σᵀ less its diagonal. So S gets one auxiliary state h, and the matrix is
//   M = [A₀  B]   B[u,h] = −w_u Σσ,  C[h,v] = −σ_v / Σσ,  D = 1,
//       [C   D]   A₀ = A + w σᵀ (A₀[u,u] = A[u,u] + w_u σ_u; a flow channel weaker than the
//                 segment's adds its difference −w_u (s_flow − σ_v) at [u,v]),
// whose Schur complement M / D = A₀ − B C is exactly A = I − Q. Hence M⁻¹ [b; 0] = [A⁻¹ b; ·],
// the same for Mᵀ, and the leading block of M⁻¹ is A⁻¹ (so its diagonal is diag N). M is a
// Z-matrix, weakly diagonally dominant by rows and non-singular (det M = det A): a non-singular
// M-matrix, so the LU still takes diagonal pivots. O(m) non-zeros per segment instead of m².
// An asset on several segments, or with a flow channel stronger than the segment's (which would
// make a positive off-diagonal), keeps its lateral steps as explicit entries.

#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include "model/model.h"
#include "model/quant_params.h"
#include "risk/scenario_graph.h"

namespace icsrisk::quant::detail {

using model::kNone;

/// One step of the chain: from `from` (kNone: outside, through entry `entry`) to `to` (kNone:
/// goal, the final step), taken with probability `weight` per attempt at its source.
struct ChainStep {
  std::size_t entry = kNone;
  std::size_t from = kNone;
  std::size_t to = kNone;
  std::size_t dest = kNone;  ///< the asset the step lands on, the target for a final step
  int level = 1;
  double weight = 0.0;
};

/// A non-zero of M (A = I − Q over the asset states, with the segment hubs; see above).
struct Entry {
  std::size_t row, col;
  double value;
};

/// One segment hub: state `state` of M. The segment steps u → v (u in `sources`, v in `dests`,
/// v ≠ u) at v's segment level are implicit: they are not in Chain::steps.
struct Hub {
  std::size_t segment = kNone;
  std::size_t state = kNone;
  std::vector<std::size_t> sources;  ///< ascending
  std::vector<std::size_t> dests;    ///< ascending: members ≠ target with a segment step
};

/// The chain of one scenario. Asset states are indexed like Model::assets, hubs follow.
struct Chain {
  std::size_t assets = 0;
  std::size_t states = 0;        ///< assets + hubs
  std::vector<Entry> a;          ///< M (duplicates summed by the caller)
  std::vector<double> goal;      ///< one-attempt probability of goal per asset
  std::vector<double> attempts;  ///< 1 where the state has a step, 0 at a dead end
  std::vector<double> weight;    ///< per asset: 1 / its number of steps (0 at a dead end)
  /// Every explicit asset step (from != kNone), source order: every step of an asset without
  /// hub; of a hub source its final step and flow-only or flow-overridden lateral steps.
  std::vector<ChainStep> steps;
  std::vector<Hub> hubs;
  /// Per entry point: its entry steps (from = kNone), weight 1/k_e (uniform among them).
  std::vector<std::vector<ChainStep>> entry_steps;
};

/// Segments with fewer segment-step destinations than this keep their cliques.
inline constexpr std::size_t kDefaultHubMin = 3;
/// No hubs at all (every step explicit, the plain A = I − Q): for tests.
inline constexpr std::size_t kNoHubs = std::numeric_limits<std::size_t>::max();

/// The chain of scenario `sc` on `g` (implemented measures) with parameters `q`; segments with
/// at least `hub_min` destinations get a hub. O(Σ explicit steps · log + Σ segment sizes).
Chain build_chain(const risk::detail::ReachGraph& g, const model::Scenario& sc,
                  const model::QuantParams& q, std::size_t hub_min = kDefaultHubMin);

/// The distinct flow-channel destinations of `u` other than `target`, each at its weakest flow
/// level, ascending by destination.
std::vector<std::pair<std::size_t, int>> flow_steps(const risk::detail::ReachGraph& g,
                                                    std::size_t u, std::size_t target);

}  // namespace icsrisk::quant::detail
