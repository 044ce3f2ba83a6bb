#pragma once
// A synthetic plant generator for load benchmarks and scale tests (icsrisk_genmodel,
// icsrisk_bench). The plant is shaped like a real one scaled up (design.md model format v1):
// sites, each with an office network, a DMZ, a remote-maintenance line and a wireless net, and
// areas of ~100 assets, each with its own control-information, control and field networks
// behind firewalls; sites meet on a corporate WAN. Every flow is routable under method.md §7.

#include <cstddef>
#include <cstdint>
#include <string>

namespace icsrisk::bench {

struct GeneratorOptions {
  std::size_t assets = 1000;        ///< <asset> elements (at least 36: one site, one area)
  std::size_t flows_per_asset = 3;  ///< flows sent by each asset; total = assets × this
  std::size_t scenarios = 10;       ///< attack scenarios, grouped into business impacts
  std::uint64_t seed = 1;           ///< same options and seed → byte-identical output
  /// Assets per control area (each area adds 3 zones and 2 networks plus a field network per
  /// controller) and per site (each site adds 4 zones and 4 networks): smaller values give
  /// the "many zones / many networks" shapes of the validate benchmark.
  std::size_t area_size = 100;
  std::size_t site_size = 1000;
  /// No names (they default to the ids), no flow data and no indentation: a third of the bytes
  /// per element, the shape of an exported inventory (issue 14 item 6: 98,501 assets and
  /// 154,200 flows in 22 MB), where pugixml's parse is quick and icsrisk's per-element work
  /// weighs more.
  bool compact = false;
};

/// What was generated, for reports.
struct GeneratedModel {
  std::string xml;  ///< the model file text (UTF-8, LF)
  std::size_t zones = 0, networks = 0, assets = 0, flows = 0, entries = 0, impacts = 0,
              scenarios = 0, sites = 0, areas = 0;
};

/// Generates a model that `icsrisk validate` accepts with no errors. Deterministic for the
/// same options. Linear in assets × flows_per_asset (time and memory).
GeneratedModel generate_model(const GeneratorOptions& options);

}  // namespace icsrisk::bench
