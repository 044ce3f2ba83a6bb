#pragma once
// Internal to src/quant: the absorbing chain of one scenario (method.md §9) as plain data, built
// on the step graph of src/risk (risk/scenario_graph.h), and the steps it was built from (for
// the sensitivities). No Eigen here: the solves live in quant.cc.

#include <cstddef>
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

/// A non-zero of A = I − Q over the asset states.
struct Entry {
  std::size_t row, col;
  double value;
};

/// The chain of one scenario. Asset states are indexed like Model::assets.
struct Chain {
  std::size_t assets = 0;
  std::vector<Entry> a;          ///< I − Q (duplicates summed by the caller)
  std::vector<double> goal;      ///< one-attempt probability of goal per asset
  std::vector<double> attempts;  ///< 1 where the state has a step, 0 at a dead end
  std::vector<ChainStep> steps;  ///< every asset step (from != kNone), source order
  /// Per entry point: its entry steps (from = kNone), weight 1/k_e (uniform among them).
  std::vector<std::vector<ChainStep>> entry_steps;
};

/// The chain of scenario `sc` on `g` (implemented measures) with parameters `q`.
/// O(Σ_u lateral steps of u · log) time.
Chain build_chain(const risk::detail::ReachGraph& g, const model::Scenario& sc,
                  const model::QuantParams& q);

}  // namespace icsrisk::quant::detail
