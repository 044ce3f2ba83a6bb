#pragma once
// The network topology of method.md §7: segments, and the routing of data flows through the
// filtering devices that separate them.
//
// Segments: networks joined by non-filtering network devices (asset type filtering="no") form
// one segment; filtering devices (filtering="yes" or "one-way") do not join the networks they
// connect. Every network device is itself an asset on each network it connects to, so it is a
// member of each of their segments.
//
// Flow routing: a flow u → v between assets that share a segment crosses no device. Otherwise
// it crosses the filtering devices on a shortest path (fewest devices) from a segment of u to a
// segment of v in the graph whose nodes are segments and filtering devices (a device is adjacent
// to the segments of its networks); among several shortest paths, the one whose sequence of
// device ids is lexicographically smallest (byte-wise comparison of the ids). A one-way device
// is crossed only from a network it connects with role="upstream" to one with
// role="downstream". A flow with no such path is unroutable and gives no channel.

#include <cstddef>
#include <span>
#include <vector>

#include "core/diagnostics.h"
#include "model/model.h"
#include "model/profile.h"

namespace icsrisk::graph {

using model::kNone;

/// How one flow is routed (method.md §7).
struct FlowRoute {
  enum class Status {
    kRouted,     ///< routable; `via` lists the crossed filtering devices (maybe none)
    kNoNetwork,  ///< an endpoint is unresolved or connected to no network
    kNoPath,     ///< no chain of networks and devices joins the endpoints, in any direction
    kWrongWay,   ///< joined only against the direction of a one-way device (`blocker`)
    kSelf,       ///< the flow goes from an asset to itself
  };
  Status status = Status::kNoPath;
  /// Filtering devices crossed (asset indices), in path order from sender to receiver.
  std::vector<std::size_t> via;
  /// For kWrongWay: a one-way device the shortest undirected path crosses against its roles.
  std::size_t blocker = kNone;

  bool routable() const { return status == Status::kRouted; }
};

/// The segments of a linked model. Unresolved references (kNone) are ignored, so it can be built
/// after link_model even when that reported errors. O((N + C) α) for N networks and C
/// connections; lookups are O(1).
class Segments {
 public:
  Segments(const model::Model& model, const model::Profile& profile);

  std::size_t segment_count() const { return segment_count_; }
  /// The segment of a network (kNone for an out-of-range index).
  std::size_t segment_of_network(std::size_t network) const {
    return network < network_segment_.size() ? network_segment_[network] : kNone;
  }
  /// The segments an asset is connected to: ascending, unique; empty when it has no network.
  std::span<const std::size_t> segments_of(std::size_t asset) const {
    return {asset_seg_.data() + asset_seg_start_[asset],
            asset_seg_start_[asset + 1] - asset_seg_start_[asset]};
  }
  /// The assets connected to some network of a segment: ascending asset indices.
  std::span<const std::size_t> members(std::size_t segment) const {
    return {seg_asset_.data() + seg_asset_start_[segment],
            seg_asset_start_[segment + 1] - seg_asset_start_[segment]};
  }
  /// Whether the asset's type filters traffic (filtering="yes" or "one-way").
  bool is_filtering(std::size_t asset) const { return filtering_[asset]; }
  /// Whether two assets share a segment (a segment channel joins them). O(segments of both).
  bool share_segment(std::size_t a, std::size_t b) const;

 private:
  std::size_t segment_count_ = 0;
  std::vector<std::size_t> network_segment_;
  std::vector<std::size_t> asset_seg_start_, asset_seg_;
  std::vector<std::size_t> seg_asset_start_, seg_asset_;
  std::vector<bool> filtering_;
};

/// Segments and flow routes of a linked model (unresolved references are ignored, as for
/// Segments). Construction is O((N + C) α + G · (S + D + C)) for N networks, C connections,
/// S segments, D filtering devices and G distinct receiver segment sets among the flows.
class Topology : public Segments {
 public:
  Topology(const model::Model& model, const model::Profile& profile);

  /// The route of flow `f` (index into Model::flows).
  const FlowRoute& route(std::size_t f) const { return routes_[f]; }

 private:
  void route_flows(const model::Model& model, const model::Profile& profile);

  std::vector<FlowRoute> routes_;
};

/// A flow that cannot be routed only because one-way devices let data pass upstream →
/// downstream alone: FlowRoute::Status::kWrongWay and its `blocker`.
struct WrongWayFlow {
  std::size_t flow = kNone;
  std::size_t blocker = kNone;
};

/// The flows Topology would route as kWrongWay, with the same blockers, in flow order; without
/// computing any path: directed reachability between strongly connected components of the
/// routing graph. O(N + C + F + G' · K) for F flows and G' receiver component sets that some
/// flow's sender components do not share, over a condensation of K components.
std::vector<WrongWayFlow> wrong_way_flows(const model::Model& model, const model::Profile& profile,
                                          const Segments& segments);

/// Warns, at each flow's position, about flows that cannot be routed only because a one-way
/// device lets data pass upstream → downstream alone (method.md §7: "a validation warning").
/// Flows that no network path joins at all are already reported by model::link_model.
void report_unroutable_flows(const model::Model& model, const Topology& topology,
                             core::Diagnostics& diags);

/// Reports as above from wrong_way_flows (no routes are computed); for the CLI's load path.
void report_unroutable_flows(const model::Model& model, const model::Profile& profile,
                             core::Diagnostics& diags);

}  // namespace icsrisk::graph
