// The routes that cover every attack base (method.md §7 "Routes listed", coverage): per base b
// that some route can use, the route whose final step starts at b and attains the least level
// achievable through b; among those, fewest hops, then entry id, then asset ids.
//
// The least level through b is the least limit L (1..3) at which b can be reached from some
// entry with steps of level ≤ L and b's final step is ≤ L. For each L needed, one forward
// breadth-first search from every entry over the hub graph (never through the target) finds,
// for every asset at once, the fewest-hop walk and, among those, the smallest (entry id, asset
// id sequence): the assets of each layer are ordered by (their parent's position in the layer
// before, their own id), and each asset keeps the first parent to reach it, so its path is the
// smallest. Fewest-hop walks are simple. At most three searches per scenario, O(A + C + F) each.

#include <algorithm>
#include <array>
#include <optional>

#include "risk/scenario_search.h"

namespace icsrisk::risk::detail {

namespace {

/// Per asset, the smallest fewest-hop walk from the attacker with steps ≤ a limit.
struct Walks {
  std::vector<std::size_t> parent;  ///< previous asset; kNone for an entry step's destination
  std::vector<std::size_t> entry;   ///< the walk's entry point
  std::vector<bool> reached;
};

Walks walks_from_entries(const ReachGraph& g, std::size_t target, int limit) {
  const std::size_t a_count = g.model().assets.size();
  const graph::Topology& t = g.topology();
  Walks w;
  w.parent.assign(a_count, kNone);
  w.entry.assign(a_count, kNone);
  w.reached.assign(a_count, false);
  std::vector<bool> hub_seen(t.segment_count(), false);
  // (position of the parent in the layer before, asset): sorting gives the layer's order.
  std::vector<std::pair<std::size_t, std::size_t>> layer;
  auto reach = [&](std::size_t v, std::size_t key, std::size_t parent, std::size_t entry) {
    if (v == target || w.reached[v]) return;
    w.reached[v] = true;
    w.parent[v] = parent;
    w.entry[v] = entry;
    layer.emplace_back(key, v);
  };
  std::vector<std::size_t> order = entries_by_id(g.model());
  for (std::size_t i = 0; i < order.size(); ++i)
    for (std::size_t v : entry_assets(g, order[i], target))
      if (g.entry_level(order[i], v) <= limit) reach(v, i, kNone, order[i]);
  while (!layer.empty()) {
    std::sort(layer.begin(), layer.end(), [&](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : g.rank(a.second) < g.rank(b.second);
    });
    std::vector<std::pair<std::size_t, std::size_t>> current;
    current.swap(layer);
    for (std::size_t i = 0; i < current.size(); ++i) {
      std::size_t x = current[i].second, e = w.entry[x];
      for (const FlowEdge& edge : g.out(x))
        if (edge.level <= limit) reach(edge.other, i, x, e);
      for (std::size_t s : t.segments_of(x)) {
        if (hub_seen[s]) continue;  // its members were reached from an earlier parent
        hub_seen[s] = true;
        for (std::size_t y : t.members(s))
          if (g.segment_level(y) <= limit) reach(y, i, x, e);
      }
    }
  }
  return w;
}

}  // namespace

std::vector<RawRoute> best_per_base(const ReachGraph& g, const FinalSteps& f, int impact_level) {
  std::array<std::optional<Walks>, kUnreached> walks;  // per limit, on demand
  std::vector<RawRoute> out;
  for (std::size_t b = 0; b < f.level.size(); ++b) {
    if (b == f.target || f.level[b] >= kUnreached) continue;
    for (int limit = f.level[b]; limit < kUnreached; ++limit) {
      if (!walks[limit]) walks[limit] = walks_from_entries(g, f.target, limit);
      const Walks& w = *walks[limit];
      if (!w.reached[b]) continue;
      RawRoute r;
      r.entry = w.entry[b];
      for (std::size_t x = b; x != kNone; x = w.parent[x])
        r.assets.push_back(x);
      std::reverse(r.assets.begin(), r.assets.end());
      rate(g, impact_level, r, limit);
      out.push_back(std::move(r));
      break;
    }
  }
  return out;
}

}  // namespace icsrisk::risk::detail
