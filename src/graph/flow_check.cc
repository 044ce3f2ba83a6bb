// The validation-only direction check (method.md §7: a flow that cannot be routed through a
// one-way device is a validation warning). It needs to know which flows have no directed path,
// not the paths themselves, so it works on the strongly connected components of the routing
// graph: a flow whose sender and receiver segments share a component is routable, and only the
// rest need a search, over the much smaller condensation.

#include <algorithm>

#include "graph/routing_graph.h"
#include "graph/topology.h"

namespace icsrisk::graph {

using detail::kInf;

std::vector<WrongWayFlow> wrong_way_flows(const model::Model& m, const model::Profile& p,
                                          const Segments& segments) {
  const detail::RoutingGraph g = detail::build_routing_graph(m, p, segments);
  std::size_t count = 0;
  const std::vector<std::size_t> comp = detail::strong_components(g.out, count);
  // The condensation, reversed: for each component, the components with an edge into it.
  std::vector<std::vector<std::size_t>> into(count);
  for (std::size_t x = 0; x < g.size(); ++x)
    for (std::size_t y : g.out[x])
      if (comp[x] != comp[y]) into[comp[y]].push_back(comp[x]);
  for (std::vector<std::size_t>& list : into) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }

  // Flows as Topology classifies them; those between segments of one component are routable.
  // The rest are grouped by receiver segment set, as flow_routing.cc groups them.
  auto share_component = [&](std::span<const std::size_t> a, std::span<const std::size_t> b) {
    for (std::size_t x : a)
      for (std::size_t y : b)
        if (comp[x] == comp[y]) return true;
    return false;
  };
  detail::SegmentSets sets(segments, m.assets.size(), g.size());
  std::vector<std::vector<std::size_t>> by_target;  // receiver set id → flows
  for (std::size_t f = 0; f < m.flows.size(); ++f) {
    const model::Flow& flow = m.flows[f];
    if (flow.from_index == kNone || flow.to_index == kNone || flow.from_index == flow.to_index)
      continue;
    std::span<const std::size_t> from = segments.segments_of(flow.from_index);
    std::span<const std::size_t> to = segments.segments_of(flow.to_index);
    if (from.empty() || to.empty() || share_component(from, to)) continue;
    std::size_t t = sets.id(flow.to_index);
    if (by_target.size() <= t) by_target.resize(t + 1);
    by_target[t].push_back(f);
  }

  std::vector<WrongWayFlow> out;
  detail::BoundedReverseBfs bfs(count);
  std::vector<std::size_t> targets, needed;
  detail::PerSenderSet<std::size_t> cache;  // the blocker (or kNone) of each sender set
  for (std::size_t target_set = 0; target_set < by_target.size(); ++target_set) {
    const std::vector<std::size_t>& flows = by_target[target_set];
    if (flows.empty()) continue;
    std::vector<std::size_t> to_segments;
    for (std::size_t s : sets.members(target_set))
      to_segments.push_back(s);
    targets.clear();
    for (std::size_t s : to_segments)
      targets.push_back(comp[s]);
    needed.clear();
    for (std::size_t f : flows)
      for (std::size_t s : segments.segments_of(m.flows[f].from_index))
        needed.push_back(comp[s]);
    bfs.run(into, targets, needed);
    cache.clear();
    for (std::size_t f : flows) {
      std::size_t key = sets.id(m.flows[f].from_index);
      const std::size_t* blocker = cache.find(key);
      if (!blocker) {
        std::span<const std::size_t> from = segments.segments_of(m.flows[f].from_index);
        bool reached = std::any_of(from.begin(), from.end(),
                                   [&](std::size_t s) { return bfs.dist(comp[s]) != kInf; });
        blocker = &cache.insert(key, reached ? kNone : detail::find_blocker(g, from, to_segments));
      }
      if (*blocker != kNone) out.push_back({f, *blocker});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const WrongWayFlow& a, const WrongWayFlow& b) { return a.flow < b.flow; });
  return out;
}

}  // namespace icsrisk::graph
