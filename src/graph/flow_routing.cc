// Routing of data flows through filtering devices (method.md §7, "Reachability").
//
// The routing graph has one node per segment and one per filtering device. A device with
// filtering="yes" has edges both ways to each segment of its networks; a one-way device has an
// edge from each segment of its upstream networks and an edge to each segment of its downstream
// networks, so it can only be crossed upstream → downstream. For every distinct set of receiver
// segments one reverse BFS gives each node's distance to that set; a flow's path is then read
// forwards, at each layer taking the smallest device id among those that stay on a shortest path
// from the current frontier of segments. Because all shortest paths have the same length, this
// greedy choice yields the lexicographically smallest sequence of device ids.

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <unordered_map>

#include "graph/topology.h"

namespace icsrisk::graph {

namespace {

constexpr std::size_t kInf = std::numeric_limits<std::size_t>::max();

/// Adjacency of the routing graph; nodes [0, S) are segments, [S, S + D) devices.
struct RoutingGraph {
  std::size_t segments = 0;
  std::vector<std::size_t> device_asset;          // device node - S → asset index
  std::vector<std::vector<std::size_t>> out, in;  // directed edges, targets ascending
  std::vector<std::vector<std::size_t>> both;     // undirected view (roles ignored)
};

struct Crossing {
  std::vector<std::size_t> upstream, downstream;  // segments
};

}  // namespace

void Topology::route_flows(const model::Model& m, const model::Profile& p) {
  (void)p;
  RoutingGraph g;
  g.segments = segment_count_;
  std::vector<Crossing> crossing;
  for (std::size_t a = 0; a < m.assets.size(); ++a) {
    if (!filtering_[a]) continue;
    g.device_asset.push_back(a);
    Crossing c;
    bool one_way = p.asset_types[m.assets[a].type_index].filtering == model::Filtering::kOneWay;
    for (const model::Connection& k : m.assets[a].connects) {
      if (k.network_index == kNone) continue;
      std::size_t s = network_segment_[k.network_index];
      if (!one_way || k.role == model::Role::kUpstream) c.upstream.push_back(s);
      if (!one_way || k.role == model::Role::kDownstream) c.downstream.push_back(s);
    }
    crossing.push_back(std::move(c));
  }
  const std::size_t n = g.segments + g.device_asset.size();
  g.out.resize(n);
  g.in.resize(n);
  g.both.resize(n);
  for (std::size_t d = 0; d < crossing.size(); ++d) {
    std::size_t node = g.segments + d;
    for (std::size_t s : crossing[d].upstream) {
      g.out[s].push_back(node);
      g.in[node].push_back(s);
    }
    for (std::size_t s : crossing[d].downstream) {
      g.out[node].push_back(s);
      g.in[s].push_back(node);
    }
    for (const model::Connection& k : m.assets[g.device_asset[d]].connects) {
      if (k.network_index == kNone) continue;
      g.both[node].push_back(network_segment_[k.network_index]);
      g.both[network_segment_[k.network_index]].push_back(node);
    }
  }
  for (auto* adj : {&g.out, &g.in, &g.both})
    for (auto& list : *adj) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }

  auto id_of = [&](std::size_t node) -> const std::string& {
    return m.assets[g.device_asset[node - g.segments]].id;
  };
  auto bfs = [&](const std::vector<std::vector<std::size_t>>& adj,
                 std::span<const std::size_t> from, std::vector<std::size_t>& dist,
                 std::vector<std::size_t>* parent) {
    dist.assign(n, kInf);
    if (parent) parent->assign(n, kInf);
    std::deque<std::size_t> queue;
    for (std::size_t s : from) {
      dist[s] = 0;
      queue.push_back(s);
    }
    while (!queue.empty()) {
      std::size_t x = queue.front();
      queue.pop_front();
      for (std::size_t y : adj[x]) {
        if (dist[y] != kInf) continue;
        dist[y] = dist[x] + 1;
        if (parent) (*parent)[y] = x;
        queue.push_back(y);
      }
    }
  };
  // A one-way device the undirected shortest path crosses against its roles (for the warning).
  auto blocker = [&](std::span<const std::size_t> from, std::span<const std::size_t> to) {
    std::vector<std::size_t> dist, parent;
    bfs(g.both, from, dist, &parent);
    std::size_t end = kInf;
    for (std::size_t s : to)
      if (dist[s] != kInf && (end == kInf || dist[s] < dist[end])) end = s;
    if (end == kInf) return kNone;
    std::size_t found = kNone;
    for (std::size_t x = end; parent[x] != kInf; x = parent[x]) {
      if (x < g.segments) continue;  // x is a device: parent[x] is its entry segment
      const Crossing& c = crossing[x - g.segments];
      std::size_t next_seg = kNone;
      for (std::size_t y = end; y != x; y = parent[y])
        next_seg = y;
      bool ok = std::count(c.upstream.begin(), c.upstream.end(), parent[x]) > 0 &&
                std::count(c.downstream.begin(), c.downstream.end(), next_seg) > 0;
      if (!ok) found = g.device_asset[x - g.segments];
    }
    return found;
  };

