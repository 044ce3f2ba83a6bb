#pragma once
// Exact analysis of attack trees with shared sub-trees, through binary decision diagrams
// (BuDDy; its header stays inside bdd.cc). Method.md §8: on a DAG the bottom-up probability
// double-counts shared events, so the probability is computed on the tree's Boolean function,
// and its minimal attack sets (minimal cut sets) are listed.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "attacktree/ranking.h"
#include "attacktree/tree.h"
#include "core/result.h"

namespace icsrisk::attacktree {

struct BddOptions {
  std::size_t max_cut_sets = 1000;  ///< the listed minimal attack sets are capped at this
  /// Node budget of the BDD (BuDDy's node table, at least 10,000): past it the analysis fails
  /// with an error, never aborts.
  std::size_t max_bdd_nodes = 4000000;
  /// Node budget of the minimal sets' ZDD: past it the sets are left uncomputed (said so).
  std::size_t max_set_nodes = 4000000;
  /// Time budget (wall clock) of the whole analysis, checked between operations. Past it the
  /// analysis fails like past the node budget.
  double max_seconds = 10;
  /// More basic events than this are refused (an error): BuDDy's operations and the
  /// recursions here are as deep as the variable order is long.
  std::size_t max_variables = 10000;
  /// Dynamic reordering (BuDDy's sifting) while the diagram is built, for trees of at most
  /// this many basic events (sifting is quadratic in their number).
  std::size_t max_reorder_variables = 2000;
  /// Rankings of the minimal sets to compute (ranking.h), each of its `top` best sets.
  std::vector<Rank> rank;
  std::size_t top = 10;
  std::size_t max_rank_work = 20000000;  ///< ranking by time: sets × tree nodes at most
};

struct BddAnalysis {
  std::size_t variables = 0;  ///< distinct basic events (steps and leaves)
  std::size_t bdd_nodes = 0;  ///< nodes of the root's diagram
  /// The exact probability of the root event, with each basic event an independent Boolean
  /// variable; nullopt when some basic event has no probability.
  std::optional<double> probability;
  /// Minimal attack sets: each the ids of its basic events in tree order (first appearance in
  /// a depth-first, left-to-right walk); the list sorted by size, then lexicographically in
  /// that order; at most BddOptions::max_cut_sets of them (the smallest ones).
  std::vector<std::vector<std::string>> cut_sets;
  /// How many minimal attack sets there are (all of them, saturating at SIZE_MAX), when
  /// `cut_sets_complete`; else the computation stopped at its budget and the list is empty.
  std::size_t cut_set_count = 0;
  bool cut_sets_complete = true;
  /// The listing stopped at its bound (SetFamily::lightest) before max_cut_sets sets.
  bool listing_stopped = false;
  std::string cut_sets_error;  ///< why the sets are not complete
  /// The exact minimal cost: the cheapest satisfying set (each shared event paid once), by a
  /// cheapest-path search over the BDD, when every basic event has a cost and the root can be
  /// reached at all. Bottom-up cost sums a shared event once per path under an AND.
  std::optional<double> min_cost;
  /// One per BddOptions::rank, in that order, when the sets are complete.
  std::vector<RankedSets> ranked;
};

/// Builds the root's diagram (OR → disjunction, AND and SAND → conjunction; each basic event
/// one variable, first in a static order — depth-first, the lighter sub-tree first, so that
/// events that go together sit together — then improved by BuDDy's sifting while it grows),
/// then the probability by Shannon expansion, the minimal cost by a cheapest-path search, and
/// the minimal sets as a ZDD (minimal_sets.h). BuDDy's global state is set up and torn down
/// inside the call, under a mutex: calls from several threads are serialised. An error, with
/// the reason, when the diagram passes the node or time budget or the tree has too many events.
/// Needs `t.order`.
core::Result<BddAnalysis> analyze_bdd(const Tree& t, const BddOptions& options = {});

}  // namespace icsrisk::attacktree
