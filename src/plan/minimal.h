#pragma once
// The minimal plan (issue 11 item 1): the cheapest set of candidate placements that brings every
// scenario (and, with Scope::kAll, every asset-based row) to a target risk.
//
// Method: exact branch and bound over the candidates, after removing dominated ones (a placement
// of a measure costing no less than the same measure placed system-wide: the system scope
// protects everything any scope does, method.md §4). Risks never rise when measures are added
// (§5 levels grow with the set of functions; a route takes its strongest step), which makes two
// prunings sound: a node whose chosen set plus every remaining candidate misses a goal has no
// solution below it, and a node whose cost plus what its missed goals still need (a lower
// bound from goals that no common candidate serves) reaches the best plan found cannot improve
// on it. Candidates are tried cheapest-per-served-goal first; a greedy plan (most letters
// gained per cost) seeds the bound. The search stops after `max_evaluations` evaluations: the plan
// found is then stated with a lower bound on the optimum instead of as optimal.

#include <cstddef>
#include <optional>
#include <vector>

#include "plan/candidates.h"
#include "plan/whatif.h"

namespace icsrisk::plan {

enum class Scope { kScenarios, kAll };

struct PlanOptions {
  model::Risk target = model::Risk::kC;
  Scope scope = Scope::kScenarios;
  std::size_t max_evaluations = 20000;  ///< what-if evaluations before the search stops
};

struct Plan {
  std::vector<Candidate> placements;  ///< in candidate order
  long long cost = 0;
  bool exact = true;          ///< the cost is proven minimal
  long long lower_bound = 0;  ///< the minimal cost is at least this (== cost when exact)
  bool met = true;            ///< every goal reached (false only when even all candidates fail)
  /// Goals: the target, or the floor where the floor is worse (those are listed here).
  std::vector<std::size_t> scenarios_below_floor;  ///< scenario indices (scenario_refs order)
  std::vector<std::size_t> rows_below_floor;       ///< asset-row indices (Scope::kAll only)
  std::vector<std::optional<model::Risk>> scenario_goal;
  std::vector<model::Risk> row_goal;  ///< empty unless Scope::kAll
  Effect effect;                      ///< what the plan changes against the baseline
  std::size_t evaluations = 0;
};

/// The cheapest subset of `candidates` meeting the goals, on `whatif`'s baseline.
Plan minimal_plan(const WhatIf& whatif, const std::vector<Candidate>& candidates,
                  const PlanOptions& options);

/// Whether the risks after `effect` meet the goals of `plan` (scenario and row goals).
bool meets(const WhatIf& whatif, const Plan& plan, const Effect& effect);

}  // namespace icsrisk::plan