  // Each asset's set of segments gets a small integer id: a single segment is its own index,
  // a larger set is interned once. Flows are grouped by receiver set, and paths cached by
  // sender set, with integer keys (no per-flow allocation).
  std::map<std::vector<std::size_t>, std::size_t> interned;
  std::vector<std::vector<std::size_t>> set_members;  // sets of two or more segments
  std::vector<std::size_t> set_of(m.assets.size(), kInf);
  auto set_id = [&](std::size_t asset) {
    if (set_of[asset] != kInf) return set_of[asset];
    std::span<const std::size_t> segs = segments_of(asset);
    if (segs.size() == 1) return set_of[asset] = segs[0];
    auto [it, fresh] = interned.emplace(std::vector<std::size_t>(segs.begin(), segs.end()),
                                        g.segments + set_members.size());
    if (fresh) set_members.push_back(it->first);
    return set_of[asset] = it->second;
  };

  routes_.assign(m.flows.size(), FlowRoute{});
  std::vector<std::vector<std::size_t>> by_target;  // receiver set id → flows
  for (std::size_t f = 0; f < m.flows.size(); ++f) {
    const model::Flow& flow = m.flows[f];
    FlowRoute& r = routes_[f];
    if (flow.from_index == kNone || flow.to_index == kNone) {
      r.status = FlowRoute::Status::kNoNetwork;
    } else if (flow.from_index == flow.to_index) {
      r.status = FlowRoute::Status::kSelf;
    } else if (segments_of(flow.from_index).empty() || segments_of(flow.to_index).empty()) {
      r.status = FlowRoute::Status::kNoNetwork;
    } else if (share_segment(flow.from_index, flow.to_index)) {
      r.status = FlowRoute::Status::kRouted;
    } else {
      std::size_t t = set_id(flow.to_index);
      if (by_target.size() <= t) by_target.resize(t + 1);
      by_target[t].push_back(f);
    }
  }
  // Reverse BFS from each receiver set, stopped once every sender segment of its flows is
  // settled (flows are mostly local), and reset through the list of touched nodes: the work
  // follows the part of the graph between senders and receivers, not the whole graph per set.
  std::vector<std::size_t> dist(n, kInf), touched, need_stamp(n, kInf);
  std::size_t group = 0;
  auto bounded_bfs = [&](const std::vector<std::size_t>& targets,
                         const std::vector<std::size_t>& flows) {
    for (std::size_t x : touched)
      dist[x] = kInf;
    touched.clear();
    std::size_t needed = 0;
    for (std::size_t f : flows)
      for (std::size_t s : segments_of(m.flows[f].from_index))
        if (need_stamp[s] != group) {
          need_stamp[s] = group;
          ++needed;
        }
    // `touched` is also the BFS queue: nodes are appended in the order they are reached.
    std::size_t stop = kInf;  // the distance of the farthest sender segment, once all are found
    auto reach = [&](std::size_t y, std::size_t d) {
      dist[y] = d;
      touched.push_back(y);
      if (y < g.segments && need_stamp[y] == group && --needed == 0) stop = d;
    };
    for (std::size_t s : targets)
      reach(s, 0);
    for (std::size_t head = 0; head < touched.size(); ++head) {
      std::size_t x = touched[head];
      if (dist[x] >= stop) break;  // every node at distance < stop is settled
      for (std::size_t y : g.in[x])
        if (dist[y] == kInf) reach(y, dist[x] + 1);
    }
    ++group;
  };
  std::vector<std::size_t> cached_at;  // sender set id → index into `cache`, for this group
  std::vector<FlowRoute> cache;
  std::vector<std::size_t> cache_keys;
  for (std::size_t target_set = 0; target_set < by_target.size(); ++target_set) {
    const std::vector<std::size_t>& flows = by_target[target_set];
    if (flows.empty()) continue;
    std::vector<std::size_t> targets;
    if (target_set < g.segments)
      targets.push_back(target_set);
    else
      targets = set_members[target_set - g.segments];
    bounded_bfs(targets, flows);
    // Paths depend only on the sender's segment set: cache them per set.
    for (std::size_t k : cache_keys)
      cached_at[k] = kInf;
    cache_keys.clear();
    cache.clear();
    for (std::size_t f : flows) {
      std::span<const std::size_t> src = segments_of(m.flows[f].from_index);
      std::size_t key = set_id(m.flows[f].from_index);
      if (cached_at.size() <= key) cached_at.resize(key + 1, kInf);
      if (cached_at[key] != kInf) {
        routes_[f] = cache[cached_at[key]];
        continue;
      }
      FlowRoute r;
      std::size_t best = kInf;
      for (std::size_t s : src)
        best = std::min(best, dist[s]);
      if (best == kInf) {
        r.blocker = blocker(src, targets);
        r.status = r.blocker == kNone ? FlowRoute::Status::kNoPath : FlowRoute::Status::kWrongWay;
      } else {
        r.status = FlowRoute::Status::kRouted;
        std::vector<std::size_t> frontier;
        for (std::size_t s : src)
          if (dist[s] == best) frontier.push_back(s);
        while (dist[frontier.front()] > 0) {
          std::size_t pick = kInf;
          for (std::size_t s : frontier)
            for (std::size_t d : g.out[s])
              if (dist[d] + 1 == dist[s] && (pick == kInf || id_of(d) < id_of(pick))) pick = d;
          r.via.push_back(g.device_asset[pick - g.segments]);
          frontier.clear();
          for (std::size_t s : g.out[pick])
            if (dist[s] + 1 == dist[pick]) frontier.push_back(s);
        }
      }
      cached_at[key] = cache.size();
      cache_keys.push_back(key);
      cache.push_back(r);
      routes_[f] = std::move(r);
    }
  }
}

}  // namespace icsrisk::graph
