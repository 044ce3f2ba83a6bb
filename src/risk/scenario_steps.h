#pragma once
// The countermeasure level of any attack step (from, to, method) of a model, as the
// business-impact analysis (method.md §7) computes it for the steps of its routes. Attack-tree
// evaluation uses it for the steps of an analyst's tree (`icsrisk trees eval --model`,
// `icsrisk analyze --trees`), including steps that no listed route contains.
//
// Readings of §7 for a step that is not on a listed route (documented in the README):
// - attacker → v with method m (an entry step): over the model's entry points whose vector maps
//   to m and that reach v (an asset entry on v itself; a network entry whose segment contains
//   v), the weakest of their entry-step levels: v's measures against m, plus, for a network
//   entry, the measures declared on the entry network. No such entry point: no step.
// - u → v with the profile's lateral method: the weakest channel — the segment channel (v's
//   measures) when u and v share a segment, and each routable flow u → v (v's measures plus
//   those on the flow and on each filtering device it crosses).
// - u → v with any other method: the final-step rule — flow channels only (an attack base
//   acts on its target over a data flow, §7 step 3), the weakest of them.
// - In the context of a scenario, its final step (base, target, attack) follows the final-step
//   rule whatever the method, and only from the scenario's `bases` when it lists some; with
//   access="segment", also from any asset sharing a segment with the target, whose final step
//   may then take the segment channel too.
// - v → v (an attack on the asset the attacker stands on, after an entry step onto it: §7
//   "Attacks at the target"): no channel, v's measures against the method; with the lateral
//   method only as a scenario's final step on its target.
// - Unknown ids, or no channel: no step (nullopt); a tree evaluation shows it as n/a.

#include <memory>
#include <optional>
#include <string_view>

#include "graph/topology.h"
#include "model/model.h"
#include "model/profile.h"
#include "risk/coverage.h"

namespace icsrisk::risk {

/// Per-step level queries on a linked, error-free model. Construction is O(A + C + F) (the
/// reachability graph of the analysis, once per counting mode); a query is O(E + F_u) for E
/// entry points and the F_u flows sent by the step's source. The model, profile, coverage and
/// topology must outlive the object.
class StepLevels {
 public:
  StepLevels(const model::Model& model, const model::Profile& profile, const Coverage& coverage,
             const graph::Topology& topology);
  /// The same, building (and owning) the coverage and the topology.
  StepLevels(const model::Model& model, const model::Profile& profile);
  ~StepLevels();
  StepLevels(StepLevels&&) noexcept;
  StepLevels& operator=(StepLevels&&) noexcept;

  /// The level (1–3) of the step from `from` (an asset id, or "attacker") to asset `to` with
  /// threat `method`, or nullopt when the model has no such step (see the readings above).
  /// `include_planned` counts planned countermeasures as implemented (the "after" value).
  std::optional<int> level(std::string_view from, std::string_view to, std::string_view method,
                           bool include_planned = false) const;

  /// The same within scenario `scenario` (an id): its final step (any base → its target, with
  /// its attack) is taken through flow channels only and only from its bases. An unknown
  /// scenario id gives the plain query.
  std::optional<int> level_in_scenario(std::string_view scenario, std::string_view from,
                                       std::string_view to, std::string_view method,
                                       bool include_planned = false) const;

  /// Index form: `from` kNone for the attacker; `scenario` a pointer into the model or null.
  std::optional<int> level(std::size_t from, std::size_t to, std::size_t method,
                           bool include_planned, const model::Scenario* scenario = nullptr) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace icsrisk::risk
