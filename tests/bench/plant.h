#pragma once
// Internal to the generator (generator*.cc): the synthetic plant in memory before it is
// written as a model file.

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "generator.h"

namespace icsrisk::bench::detail {

inline constexpr std::size_t kNo = static_cast<std::size_t>(-1);

/// What an asset does in the plant; chooses the data and protocol of the flows it sends.
enum class Role : std::uint8_t {
  kOfficePc,
  kMail,
  kProxy,
  kFileServer,
  kDomainController,
  kProduction,
  kLogServer,
  kRelay,
  kPatch,
  kAntiVirus,
  kReplica,
  kScada,
  kStandby,
  kHmi,
  kEws,
  kHistorian,
  kMonitor,
  kNms,
  kController,
  kField,
  kNetDevice,
  kVendorPc,
  kIotDevice,
  kIotServer,
  kErp,
  kHqDc,
};

/// A countermeasure placement.
struct Cm {
  const char* ref;
  bool planned = false;
};

struct Zone {
  std::string id, name;
  const char* level;
  std::vector<Cm> cms;
};

struct Network {
  std::string id, name;
  std::size_t zone;
  const char* medium;
  std::vector<Cm> cms;
};

struct Connect {
  std::size_t net;
  const char* role = nullptr;  ///< "upstream"/"downstream" on one-way gateways
};

struct Asset {
  std::string id, name;
  const char* type;
  Role role;
  int importance;
  int count = 1;
  std::size_t zone = kNo;  ///< explicit zone, or kNo (the zones of its networks)
  const char* vendor = nullptr;
  const char* os = nullptr;
  std::vector<Connect> connects;
  std::vector<Cm> cms;
  std::vector<std::pair<const char*, int>> threats;
  /// Receivers of its flows, each reachable under method.md §7 (same segment, or through
  /// firewalls; one-way gateways only upstream → downstream).
  std::vector<std::size_t> peers;
};

struct Flow {
  std::size_t from, to;
  const char* data;
  const char* protocol;
  std::vector<Cm> cms;
};

struct Entry {
  std::string id, name;
  std::size_t asset = kNo, net = kNo;
  const char* vector;
  int level;
};

/// A placement in the <countermeasures> section: system-wide, or on a zone or a network.
struct Scoped {
  Cm cm;
  std::size_t zone = kNo, net = kNo;
};

struct Scenario {
  std::string id, name;
  std::size_t target;
  const char* attack;
  std::vector<std::size_t> bases;  ///< explicit bases, or empty
};

struct Impact {
  std::string id, name;
  int level;
  std::vector<Scenario> scenarios;
};

/// The assets a scenario may target, per area.
struct Area {
  std::string name;
  std::size_t scada = kNo, historian = kNo, replica = kNo;
  std::vector<std::size_t> plcs, dcs, sis;
};

struct Plant {
  std::vector<Zone> zones;
  std::vector<Network> networks;
  std::vector<Asset> assets;
  std::vector<Flow> flows;
  std::vector<Entry> entries;
  std::vector<Scoped> scoped;
  std::vector<Impact> impacts;
  std::vector<Area> areas;
  std::size_t sites = 0;
};

/// A small deterministic generator (SplitMix64): the standard distributions differ between
/// library implementations, this does not.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [lo, hi].
  int between(int lo, int hi) {
    return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  /// True with probability `percent`/100.
  bool chance(int percent) { return static_cast<int>(next() % 100) < percent; }

 private:
  std::uint64_t state_;
};

/// Zones, networks, assets (with their peers), entry points and scoped countermeasures.
Plant build_plant(const GeneratorOptions& o, Rng& rng);
/// `flows_per_asset` flows from every asset to its peers, in turn.
void add_flows(Plant& p, const GeneratorOptions& o, Rng& rng);
/// `scenarios` scenarios over the areas, each target with at least one sender.
void add_scenarios(Plant& p, const GeneratorOptions& o, Rng& rng);
/// The model file text.
std::string write_xml(const Plant& p, const GeneratorOptions& o);

}  // namespace icsrisk::bench::detail
