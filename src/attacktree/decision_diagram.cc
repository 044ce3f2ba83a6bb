#include "attacktree/decision_diagram.h"

#include <algorithm>
#include <cmath>

namespace icsrisk::attacktree {

namespace {

/// One bottom-up pass: children come before parents in `nodes`, so one loop suffices.
template <typename Combine>
std::vector<double> bottom_up(const Diagram& d, double at_false, double at_true, Combine&& f) {
  std::vector<double> v(d.nodes.size(), at_false);
  v[Diagram::kTrue] = at_true;
  for (std::size_t i = 2; i < d.nodes.size(); ++i) {
    const Diagram::DNode& n = d.nodes[i];
    v[i] = f(n, v[n.lo], v[n.hi]);
  }
  return v;
}

}  // namespace

double diagram_probability(const Diagram& d, const std::vector<double>& p) {
  std::vector<double> v = bottom_up(d, 0, 1, [&](const Diagram::DNode& n, double lo, double hi) {
    double px = p[static_cast<std::size_t>(n.var)];
    return px * hi + (1 - px) * lo;
  });
  return v[d.root];
}

std::optional<double> diagram_min_cost(const Diagram& d, const std::vector<double>& cost) {
  std::vector<double> v =
      bottom_up(d, HUGE_VAL, 0, [&](const Diagram::DNode& n, double lo, double hi) {
        return std::min(lo, cost[static_cast<std::size_t>(n.var)] + hi);
      });
  if (d.root == Diagram::kFalse) return std::nullopt;
  return v[d.root];  // +∞ when every satisfying set holds an event of infinite cost (blocked)
}

}  // namespace icsrisk::attacktree
