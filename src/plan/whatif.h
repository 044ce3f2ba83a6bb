#pragma once
// What-if evaluation of countermeasure placements (issue 11 item 1): the risks of the model with
// some placements added, against the baseline of its implemented measures; computed
// incrementally (only the asset rows in a placement's scope that its measure counts against,
// only the scenarios whose step methods it counters, on the context's topology).

#include <cstddef>
#include <optional>
#include <vector>

#include "plan/candidates.h"
#include "risk/analysis.h"
#include "risk/results.h"
#include "risk/scenario_value.h"

namespace icsrisk::plan {

/// A risk that a placement changes: the index of the scenario (scenario_refs order) or of the
/// asset-based row (analyze_assets order), and the risk before and after.
struct Change {
  std::size_t index = kNone;
  model::Risk before = model::Risk::kE;
  model::Risk after = model::Risk::kE;
  friend bool operator==(const Change&, const Change&) = default;
};

/// What a set of placements changes. `gain`s sum how many letters each changed risk drops.
struct Effect {
  std::vector<Change> scenarios;
  std::vector<Change> rows;
  int scenario_gain = 0;
  int row_gain = 0;
};

/// The baseline risks of a model (implemented measures only, the analysis' `risk` columns) and
/// the what-if of placements added to it. The context must outlive it.
class WhatIf {
 public:
  explicit WhatIf(const risk::Context& context);

  const risk::Context& context() const { return c_; }
  const std::vector<risk::ScenarioRef>& scenarios() const { return refs_; }
  /// Baseline scenario risks (empty where no entry reaches the target) and asset-based rows.
  const std::vector<std::optional<model::Risk>>& scenario_risks() const { return scenario_risk_; }
  const std::vector<risk::AssetRiskRow>& rows() const { return rows_; }

  /// The effect of adding `add` (as implemented measures). `with_rows` false skips the asset
  /// rows (Effect::rows stays empty). Re-evaluates only what the placements can affect.
  Effect evaluate(const std::vector<Candidate>& add, bool with_rows = true) const;

  /// Whether a placement of `measure` can change scenario `i` at all (it counters one of the
  /// scenario's step methods, and the target is reachable).
  bool scenario_affected(std::size_t i, std::size_t measure) const;
  /// Whether `c` can change asset-based row `i` (its scope covers the row's target and its
  /// measure counts against the row's threat).
  bool row_affected(std::size_t i, const Candidate& c) const;

 private:
  const risk::Context& c_;
  std::vector<risk::ScenarioRef> refs_;
  std::vector<std::optional<model::Risk>> scenario_risk_;
  std::vector<risk::AssetRiskRow> rows_;
  /// Per scenario, the threats of its steps (entry methods, lateral method, final method).
  std::vector<std::vector<std::size_t>> methods_;
};

/// One ranked placement and its effect.
struct Ranked {
  Candidate candidate;
  Effect effect;
};

/// Every candidate's effect alone, ranked (issue 11): scenario gain (more first), then asset-row
/// gain, then cost (cheaper first), then candidate order. Candidates that change nothing are
/// ranked last. O(candidates · affected work).
std::vector<Ranked> rank(const WhatIf& whatif, const std::vector<Candidate>& candidates);

}  // namespace icsrisk::plan
