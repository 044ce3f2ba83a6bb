#pragma once
// Exact analysis of attack trees with shared sub-trees, through binary decision diagrams
// (BuDDy; its header stays inside bdd.cc). Method.md §8: on a DAG the bottom-up probability
// double-counts shared events, so the probability is computed on the tree's Boolean function,
// and its minimal attack sets (minimal cut sets) are listed.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "attacktree/tree.h"
#include "core/result.h"

namespace icsrisk::attacktree {

struct BddOptions {
  std::size_t max_cut_sets = 1000;  ///< the listed minimal attack sets are capped at this
  /// Work bound of the minimal-set computation: it stops (and says so) when an intermediate
  /// family of sets grows past this many sets.
  std::size_t max_intermediate_sets = 200000;
  /// BuDDy node-table bound; beyond it the analysis fails with an error, never aborts.
  std::size_t max_bdd_nodes = 4000000;
  /// More basic events than this are refused (an error): BuDDy's operations and the
  /// recursions here are as deep as the variable order is long.
  std::size_t max_variables = 10000;
};

struct BddAnalysis {
  std::size_t variables = 0;  ///< distinct basic events (steps and leaves)
  std::size_t bdd_nodes = 0;  ///< nodes of the root's diagram
  /// The exact probability of the root event, with each basic event an independent Boolean
  /// variable; nullopt when some basic event has no probability.
  std::optional<double> probability;
  /// Minimal attack sets: each the ids of its basic events in tree order (first appearance in
  /// a depth-first, left-to-right walk); the list sorted by size, then lexicographically in
  /// that order; at most BddOptions::max_cut_sets of them.
  std::vector<std::vector<std::string>> cut_sets;
  /// How many minimal attack sets there are (all of them, not only the listed ones), when
  /// `cut_sets_complete`; else the computation stopped at its work bound and the list is empty.
  std::size_t cut_set_count = 0;
  bool cut_sets_complete = true;
  /// The cheapest minimal attack set's total cost (each shared event paid once), when every
  /// basic event has a cost and the sets are complete. Bottom-up cost sums a shared event once
  /// per path under an AND; this is the exact minimal cost.
  std::optional<double> min_cost;
};

/// Builds the root's diagram (each basic event one variable, in order of first appearance;
/// OR → disjunction, AND and SAND → conjunction), then the probability by Shannon expansion
/// memoised on diagram nodes, and the minimal sets by Rauzy's recursion (1993) on the monotone
/// function. BuDDy's global state is set up and torn down inside the call, under a mutex: calls
/// from several threads are serialised. An error when the diagram outgrows max_bdd_nodes.
/// Needs `t.order`.
core::Result<BddAnalysis> analyze_bdd(const Tree& t, const BddOptions& options = {});

}  // namespace icsrisk::attacktree
