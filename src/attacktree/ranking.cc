#include "attacktree/ranking.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace icsrisk::attacktree {

namespace {

/// The tree's time with only `on` events available; HUGE_VAL when the root is not reached.
double time_with(const Tree& t, const std::vector<bool>& on) {
  std::vector<double> v(t.nodes.size(), HUGE_VAL);
  for (std::size_t n : t.order) {
    const Node& node = t.nodes[n];
    if (!is_gate(node.kind)) {
      if (on[n]) v[n] = *node.time;
      continue;
    }
    bool is_or = node.kind == NodeKind::kOr;
    double acc = is_or ? HUGE_VAL : 0;
    for (std::size_t c : node.children) {
      if (is_or)
        acc = std::min(acc, v[c]);
      else if (node.kind == NodeKind::kSand)
        acc += v[c];
      else
        acc = std::max(acc, v[c]);
    }
    v[n] = acc;
  }
  return v[t.root];
}

const char* attribute_of(Rank r) {
  return r == Rank::kProbability ? "probability"
         : r == Rank::kCost      ? "cost"
         : r == Rank::kTime      ? "time"
                                 : "pareto";
}

bool has(const Node& n, Rank r) {
  if (r == Rank::kPareto) return n.probability && n.cost;
  return r == Rank::kProbability ? n.probability.has_value()
         : r == Rank::kCost      ? n.cost.has_value()
                                 : n.time.has_value();
}

}  // namespace

const char* rank_name(Rank r) {
  return attribute_of(r);
}

AttackSet attack_set(const Tree& t, const std::vector<std::size_t>& events) {
  AttackSet s;
  std::vector<std::size_t> position(t.nodes.size(), 0);
  std::vector<std::size_t> tree_order = basic_events(t);
  for (std::size_t i = 0; i < tree_order.size(); ++i)
    position[tree_order[i]] = i;
  std::vector<std::size_t> sorted = events;
  std::sort(sorted.begin(), sorted.end(),
            [&](std::size_t a, std::size_t b) { return position[a] < position[b]; });
  double p = 1, cost = 0;
  bool all_p = true, all_cost = true, all_time = true;
  std::vector<bool> on(t.nodes.size(), false);
  for (std::size_t e : sorted) {
    const Node& n = t.nodes[e];
    s.events.push_back(n.id);
    on[e] = true;
    all_p = all_p && n.probability;
    all_cost = all_cost && n.cost;
    all_time = all_time && n.time;
    p *= n.probability.value_or(0);
    cost += n.cost.value_or(0);
  }
  if (all_p) s.probability = p;
  if (all_cost) s.cost = cost;
  if (all_time) s.time = time_with(t, on);
  return s;
}

std::vector<bool> attack_nodes(const Tree& t, const std::vector<std::size_t>& events) {
  std::vector<bool> on(t.nodes.size(), false);
  for (std::size_t e : events)
    on[e] = true;
  for (std::size_t n : t.order) {
    const Node& node = t.nodes[n];
    if (!is_gate(node.kind)) continue;
    bool is_or = node.kind == NodeKind::kOr;
    bool v = !is_or;
    for (std::size_t c : node.children)
      v = is_or ? (v || on[c]) : (v && on[c]);
    on[n] = v;
  }
  return on;
}

/// The Pareto front of (cost ↓, probability ↑) over every set, cheapest first, its first k.
RankedSets pareto_front(const Tree& t, const std::vector<std::size_t>& events,
                        const SetFamily& family, std::size_t k) {
  RankedSets out;
  out.by = Rank::kPareto;
  std::uint64_t count = family.count();
  if (count > kMaxParetoSets) {
    out.not_ranked =
        fmt::format("{} sets, more than the {} the front is drawn from", count, kMaxParetoSets);
    return out;
  }
  std::vector<double> cost(events.size());
  for (std::size_t v = 0; v < events.size(); ++v)
    cost[v] = *t.nodes[events[v]].cost;
  std::vector<std::vector<int>> sets = family.lightest(count, cost, &out.stopped);
  if (out.stopped) {
    out.not_ranked = "the search for the sets stopped at its bound";
    return out;
  }
  struct Point {
    double cost, p;
    std::size_t index;
  };
  std::vector<Point> points;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    double c = 0, p = 1;
    for (int v : sets[i]) {
      c += cost[static_cast<std::size_t>(v)];
      p *= *t.nodes[events[static_cast<std::size_t>(v)]].probability;
    }
    points.push_back({c, p, i});
  }
  std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
    return a.cost != b.cost ? a.cost < b.cost : a.p > b.p;
  });
  double best = -1;
  for (const Point& pt : points) {
    if (pt.p <= best) continue;  // a cheaper (or as cheap) set is at least as likely
    best = pt.p;
    if (out.sets.size() == k) break;
    std::vector<std::size_t> nodes;
    for (int v : sets[pt.index])
      nodes.push_back(events[static_cast<std::size_t>(v)]);
    out.sets.push_back(attack_set(t, nodes));
  }
  return out;
}

RankedSets rank_sets(const Tree& t, const std::vector<std::size_t>& events, const SetFamily& family,
                     Rank by, std::size_t k, std::size_t max_work) {
  RankedSets out;
  out.by = by;
  for (std::size_t e : events)
    if (!has(t.nodes[e], by)) {
      out.not_ranked = fmt::format("'{}' has no {}", t.nodes[e].id,
                                   by == Rank::kPareto ? "probability or cost" : attribute_of(by));
      return out;
    }
  if (by == Rank::kPareto) return pareto_front(t, events, family, k);
  std::vector<double> weight(events.size(), 1);
  std::uint64_t count = family.count();
  if (by == Rank::kTime && count > max_work / std::max<std::size_t>(t.order.size(), 1)) {
    out.not_ranked = fmt::format("{} sets in a tree of {} nodes exceed the work bound of {}", count,
                                 t.order.size(), max_work);
    return out;
  }
  for (std::size_t v = 0; v < events.size(); ++v) {
    const Node& n = t.nodes[events[v]];
    if (by == Rank::kProbability)
      weight[v] = *n.probability > 0 ? -std::log(*n.probability) : HUGE_VAL;
    else if (by == Rank::kCost)
      weight[v] = *n.cost;
  }
  std::size_t want = by == Rank::kTime ? static_cast<std::size_t>(count) : k;
  for (const std::vector<int>& vars : family.lightest(want, weight, &out.stopped)) {
    std::vector<std::size_t> nodes;
    nodes.reserve(vars.size());
    for (int v : vars)
      nodes.push_back(events[static_cast<std::size_t>(v)]);
    out.sets.push_back(attack_set(t, nodes));
  }
  if (by == Rank::kTime && out.stopped) {
    out.sets.clear();
    out.not_ranked = "the search for the sets stopped at its bound";
  } else if (by == Rank::kTime) {
    std::stable_sort(out.sets.begin(), out.sets.end(),
                     [](const AttackSet& a, const AttackSet& b) { return *a.time < *b.time; });
    if (out.sets.size() > k) out.sets.resize(k);
  }
  return out;
}

}  // namespace icsrisk::attacktree
