#pragma once
// Brute-force evaluators of attack trees (every assignment of the basic events) and a random
// DAG generator: the reference the exact analysis is checked against.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "attacktree/evaluate.h"
#include "attacktree_builder.h"

namespace icsrisk::attacktree::testing {

/// P(root) by summing over all 2^k assignments of the k basic events.
inline double brute_probability(const Tree& t) {
  std::vector<std::size_t> ev = basic_events(t);
  double total = 0;
  for (std::uint32_t mask = 0; mask < (1u << ev.size()); ++mask) {
    std::vector<bool> on(t.nodes.size(), false);
    double w = 1;
    for (std::size_t i = 0; i < ev.size(); ++i) {
      bool b = (mask >> i) & 1u;
      on[ev[i]] = b;
      double p = *t.nodes[ev[i]].probability;
      w *= b ? p : 1 - p;
    }
    if (holds(t, on)) total += w;
  }
  return total;
}

/// The cheapest satisfying assignment's total cost, by brute force.
inline double brute_min_cost(const Tree& t) {
  std::vector<std::size_t> ev = basic_events(t);
  double best = HUGE_VAL;
  for (std::uint32_t mask = 0; mask < (1u << ev.size()); ++mask) {
    std::vector<bool> on(t.nodes.size(), false);
    double sum = 0;
    for (std::size_t i = 0; i < ev.size(); ++i) {
      on[ev[i]] = (mask >> i) & 1u;
      if (on[ev[i]]) sum += *t.nodes[ev[i]].cost;
    }
    if (holds(t, on)) best = std::min(best, sum);
  }
  return best;
}

/// Minimal satisfying sets by brute force: events in tree order, sets by size then that order.
inline std::vector<std::vector<std::string>> brute_minimal_sets(const Tree& t) {
  std::vector<std::size_t> ev = basic_events(t);
  std::vector<std::uint32_t> sat;
  for (std::uint32_t mask = 0; mask < (1u << ev.size()); ++mask) {
    std::vector<bool> on(t.nodes.size(), false);
    for (std::size_t i = 0; i < ev.size(); ++i)
      on[ev[i]] = (mask >> i) & 1u;
    if (holds(t, on)) sat.push_back(mask);
  }
  std::vector<std::vector<std::size_t>> minimal;
  for (std::uint32_t s : sat) {
    bool is_minimal = std::none_of(sat.begin(), sat.end(),
                                   [&](std::uint32_t o) { return o != s && (o & s) == o; });
    if (!is_minimal) continue;
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < ev.size(); ++i)
      if ((s >> i) & 1u) positions.push_back(i);
    minimal.push_back(positions);
  }
  std::sort(minimal.begin(), minimal.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  std::vector<std::vector<std::string>> out;
  for (const auto& positions : minimal) {
    std::vector<std::string> ids;
    for (std::size_t i : positions)
      ids.push_back(t.nodes[ev[i]].id);
    out.push_back(ids);
  }
  return out;
}

inline Tree random_dag(std::mt19937& rng) {
  Builder b;
  std::uniform_int_distribution<int> n_events(2, 12), n_gates(1, 8), n_kids(1, 4), kind(0, 2);
  std::uniform_real_distribution<double> prob(0.0, 1.0);
  std::vector<std::size_t> nodes;
  int events = n_events(rng);
  std::uniform_int_distribution<int> cost(0, 9);
  for (int i = 0; i < events; ++i) {
    nodes.push_back(b.event("e" + std::to_string(i), prob(rng)));
    b.last().cost = cost(rng);
    b.last().time = cost(rng);
    b.last().skill = cost(rng) % 5 + 1;
  }
  int gates = n_gates(rng);
  std::size_t last = 0;
  for (int g = 0; g < gates; ++g) {
    std::uniform_int_distribution<std::size_t> pick(0, nodes.size() - 1);
    std::vector<std::size_t> kids;
    int k = n_kids(rng);
    for (int i = 0; i < k; ++i)
      kids.push_back(pick(rng));  // repeats make shared nodes
    NodeKind kinds[] = {NodeKind::kOr, NodeKind::kAnd, NodeKind::kSand};
    last = b.gate(kinds[kind(rng)], kids);
    nodes.push_back(last);
  }
  return b.done(last);
}

/// The least, over satisfying assignments, of the bottom-up value of domain d with only the
/// assignment's events available (OR: the best available child; AND, SAND: all needed).
inline double brute_best(const Tree& t, Domain d) {
  std::vector<std::size_t> ev = basic_events(t);
  double best = HUGE_VAL;
  for (std::uint32_t mask = 0; mask < (1u << ev.size()); ++mask) {
    std::vector<double> v(t.nodes.size(), HUGE_VAL);  // HUGE_VAL: not achieved
    for (std::size_t i = 0; i < ev.size(); ++i)
      if ((mask >> i) & 1u)
        v[ev[i]] = *(d == Domain::kTime ? t.nodes[ev[i]].time : t.nodes[ev[i]].skill);
    for (std::size_t n : t.order) {
      const Node& node = t.nodes[n];
      if (!is_gate(node.kind)) continue;
      double acc = node.kind == NodeKind::kOr ? HUGE_VAL : 0;
      for (std::size_t c : node.children) {
        if (node.kind == NodeKind::kOr)
          acc = std::min(acc, v[c]);
        else if (std::isinf(v[c]) || std::isinf(acc))
          acc = HUGE_VAL;
        else
          acc =
              node.kind == NodeKind::kSand && d == Domain::kTime ? acc + v[c] : std::max(acc, v[c]);
      }
      v[n] = acc;
    }
    best = std::min(best, v[t.root]);
  }
  return best;
}

/// The tree's time with only the events of `ids` available (OR min, AND max, SAND sum).
inline double brute_set_time(const Tree& t, const std::vector<std::string>& ids) {
  std::vector<double> v(t.nodes.size(), HUGE_VAL);
  for (std::size_t n : t.order) {
    const Node& node = t.nodes[n];
    if (!is_gate(node.kind)) {
      if (std::find(ids.begin(), ids.end(), node.id) != ids.end()) v[n] = *node.time;
      continue;
    }
    double acc = node.kind == NodeKind::kOr ? HUGE_VAL : 0;
    for (std::size_t c : node.children)
      acc = node.kind == NodeKind::kOr     ? std::min(acc, v[c])
            : node.kind == NodeKind::kSand ? acc + v[c]
                                           : std::max(acc, v[c]);
    v[n] = acc;
  }
  return v[t.root];
}

}  // namespace icsrisk::attacktree::testing
