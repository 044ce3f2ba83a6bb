#pragma once
// A reduced ordered binary decision diagram as plain data, copied out of BuDDy (bdd.cc) so that
// the analyses below run without BuDDy's global state, and a cheapest-path search over it.

#include <cstdint>
#include <optional>
#include <vector>

namespace icsrisk::attacktree {

/// Node 0 is the constant false, node 1 the constant true; every other node tests variable
/// `var` (an index into the basic events) at `level` (its place in the diagram's variable
/// order: smaller levels nearer the root) and has children with smaller indices than itself.
struct Diagram {
  struct DNode {
    int var = -1;
    int level = -1;
    std::uint32_t lo = 0, hi = 0;
  };
  std::vector<DNode> nodes{DNode{}, DNode{}};
  std::uint32_t root = 0;

  static constexpr std::uint32_t kFalse = 0;
  static constexpr std::uint32_t kTrue = 1;
};

/// The probability that the function holds, with variable v true independently with
/// probability p[v] (Shannon expansion, one pass over the nodes). O(nodes).
double diagram_probability(const Diagram& d, const std::vector<double>& p);

/// The cheapest satisfying assignment of a monotone function, paying cost[v] for each variable
/// set true (costs ≥ 0): a shortest path to the constant true where a high edge costs its
/// variable's cost and a low edge nothing. nullopt when the function is false. O(nodes).
std::optional<double> diagram_min_cost(const Diagram& d, const std::vector<double>& cost);

}  // namespace icsrisk::attacktree
