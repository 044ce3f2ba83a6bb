#pragma once
// Internal to src/graph: the routing graph of method.md §7, shared by the full flow routing
// (Topology, flow_routing.cc) and the validation-only direction check (flow_check.cc).
//
// One node per segment and one per filtering device. A device with filtering="yes" has edges
// both ways to each segment of its networks; a one-way device has an edge from each segment of
// its upstream networks and an edge to each segment of its downstream networks, so it can only
// be crossed upstream → downstream. `both` is the undirected view (roles ignored).

#include <cstddef>
#include <limits>
#include <map>
#include <span>
#include <utility>
#include <vector>

#include "graph/topology.h"

namespace icsrisk::graph::detail {

inline constexpr std::size_t kInf = std::numeric_limits<std::size_t>::max();

struct RoutingGraph {
  struct Crossing {
    std::vector<std::size_t> upstream, downstream;  ///< segments it can be entered / left by
  };

  std::size_t segments = 0;                       ///< nodes [0, segments) are segments
  std::vector<std::size_t> device_asset;          ///< device node - segments → asset index
  std::vector<Crossing> crossing;                 ///< per device, as device_asset
  std::vector<std::vector<std::size_t>> out, in;  ///< directed edges, targets ascending
  std::vector<std::vector<std::size_t>> both;     ///< undirected view, ascending

  std::size_t size() const { return out.size(); }
  bool has_one_way = false;  ///< whether any device is one-way (else out == in == both)
};

RoutingGraph build_routing_graph(const model::Model& m, const model::Profile& p,
                                 const Segments& segments);

/// For a flow with no directed path from the segments `from` to the segments `to`: a one-way
/// device that the undirected shortest path crosses against its roles, or kNone when no
/// undirected path exists either (the flow is then kNoPath, not kWrongWay).
std::size_t find_blocker(const RoutingGraph& g, std::span<const std::size_t> from,
                         std::span<const std::size_t> to);

/// A small integer id per distinct set of segments an asset is on: a single segment is its own
/// index, a larger set is interned once (ids from `first_free` on). Lets flows be grouped by
/// receiver set and paths cached by sender set with integer keys (no per-flow allocation).
class SegmentSets {
 public:
  SegmentSets(const Segments& segments, std::size_t assets, std::size_t first_free)
      : segments_(segments), first_free_(first_free), set_of_(assets, kInf) {}

  std::size_t id(std::size_t asset);
  /// The segments of a set id, ascending (valid until the next call).
  std::span<const std::size_t> members(std::size_t id);

 private:
  const Segments& segments_;
  std::size_t first_free_;
  std::vector<std::size_t> set_of_;  ///< per asset, kInf until asked
  std::map<std::vector<std::size_t>, std::size_t> interned_;
  std::vector<const std::vector<std::size_t>*> larger_;  ///< id - first_free → its set
  std::size_t single_ = 0;  ///< what members() of a single segment points at
};

/// Reverse breadth-first search from a set of target nodes along `in` edges, stopped once every
/// node of `needed` is settled: nodes nearer than the farthest needed one get their distance,
/// the others may stay kInf. Reuses its memory between runs, resetting only what it touched, so
/// many small searches on a large graph cost what they visit.
class BoundedReverseBfs {
 public:
  explicit BoundedReverseBfs(std::size_t nodes) : dist_(nodes, kInf), need_(nodes, kInf) {}

  void run(const std::vector<std::vector<std::size_t>>& in, std::span<const std::size_t> targets,
           std::span<const std::size_t> needed);
  std::size_t dist(std::size_t node) const { return dist_[node]; }

 private:
  std::vector<std::size_t> dist_, touched_, need_;
  std::size_t run_ = 0;
};

/// Results keyed by sender segment-set id (SegmentSets) within one group of flows, forgotten
/// between groups in time proportional to what was stored (not to the number of set ids).
template <typename T>
class PerSenderSet {
 public:
  void clear() {
    for (std::size_t k : keys_)
      at_[k] = kInf;
    keys_.clear();
    values_.clear();
  }
  const T* find(std::size_t key) const {
    return key < at_.size() && at_[key] != kInf ? &values_[at_[key]] : nullptr;
  }
  const T& insert(std::size_t key, T value) {
    if (at_.size() <= key) at_.resize(key + 1, kInf);
    at_[key] = values_.size();
    keys_.push_back(key);
    values_.push_back(std::move(value));
    return values_.back();
  }

 private:
  std::vector<std::size_t> at_, keys_;  ///< key → index into values_; the keys stored
  std::vector<T> values_;
};

/// Strongly connected components of the directed graph `out`: a component per node, numbered
/// from 0; `count` receives the number of components. (Boost.Graph, in topology.cc.)
std::vector<std::size_t> strong_components(const std::vector<std::vector<std::size_t>>& out,
                                           std::size_t& count);

}  // namespace icsrisk::graph::detail
