#pragma once
// The plant model (design.md "Model file (XML), version 1") as plain structs.
// Every element keeps its source position; references are kept as ids and, after linking
// (model/validate.h), as indices into the model's vectors (kNone when absent or unresolved).

#include <string>
#include <vector>

#include "core/source.h"
#include "model/id_index.h"
#include "model/profile.h"

namespace icsrisk::model {

enum class Status { kImplemented, kPlanned };

/// A countermeasure placed somewhere in the model.
struct Placement {
  std::string ref;
  Status status = Status::kImplemented;
  Loc loc;
  std::size_t measure = kNone;  ///< index into Profile::countermeasures, after linking
};

struct Zone {
  std::string id;
  std::string name;
  std::string description;
  bool has_purdue_level = false;
  double purdue_level = 0;
  std::vector<Placement> countermeasures;
  Loc loc;
};

struct Network {
  std::string id;
  std::string name;
  std::string description;
  std::string zone;
  Medium medium = Medium::kWired;
  std::vector<Placement> countermeasures;
  Loc loc;
  std::size_t zone_index = kNone;
};

enum class Role { kNone, kUpstream, kDownstream };

struct Connection {
  std::string network;
  Role role = Role::kNone;
  std::string address;
  Loc loc;
  std::size_t network_index = kNone;
};

struct ThreatOverride {
  std::string ref;
  int level = 0;
  Loc loc;
  std::size_t threat = kNone;
};

struct Asset {
  std::string id;
  std::string name;
  std::string description;
  std::string type;
  int importance = 1;
  std::string zone;  ///< explicit zone, or empty
  int count = 1;
  std::string vendor, product, os;
  std::vector<Connection> connects;
  std::vector<Placement> countermeasures;
  std::vector<ThreatOverride> threats;
  Loc loc;
  std::size_t type_index = kNone;
  std::size_t zone_index = kNone;
};

struct Flow {
  std::string id;
  std::string from, to;
  std::string data, protocol, port;
  std::string description;
  std::vector<Placement> countermeasures;
  Loc loc;
  std::size_t from_index = kNone, to_index = kNone;
};

struct Entry {
  std::string id;
  std::string name;
  std::string asset;  ///< exactly one of asset / network is set
  std::string network;
  std::string vector;
  int threat_level = 3;
  Loc loc;
  std::size_t asset_index = kNone, network_index = kNone, vector_index = kNone;
};

/// A zone-wide, network-wide or system-wide countermeasure (the <countermeasures> section).
struct ScopedPlacement {
  Placement placement;
  std::string zone;     ///< empty, or the zone it covers
  std::string network;  ///< empty, or the network it covers
  std::size_t zone_index = kNone, network_index = kNone;
};

struct Scenario {
  std::string id;
  std::string name;
  std::string description;
  std::string target;
  std::string attack;
  std::vector<std::string> bases;  ///< explicit attack bases, or empty
  Loc loc;
  Loc bases_loc;
  std::size_t target_index = kNone, attack_index = kNone;
  std::vector<std::size_t> base_indices;
};

struct Impact {
  std::string id;
  std::string name;
  std::string description;
  int level = 1;
  std::vector<Scenario> scenarios;
  Loc loc;
};

struct Model {
  std::string id;
  std::string name;
  std::string description;
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
};

}  // namespace icsrisk::model
