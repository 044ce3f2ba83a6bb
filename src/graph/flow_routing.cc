// Routing of data flows through filtering devices (method.md §7, "Reachability").
//
// On the routing graph (routing_graph.h), for every distinct set of receiver segments one
// reverse BFS gives each node's distance to that set; a flow's path is then read forwards, at
// each layer taking the smallest device id among those that stay on a shortest path from the
// current frontier of segments. Because all shortest paths have the same length, this greedy
// choice yields the lexicographically smallest sequence of device ids.

#include <algorithm>

#include "graph/routing_graph.h"
#include "graph/topology.h"

namespace icsrisk::graph {

using detail::kInf;

void Topology::route_flows(const model::Model& m, const model::Profile& p) {
  const detail::RoutingGraph g = detail::build_routing_graph(m, p, *this);
  auto id_of = [&](std::size_t node) { return m.assets[g.device_asset[node - g.segments]].id; };
  detail::SegmentSets sets(*this, m.assets.size(), g.size());

  routes_.assign(m.flows.size(), FlowRoute{});
  std::vector<std::vector<std::size_t>> by_target;  // receiver set id → flows
  for (std::size_t f = 0; f < m.flows.size(); ++f) {
    const model::Flow& flow = m.flows[f];
    FlowRoute& r = routes_[f];
    if (flow.from_index == flow.to_index && flow.from_index != kNone) {
      r.status = FlowRoute::Status::kSelf;
    } else if (flow.from_index == kNone || flow.to_index == kNone ||
               segments_of(flow.from_index).empty() || segments_of(flow.to_index).empty()) {
      r.status = FlowRoute::Status::kNoNetwork;
    } else if (share_segment(flow.from_index, flow.to_index)) {
      r.status = FlowRoute::Status::kRouted;
    } else {
      std::size_t t = sets.id(flow.to_index);
      if (by_target.size() <= t) by_target.resize(t + 1);
      by_target[t].push_back(f);
    }
  }
  // One reverse BFS per receiver set, stopped once the sender segments of its flows are
  // settled (flows are mostly local): the work follows the part of the graph between senders
  // and receivers, not the whole graph per set.
  detail::BoundedReverseBfs bfs(g.size());
  std::vector<std::size_t> needed;
  detail::PerSenderSet<FlowRoute> cache;  // paths depend only on the sender's segment set
  for (std::size_t target_set = 0; target_set < by_target.size(); ++target_set) {
    const std::vector<std::size_t>& flows = by_target[target_set];
    if (flows.empty()) continue;
    std::vector<std::size_t> targets;
    for (std::size_t s : sets.members(target_set))
      targets.push_back(s);
    needed.clear();
    for (std::size_t f : flows)
      for (std::size_t s : segments_of(m.flows[f].from_index))
        needed.push_back(s);
    bfs.run(g.in, targets, needed);
    cache.clear();
    for (std::size_t f : flows) {
      std::span<const std::size_t> src = segments_of(m.flows[f].from_index);
      std::size_t key = sets.id(m.flows[f].from_index);
      if (const FlowRoute* known = cache.find(key)) {
        routes_[f] = *known;
        continue;
      }
      FlowRoute r;
      std::size_t best = kInf;
      for (std::size_t s : src)
        best = std::min(best, bfs.dist(s));
      if (best == kInf) {
        r.blocker = detail::find_blocker(g, src, targets);
        r.status = r.blocker == kNone ? FlowRoute::Status::kNoPath : FlowRoute::Status::kWrongWay;
      } else {
        r.status = FlowRoute::Status::kRouted;
        std::vector<std::size_t> frontier;
        for (std::size_t s : src)
          if (bfs.dist(s) == best) frontier.push_back(s);
        while (bfs.dist(frontier.front()) > 0) {
          std::size_t pick = kInf;
          for (std::size_t s : frontier)
            for (std::size_t d : g.out[s])
              if (bfs.dist(d) + 1 == bfs.dist(s) && (pick == kInf || id_of(d) < id_of(pick)))
                pick = d;
          r.via.push_back(g.device_asset[pick - g.segments]);
          frontier.clear();
          for (std::size_t s : g.out[pick])
            if (bfs.dist(s) + 1 == bfs.dist(pick)) frontier.push_back(s);
        }
      }
      routes_[f] = cache.insert(key, std::move(r));
    }
  }
}

}  // namespace icsrisk::graph
