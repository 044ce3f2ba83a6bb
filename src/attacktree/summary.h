#pragma once
// All the evaluations of one tree, and their text table (the `icsrisk trees eval` output).

#include <optional>
#include <string>
#include <vector>

#include "attacktree/bdd.h"
#include "attacktree/evaluate.h"
#include "attacktree/tree.h"

namespace icsrisk::attacktree {

struct TreeEvaluation {
  std::vector<DomainValue> domains;  ///< in the order asked for
  std::size_t gates = 0, events = 0, shared = 0;
  std::optional<BddAnalysis> bdd;  ///< exact probability and minimal attack sets
  std::string bdd_error;           ///< why `bdd` is empty, when it is
};

/// Evaluates `domains` bottom-up (evaluate.h) and runs the exact analysis (bdd.h).
TreeEvaluation evaluate_tree(const Tree& t, const std::vector<Domain>& domains,
                             const EvalContext& ctx = {}, const BddOptions& options = {});

/// The values of a tree at its root, as results.json ("tree") and report.html show them for the
/// tree used for a scenario. `source` and `file` are the caller's to fill.
struct TreeFigures {
  std::string source;            ///< "analyst" (a file given to `analyze --trees`) or "generated"
  std::string file;              ///< an analyst tree's file name, without its folder; else empty
  std::string id;                ///< the tree's id
  std::optional<int> ipa_level;  ///< nullopt: some step has no level (n/a)
  std::optional<double> probability;        ///< exact (BDD); nullopt when n/a or not computed
  std::optional<double> probability_naive;  ///< bottom-up (double-counts shared events)
  std::optional<double> cost;               ///< exact minimal cost when known, else bottom-up
  std::optional<double> time, skill;        ///< bottom-up
};

/// Evaluates every domain at the root; runs the exact analysis (bdd.h) only when every basic
/// event has a probability or every one a cost, as only those figures need it (a generated
/// tree has neither, and its diagram may be large). Non-finite values (e.g. a cost sum that
/// overflows) are n/a.
TreeFigures tree_figures(const Tree& t, const EvalContext& ctx = {},
                         const BddOptions& options = {});

/// A number as the tables print it: levels as integers; probabilities with 6 significant
/// digits; cost, time and skill as integers when whole, else with 6 significant digits.
std::string format_value(Domain d, double v);

/// The evaluation as plain text: a heading, the node counts, one line per domain (n/a with the
/// events that lack a value, at most 10 named; the probability exact and, where shared events
/// make them differ, the naive bottom-up value too), then the minimal attack sets, numbered.
/// Deterministic, LF endings.
std::string render_evaluation(const Tree& t, const TreeEvaluation& e);

}  // namespace icsrisk::attacktree
