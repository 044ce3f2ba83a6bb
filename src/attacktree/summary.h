#pragma once
// All the evaluations of one tree, and their text table (the `icsrisk trees eval` output).

#include <optional>
#include <string>
#include <vector>

#include "attacktree/bdd.h"
#include "attacktree/evaluate.h"
#include "attacktree/tree.h"

namespace icsrisk::attacktree {

/// Whether a figure is exact. Bottom-up values are exact on trees, and on DAGs in the domains
/// whose operators are min and max (the IPA level, skill, and time unless a sand sums one
/// shared node twice: counting an event twice changes neither min nor max); probability and
/// cost on DAGs are exact only from the BDD.
struct Exactness {
  bool exact = true;
  /// When not exact: why the shown figure is the bottom-up value ("10001 basic events, …").
  std::string reason;
};

/// One domain's figure at the root.
struct Figure {
  DomainValue bottom_up;        ///< the bottom-up value (and the events that lack one)
  std::optional<double> value;  ///< the figure shown: the exact one, else the bottom-up one
  Exactness exactness;
  bool from_bdd = false;  ///< the value is the BDD's (probability or minimal cost)
};

struct TreeEvaluation {
  std::vector<Figure> figures;  ///< in the order of the domains asked for
  std::size_t gates = 0, events = 0, shared = 0;
  std::optional<BddAnalysis> bdd;  ///< exact probability and minimal attack sets
  std::string bdd_error;           ///< why `bdd` is empty, when it is
};

/// Whether some sand gate reaches one node through two of its children: then the bottom-up
/// time adds that node's time twice, though a shared event happens once. nullopt when the
/// check passed `max_steps` (it is O(nodes) per sand gate).
std::optional<bool> sand_counts_twice(const Tree& t, std::size_t max_steps);

/// The figure of domain `d` from its bottom-up value and, on a DAG, the exact analysis (`bdd`,
/// or `bdd_error` saying why there is none). `shared` is shared_node_count(t).
Figure figure_of(const Tree& t, DomainValue bottom_up, std::size_t shared,
                 const std::optional<BddAnalysis>& bdd, const std::string& bdd_error);

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
  /// Whether `probability_naive`, `cost` and `time` are exact (the IPA level and skill always
  /// are). `probability` is exact when set; `probability_naive` is exact on a tree.
  Exactness probability_exactness, cost_exactness, time_exactness;
};

/// Evaluates every domain at the root, with the effects of the tree's countermeasures in force
/// (defence.h; planned ones too when ctx.include_planned); runs the exact analysis (bdd.h) only on
/// a DAG where every basic event has a probability or every one a cost, as only those figures need
/// it (a generated tree has neither, and its diagram may be large). On a tree `probability` is the
/// bottom-up value, which is exact there. Non-finite values (e.g. a cost sum that overflows)
/// are n/a.
TreeFigures tree_figures(const Tree& t, const EvalContext& ctx = {},
                         const BddOptions& options = {});

/// A number as the tables print it: levels as integers; probabilities with 6 significant
/// digits; cost, time and skill as integers when whole, else with 6 significant digits.
std::string format_value(Domain d, double v);

/// The evaluation as plain text: a heading, the node counts, one line per domain (n/a with the
/// events that lack a value, at most 10 named; else the value, "exact" or "bottom-up, not
/// exact: <reason>", and where shared events make them differ the naive bottom-up value too),
/// then the minimal attack sets, numbered.
/// Deterministic, LF endings.
std::string render_evaluation(const Tree& t, const TreeEvaluation& e);

}  // namespace icsrisk::attacktree
