#pragma once
// `icsrisk trees eval --format json|csv`: the evaluations of attack trees as JSON (every
// figure with its exactness), and the ranked minimal attack sets as CSV.

#include <string>
#include <vector>

#include "attacktree/defence.h"
#include "attacktree/summary.h"
#include "attacktree/tree.h"

namespace icsrisk::report {

/// One tree and its evaluation, as `trees eval` computed them.
struct EvaluatedTree {
  const attacktree::Tree* tree = nullptr;
  attacktree::TreeEvaluation evaluation;
  /// The countermeasures ranked in `measures_domain` (defence.h), when asked for.
  std::vector<attacktree::MeasureValue> measures;
  attacktree::Domain measures_domain = attacktree::Domain::kProbability;
  bool measures_stopped = false;  ///< the ranking ran out of time (defence.h)
};

/// {"trees": [...]}: per tree its id, name, scenario, node counts, one object per domain
/// (value, exact, reason when not, the bottom-up value, the events that lack a value, the
/// skipped OR branches), the minimal sets (count, complete, reason, the listed ones) and each
/// ranking with its sets and their values, and the countermeasures ranked (`measures`: ref,
/// cost, with, without, exact, change, per_cost) when asked for. n/a and ∞ are null. Keys in that
/// order; 2-space indent; numbers in their shortest round-trip form; deterministic.
std::string evaluation_json(const std::vector<EvaluatedTree>& trees);

/// The ranked sets as CSV (UTF-8 with a BOM, RFC 4180, LF): tree, ranking, rank, probability,
/// cost, time, events (ids separated by spaces); n/a is an empty cell; text cells neutralised
/// against formula injection; numbers in their shortest round-trip form. Always a header row.
std::string ranked_sets_csv(const std::vector<EvaluatedTree>& trees);

}  // namespace icsrisk::report
