// Bottleneck (minimax) and fewest-hop searches over the hub graph of scenario_graph.h.
// Nodes: assets [0, A), segment hubs [A, A + S). Edges: u → hub(s) free for each segment s of
// u; hub(s) → v at v's segment level; flow edges u → v at their level; final edges base → target.
// Both searches run backwards from the target; the target is never an intermediate node.

#include <algorithm>
#include <deque>

#include "risk/scenario_search.h"

namespace icsrisk::risk::detail {

std::vector<int> minimax_to_target(const ReachGraph& g, const FinalSteps& f) {
  const std::size_t a_count = g.model().assets.size();
  const graph::Topology& t = g.topology();
  std::vector<int> best(a_count + t.segment_count(), kUnreached);
  std::vector<std::size_t> bucket[kUnreached];  // levels 1..3
  auto relax = [&](std::size_t y, int level) {
    if (level >= best[y]) return;
    best[y] = level;
    bucket[level].push_back(y);
  };
  for (std::size_t b = 0; b < a_count; ++b)
    if (b != f.target && f.level[b] < kUnreached) relax(b, f.level[b]);
  for (int level = 1; level < kUnreached; ++level) {
    // Relaxations never lower a level below the current bucket, so a stack per bucket suffices.
    while (!bucket[level].empty()) {
      std::size_t x = bucket[level].back();
      bucket[level].pop_back();
      if (best[x] != level) continue;
      if (x < a_count) {
        for (const FlowEdge& e : g.in(x))
          if (e.other != f.target) relax(e.other, route_level(level, e.level));
        for (std::size_t s : t.segments_of(x))
          relax(a_count + s, route_level(level, g.segment_level(x)));
      } else {
        for (std::size_t u : t.members(x - a_count))
          if (u != f.target) relax(u, level);
      }
    }
  }
  return best;
}

std::vector<std::size_t> hops_to_target(const ReachGraph& g, const FinalSteps& f, int limit) {
  const std::size_t a_count = g.model().assets.size();
  const graph::Topology& t = g.topology();
  std::vector<std::size_t> hops(a_count + t.segment_count(), kNone);
  std::deque<std::size_t> queue;
  for (std::size_t b = 0; b < a_count; ++b)
    if (b != f.target && f.level[b] <= limit) {
      hops[b] = 1;
      queue.push_back(b);
    }
  // 0-1 BFS: leaving a hub (backwards: reaching a member from a hub) is free.
  while (!queue.empty()) {
    std::size_t x = queue.front();
    queue.pop_front();
    std::size_t h = hops[x];
    if (x < a_count) {
      for (const FlowEdge& e : g.in(x))
        if (e.other != f.target && e.level <= limit && h + 1 < hops[e.other]) {
          hops[e.other] = h + 1;
          queue.push_back(e.other);
        }
      if (g.segment_level(x) <= limit)
        for (std::size_t s : t.segments_of(x))
          if (h + 1 < hops[a_count + s]) {
            hops[a_count + s] = h + 1;
            queue.push_back(a_count + s);
          }
    } else {
      for (std::size_t u : t.members(x - a_count))
        if (u != f.target && h < hops[u]) {
          hops[u] = h;
          queue.push_front(u);
        }
    }
  }
  return hops;
}

int entry_minimax(const ReachGraph& g, const FinalSteps& f, const std::vector<int>& minimax,
                  std::size_t e) {
  int best = kUnreached;
  if (f.self_level < kUnreached && g.entry_method(e) != kNone && entry_reaches(g, e, f.target))
    best = route_level(g.entry_level(e, f.target), f.self_level);  // an attack at the target
  for (std::size_t v : entry_assets(g, e, f.target)) {
    if (minimax[v] >= best) continue;
    best = std::min(best, route_level(g.entry_level(e, v), minimax[v]));
  }
  return best;
}

std::optional<RawRoute> fewest_hops_route(const ReachGraph& g, const FinalSteps& f,
                                          const std::vector<std::size_t>& hops, std::size_t e,
                                          int limit) {
  RawRoute r;
  r.entry = e;
  // Steps left after the entry step: the target itself takes one, its final attack on itself.
  auto left = [&](std::size_t v) { return v == f.target ? std::size_t{1} : hops[v]; };
  std::vector<std::size_t> candidates = entry_assets(g, e, f.target);
  if (f.self_level <= limit && g.entry_method(e) != kNone && entry_reaches(g, e, f.target))
    candidates.push_back(f.target);
  std::size_t first = kNone;
  for (std::size_t v : candidates) {
    if (left(v) == kNone || g.entry_level(e, v) > limit) continue;
    if (first == kNone || left(v) < left(first) ||
        (left(v) == left(first) && g.rank(v) < g.rank(first)))
      first = v;
  }
  if (first == kNone) return std::nullopt;
  r.assets.push_back(first);
  if (first == f.target) return r;
  std::vector<std::pair<std::size_t, int>> steps;
  for (std::size_t x = first; hops[x] > 1;) {
    // The smallest id among the next assets that stay on a fewest-hop walk.
    std::size_t next = kNone;
    g.lateral_steps_from(x, steps);
    for (const auto& [y, level] : steps) {
      if (level > limit || y == f.target || hops[y] == kNone || hops[y] + 1 != hops[x]) continue;
      if (next == kNone || g.rank(y) < g.rank(next)) next = y;
    }
    if (next == kNone) return std::nullopt;  // unreachable: hops are consistent by construction
    r.assets.push_back(next);
    x = next;
  }
  return r;
}

std::vector<std::size_t> entries_by_id(const model::Model& m) {
  std::vector<std::size_t> out(m.entries.size());
  for (std::size_t e = 0; e < out.size(); ++e)
    out[e] = e;
  std::sort(out.begin(), out.end(),
            [&](std::size_t a, std::size_t b) { return m.entries[a].id < m.entries[b].id; });
  return out;
}

void rate(const ReachGraph& g, int impact_level, RawRoute& r, int level) {
  r.level = level;
  r.vulnerability = vulnerability_of(level);
  r.risk =
      g.profile().risk_of(impact_level, g.model().entries[r.entry].threat_level, r.vulnerability);
}

}  // namespace icsrisk::risk::detail
