// The routing graph of method.md §7 and the searches on it that the full flow routing
// (flow_routing.cc) and the validation-only direction check (flow_check.cc) share.

#include "graph/routing_graph.h"

#include <algorithm>
#include <deque>

namespace icsrisk::graph {

namespace detail {

RoutingGraph build_routing_graph(const model::Model& m, const model::Profile& p,
                                 const Segments& segments) {
  RoutingGraph g;
  g.segments = segments.segment_count();
  for (std::size_t a = 0; a < m.assets.size(); ++a) {
    if (!segments.is_filtering(a)) continue;
    g.device_asset.push_back(a);
    RoutingGraph::Crossing c;
    bool one_way = p.asset_types[m.assets[a].type_index].filtering == model::Filtering::kOneWay;
    g.has_one_way = g.has_one_way || one_way;
    for (const model::Connection& k : m.assets[a].connects) {
      if (k.network_index == kNone) continue;
      std::size_t s = segments.segment_of_network(k.network_index);
      if (!one_way || k.role == model::Role::kUpstream) c.upstream.push_back(s);
      if (!one_way || k.role == model::Role::kDownstream) c.downstream.push_back(s);
    }
    g.crossing.push_back(std::move(c));
  }
  const std::size_t n = g.segments + g.device_asset.size();
  g.out.resize(n);
  g.in.resize(n);
  g.both.resize(n);
  for (std::size_t d = 0; d < g.crossing.size(); ++d) {
    std::size_t node = g.segments + d;
    for (std::size_t s : g.crossing[d].upstream) {
      g.out[s].push_back(node);
      g.in[node].push_back(s);
    }
    for (std::size_t s : g.crossing[d].downstream) {
      g.out[node].push_back(s);
      g.in[s].push_back(node);
    }
    for (const model::Connection& k : m.assets[g.device_asset[d]].connects) {
      if (k.network_index == kNone) continue;
      std::size_t s = segments.segment_of_network(k.network_index);
      g.both[node].push_back(s);
      g.both[s].push_back(node);
    }
  }
  for (auto* adj : {&g.out, &g.in, &g.both})
    for (auto& list : *adj) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
  return g;
}

std::size_t find_blocker(const RoutingGraph& g, std::span<const std::size_t> from,
                         std::span<const std::size_t> to) {
  // Undirected BFS from the sender's segments, keeping parents.
  std::vector<std::size_t> dist(g.size(), kInf), parent(g.size(), kInf);
  std::deque<std::size_t> queue;
  for (std::size_t s : from) {
    dist[s] = 0;
    queue.push_back(s);
  }
  while (!queue.empty()) {
    std::size_t x = queue.front();
    queue.pop_front();
    for (std::size_t y : g.both[x]) {
      if (dist[y] != kInf) continue;
      dist[y] = dist[x] + 1;
      parent[y] = x;
      queue.push_back(y);
    }
  }
  std::size_t end = kInf;
  for (std::size_t s : to)
    if (dist[s] != kInf && (end == kInf || dist[s] < dist[end])) end = s;
  if (end == kInf) return kNone;
  // Walk the path back; the last device (nearest the sender) crossed against its roles wins.
  std::size_t found = kNone;
  for (std::size_t x = end; parent[x] != kInf; x = parent[x]) {
    if (x < g.segments) continue;  // x is a device: parent[x] is its entry segment
    const RoutingGraph::Crossing& c = g.crossing[x - g.segments];
    std::size_t next_seg = kNone;
    for (std::size_t y = end; y != x; y = parent[y])
      next_seg = y;
    bool ok = std::count(c.upstream.begin(), c.upstream.end(), parent[x]) > 0 &&
              std::count(c.downstream.begin(), c.downstream.end(), next_seg) > 0;
    if (!ok) found = g.device_asset[x - g.segments];
  }
  return found;
}

std::size_t SegmentSets::id(std::size_t asset) {
  if (set_of_[asset] != kInf) return set_of_[asset];
  std::span<const std::size_t> segs = segments_.segments_of(asset);
  if (segs.size() == 1) return set_of_[asset] = segs[0];
  auto [it, fresh] = interned_.emplace(std::vector<std::size_t>(segs.begin(), segs.end()),
                                       first_free_ + larger_.size());
  if (fresh) larger_.push_back(&it->first);
  return set_of_[asset] = it->second;
}

std::span<const std::size_t> SegmentSets::members(std::size_t id) {
  if (id >= first_free_) return *larger_[id - first_free_];
  single_ = id;
  return {&single_, 1};
}

void BoundedReverseBfs::run(const std::vector<std::vector<std::size_t>>& in,
                            std::span<const std::size_t> targets,
                            std::span<const std::size_t> needed) {
  for (std::size_t x : touched_)
    dist_[x] = kInf;
  touched_.clear();
  ++run_;
  std::size_t remaining = 0;
  for (std::size_t x : needed)
    if (need_[x] != run_) {
      need_[x] = run_;
      ++remaining;
    }
  // `touched_` is also the queue: nodes are appended in the order they are reached.
  std::size_t stop = kInf;  // the distance of the farthest needed node, once all are found
  auto reach = [&](std::size_t y, std::size_t d) {
    dist_[y] = d;
    touched_.push_back(y);
    if (need_[y] == run_ && --remaining == 0) stop = d;
  };
  for (std::size_t t : targets)
    if (dist_[t] == kInf) reach(t, 0);
  for (std::size_t head = 0; head < touched_.size(); ++head) {
    std::size_t x = touched_[head];
    if (dist_[x] >= stop) break;  // every node nearer than `stop` is settled
    for (std::size_t y : in[x])
      if (dist_[y] == kInf) reach(y, dist_[x] + 1);
  }
}

}  // namespace detail

}  // namespace icsrisk::graph
