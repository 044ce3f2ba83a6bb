#pragma once
// Attack–defence trees (issue 12, item 4; Kordy, Mauw, Radomirović, Schweitzer,
// "Attack–defense trees", 2014; ADTool 2): countermeasures with their own cost and an effect on
// the event they stand on — it blocks the event, multiplies its probability, or adds to the
// attacker's cost or time — and what each measure is worth.

#include <optional>
#include <string>
#include <vector>

#include "attacktree/bdd.h"
#include "attacktree/evaluate.h"
#include "attacktree/summary.h"
#include "attacktree/tree.h"

namespace icsrisk::attacktree {

/// Whether some countermeasure of the tree has an effect.
bool has_effects(const Tree& t);

/// The tree with the effects of its measures in force applied to its events' attributes:
/// implemented measures always, planned ones too when `planned`. A blocked event gets
/// probability 0 and cost, time and skill +∞ (whether it had them or not); a factor
/// multiplies the probability; adds-cost and adds-time add to a cost and time the event has.
/// Several measures on one event apply in order. O(nodes).
Tree with_measures_in_force(const Tree& t, bool planned);

/// What one countermeasure (all the tree's measures with that `ref`) is worth in a domain.
struct MeasureValue {
  std::string ref;
  std::optional<double> cost;  ///< the measure's cost (the first given among its uses)
  /// The root's value with every measure in force, and without this one (exact where the
  /// figures are; see `exact`).
  std::optional<double> with, without;
  bool exact = true;
  /// |without − with|: how much the measure lowers the attack's probability, or raises the
  /// attacker's minimal cost; per cost unit when the measure has a cost above 0.
  std::optional<double> change, per_cost;
};

/// Every measure with an effect in force, ranked by what it is worth in domain `d`
/// (probability or cost): by change per cost unit (measures with a cost first), then by change,
/// then by ref. One exact evaluation per measure, all within `options`' time budget: past it
/// the remaining measures are left out and `*stopped` (when given) is set.
std::vector<MeasureValue> rank_measures(const Tree& t, Domain d, bool planned,
                                        const EvalContext& ctx = {}, const BddOptions& options = {},
                                        bool* stopped = nullptr);

/// The ranking as text: a heading with the root's value with every measure in force, then one
/// line per measure: its value without it, the change, its cost and the change per cost unit
/// ("not exact" after a bottom-up value). Empty when there are no measures with an effect.
std::string render_measures(Domain d, const std::vector<MeasureValue>& measures,
                            bool stopped = false);

}  // namespace icsrisk::attacktree
