#pragma once
// The minimal attack sets of an attack tree as a zero-suppressed decision diagram (ZDD), built
// from the tree's BDD by Rauzy's recursion (Rauzy, "New algorithms for fault trees analysis",
// 1993; Minato's ZDDs, 1993), so that their number does not bound the work: a family of 2^40
// sets may take a few dozen nodes. Listing is output-sensitive (k best paths).

#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "attacktree/decision_diagram.h"

namespace icsrisk::attacktree {

/// Bounds of a computation: nodes it may create, and a wall-clock deadline.
struct Budget {
  std::size_t max_nodes = 4000000;
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  bool expired() const { return std::chrono::steady_clock::now() > deadline; }
};

/// A family of sets of variables. Node 0 is the empty family, node 1 the family holding the
/// empty set; a node holds the sets of `lo` and, with its variable added, those of `hi`.
class SetFamily {
 public:
  /// The minimal satisfying sets of the monotone function `d`: mcs(x·f1 + f0) = mcs(f0) ∪
  /// x·(mcs(f1) without mcs(f0)). Fails (ok() false, with the reason) when it needs more than
  /// budget.max_nodes nodes or passes the deadline.
  SetFamily(const Diagram& d, const Budget& budget);

  bool ok() const { return error_.empty(); }
  /// Why the family could not be built ("it needs more than N nodes", …); empty when ok().
  const std::string& error() const { return error_; }
  /// The number of sets, saturating at UINT64_MAX. O(nodes).
  std::uint64_t count() const;
  std::size_t node_count() const { return nodes_.size(); }

  /// The k sets with the least total weight (the sum of weight[v] over their variables; an
  /// infinite weight excludes a set), lightest first; equal totals in the diagram's
  /// lexicographic order (a set holding the variable nearer the root first). Each set lists its
  /// variables. O(k · depth · log) after an O(nodes) pass (best-first search with an exact
  /// bound). Stops early, setting `*stopped` when given, past the deadline or when the search
  /// holds more than kMaxSearchItems partial sets.
  std::vector<std::vector<int>> lightest(std::size_t k, const std::vector<double>& weight,
                                         bool* stopped = nullptr) const;
  static constexpr std::size_t kMaxSearchItems = 4000000;

 private:
  struct ZNode {
    int var = -1;
    int level = -1;
    std::uint32_t lo = 0, hi = 0;
  };
  std::uint32_t make(int var, int level, std::uint32_t lo, std::uint32_t hi);
  std::uint32_t without(std::uint32_t f, std::uint32_t g);
  int level(std::uint32_t f) const { return f < 2 ? INT32_MAX : nodes_[f].level; }

  std::vector<ZNode> nodes_{ZNode{}, ZNode{}};
  std::uint32_t root_ = 0;
  std::string error_;
  Budget budget_;
  std::size_t steps_ = 0;
  // Unique table (level, lo, hi) → node and memo of without(); emptied once built.
  std::unordered_map<std::uint64_t, std::uint32_t> unique_, without_memo_;
};

}  // namespace icsrisk::attacktree
