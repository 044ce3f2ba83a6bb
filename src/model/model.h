#pragma once
// The plant model (design.md "Model file (XML), version 1") as plain structs.
// Every element keeps its source position; references are kept as ids and, after linking
// (model/validate.h), as indices into the model's vectors (kNone when absent or unresolved).
//
// Text fields are views: into Model::text, the model file's text as the XML parser left it
// (every value unescaped and NUL-terminated in place), or into static storage (literals). A
// loaded model of 300,000 flows so makes no allocation per string, and its structs are 40%
// smaller. Code that puts other text into a model must keep that text alive as long as the model.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "model/id_index.h"
#include "model/profile.h"

namespace icsrisk::model {

enum class Status { kImplemented, kPlanned };

/// A countermeasure placed somewhere in the model.
struct Placement {
  std::string_view ref;
  Status status = Status::kImplemented;
  Loc loc;
  std::size_t measure = kNone;  ///< index into Profile::countermeasures, after linking
  int cost = 0;  ///< the `cost` attribute (1 … kMaxCost), 0 when absent (the profile's applies)
};

struct Zone {
  std::string_view id;
  std::string_view name;
  std::string_view description;
  bool has_purdue_level = false;
  double purdue_level = 0;
  std::vector<Placement> countermeasures;
  Loc loc;
};

struct Network {
  std::string_view id;
  std::string_view name;
  std::string_view description;
  std::string_view zone;
  Medium medium = Medium::kWired;
  int importance = 0;  ///< the `importance` attribute (1–3), 0 when absent (method.md §6)
  std::vector<Placement> countermeasures;
  Loc loc;
  std::size_t zone_index = kNone;
};

enum class Role { kNone, kUpstream, kDownstream };

struct Connection {
  std::string_view network;
  Role role = Role::kNone;
  std::string_view address;
  Loc loc;
  std::size_t network_index = kNone;
};

struct ThreatOverride {
  std::string_view ref;
  int level = 0;
  Loc loc;
  std::size_t threat = kNone;
};

struct Asset {
  std::string_view id;
  std::string_view name;
  std::string_view description;
  std::string_view type;
  int importance = 1;
  std::string_view zone;  ///< explicit zone, or empty
  int count = 1;
  std::string_view vendor, product, os;
  std::vector<Connection> connects;
  std::vector<Placement> countermeasures;
  std::vector<ThreatOverride> threats;
  Loc loc;
  std::size_t type_index = kNone;
  std::size_t zone_index = kNone;
};

struct Flow {
  std::string_view id;
  std::string_view from, to;
  std::string_view data, protocol, port;
  std::string_view description;
  std::vector<Placement> countermeasures;
  Loc loc;
  std::size_t from_index = kNone, to_index = kNone;
};

struct Entry {
  std::string_view id;
  std::string_view name;
  std::string_view asset;  ///< exactly one of asset / network is set
  std::string_view network;
  std::string_view vector;
  int threat_level = 3;
  Loc loc;
  std::size_t asset_index = kNone, network_index = kNone, vector_index = kNone;
};

/// A zone-wide, network-wide or system-wide countermeasure (the <countermeasures> section).
struct ScopedPlacement {
  Placement placement;
  std::string_view zone;     ///< empty, or the zone it covers
  std::string_view network;  ///< empty, or the network it covers
  std::size_t zone_index = kNone, network_index = kNone;
};

/// Which assets may make a scenario's final attack, and over which channels (method.md §7).
enum class Access {
  kFlows,    ///< the bases (explicit, else the senders to the target), over flow channels
  kSegment,  ///< also every asset sharing a segment with the target, also over segment channels
};

struct Scenario {
  std::string_view id;
  std::string_view name;
  std::string_view description;
  std::string_view target;
  std::string_view attack;
  std::vector<std::string_view> bases;  ///< explicit attack bases, or empty
  Access access = Access::kFlows;
  Loc loc;
  Loc bases_loc;
  std::size_t target_index = kNone, attack_index = kNone;
  std::vector<std::size_t> base_indices;
};

struct Impact {
  std::string_view id;
  std::string_view name;
  std::string_view description;
  int level = 1;
  std::vector<Scenario> scenarios;
  Loc loc;
};

struct Model {
  std::string_view id;
  std::string_view name;
  std::string_view description;
  std::vector<Zone> zones;
  std::vector<Network> networks;
  std::vector<Asset> assets;
  std::vector<Flow> flows;
  std::vector<Entry> entries;
  std::vector<ScopedPlacement> countermeasures;
  std::vector<Impact> impacts;
  Loc loc;

  /// Ids → indices into zones, networks, assets and flows, filled by link_model (link again
  /// after adding or removing elements).
  IdIndex zone_index, network_index, asset_index, flow_index;

  /// The text the views point into; shared by copies of the model.
  std::shared_ptr<const std::string> text;
};

/// The zones an asset is in (method.md §4 scope rule): its explicit zone, else the zones of the
/// networks it connects to (sorted, unique); none when its `zone` names an unknown zone. Needs a
/// linked model. O(connections of the asset).
std::vector<std::size_t> zones_of(const Model& m, const Asset& a);

}  // namespace icsrisk::model
