#pragma once
// The zones-and-conduits overview (IEC 62443-3-2 vocabulary; issue 14 item 3): the model's zones
// and, per pair of zones, the conduit between them — the devices that join the two zones'
// networks and the data flows that pass from one zone to the other, grouped into channels
// (direction, protocol, port). No individual asset appears except the conduit devices.
//
// The overview is computed once (zones_conduits()) and shown as a diagram (report/zones_diagram.h),
// a table (zones_conduits_table()) and the "zones_conduits" member of results.json
// (zones_conduits_json()).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graph/topology.h"
#include "model/model.h"
#include "model/profile.h"
#include "report/tables.h"

namespace icsrisk::report {

/// How zones are grouped into the overview's nodes.
enum class ZoneGrouping {
  kZone,    ///< one group per zone
  kPurdue,  ///< one group per Purdue level (zones without one together): for plants of many zones
};

/// A node of the overview: one zone, the zones of one Purdue level, or what is in no zone.
struct ZoneGroup {
  std::size_t zone = model::kNone;  ///< kZone: index into Model::zones; kNone for "outside"
  bool outside = false;             ///< the assets and networks in no zone
  bool has_level = false;           ///< a Purdue level is known (kPurdue: the group's level)
  double level = 0;
  std::size_t zones = 0;  ///< zones in the group (1 for kZone, 0 for outside)
  std::size_t assets = 0, networks = 0;
};

/// What a conduit device is, by its asset type.
enum class DeviceKind { kFiltering, kOneWay, kNetworkDevice, kHost };

/// An asset connected to networks of both zones of a conduit.
struct ConduitDevice {
  std::size_t asset = model::kNone;
  DeviceKind kind = DeviceKind::kHost;
};

/// The flows of a conduit in one direction over one protocol and port.
struct Channel {
  bool forward = true;  ///< from the conduit's group `a` to `b`
  std::string_view protocol, port;
  std::vector<std::size_t> flows;  ///< indices into Model::flows, ascending
  /// Filtering devices the flows cross (method.md §7 routing): asset indices, ascending, unique.
  std::vector<std::size_t> via;
};

/// The conduit between two groups.
struct Conduit {
  std::size_t a = 0, b = 0;            ///< indices into ZonesConduits::groups, a < b
  std::vector<ConduitDevice> devices;  ///< ascending asset index
  std::vector<Channel> channels;       ///< forward first, then by protocol, then port
  std::size_t flow_count() const;
};

struct ZonesConduits {
  ZoneGrouping grouping = ZoneGrouping::kZone;
  /// In drawing order: Purdue level highest first, groups without a level after, then model
  /// order; "outside" last, present only when something is in no zone.
  std::vector<ZoneGroup> groups;
  std::vector<Conduit> conduits;  ///< ascending (a, b)
};

/// The zone an asset is drawn in (as in the system view): its explicit zone, else the zone of
/// its first network that has one; kNone when none.
std::size_t asset_zone(const model::Model& m, const model::Asset& a);

/// Computes the overview of a linked model. An asset is a conduit device of every pair of groups
/// among its networks' groups; a flow belongs to the conduit of its sender's and receiver's
/// groups when they differ. With `topology`, channels list the filtering devices their flows
/// cross. Unresolved references are skipped. O(A + C + F log F) for A assets, C connections and
/// F flows (plus pairs of groups per multi-zone device).
ZonesConduits zones_conduits(const model::Model& m, const model::Profile& p,
                             const graph::Topology* topology,
                             ZoneGrouping grouping = ZoneGrouping::kZone);

/// A group's name in `lang`: the zone's name, "Purdue level N", or "(outside any zone)".
std::string group_name(const model::Model& m, const ZoneGroup& g, model::Lang lang);

/// The overview as a report table (id "zones-conduits"): one row per channel, a conduit without
/// flows on one row; zones, conduit devices (name and type), direction, protocol, port, data,
/// flow count and the filtering devices crossed.
Table zones_conduits_table(const model::Model& m, const model::Profile& p, const ZonesConduits& z,
                           model::Lang lang);

/// `{"zones": [{id, name, purdue_level, assets, networks}], "conduits": [{zones: [id, id],
/// devices: [{id, kind}], channels: [{from, to, protocol, port, flows: [ids], via: [ids]}]}]}` for
/// results.json, starting at the current position of a JSON text indented by `depth` levels of
/// two spaces; the "outside" group's id is null. Per-zone grouping only. Deterministic.
std::string zones_conduits_json(const model::Model& m, const ZonesConduits& z, int depth);

}  // namespace icsrisk::report
