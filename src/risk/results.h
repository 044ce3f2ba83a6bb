#pragma once
// The results of an analysis run (design.md "Results (JSON)"). Every output format is a view
// of this data. Plain data: filled by the analyses in src/risk/, read by src/report/.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/profile.h"

namespace icsrisk::risk {

using model::kNone;
using model::Risk;

/// One row of the asset-based sheet (method.md §6): an (asset or network, threat) pair.
struct AssetRiskRow {
  enum class Kind { kAsset, kNetwork };
  Kind kind = Kind::kAsset;
  std::size_t target = kNone;  ///< index into Model::assets or Model::networks (per kind)
  std::size_t threat = kNone;  ///< index into Profile::threats
  int importance = 1;          ///< the asset's importance, or the network's (method.md §6)
  int threat_level = 1;
  /// Implemented countermeasures that apply to the target, counter the threat and act in its
  /// stage: indices into Profile::countermeasures, in catalogue order, without repeats.
  std::vector<std::size_t> countermeasures;
  /// Planned countermeasures that would count the same way (for the "after" column).
  std::vector<std::size_t> planned;
  int countermeasure_level = 1;
  int vulnerability_level = 3;
  Risk risk = Risk::kE;
  int countermeasure_level_planned = 1;
  int vulnerability_level_planned = 3;
  Risk risk_planned = Risk::kE;
};

/// One step of an attack route (method.md §7).
struct Step {
  std::size_t from = kNone;    ///< asset index; kNone for the attacker (entry step)
  std::size_t to = kNone;      ///< asset index
  std::size_t method = kNone;  ///< threat index
  /// Filtering devices the step's channel crosses (asset indices), in path order.
  std::vector<std::size_t> via;
  std::size_t flow = kNone;                  ///< the flow used, for a flow channel; kNone otherwise
  std::vector<std::size_t> countermeasures;  ///< counted measures (profile indices, sorted)
  int countermeasure_level = 1;
};

struct Route {
  std::size_t entry = kNone;  ///< index into Model::entries
  int threat_level = 1;
  int countermeasure_level = 1;
  int vulnerability_level = 3;
  Risk risk = Risk::kE;
  std::vector<Step> steps;
};

/// The best risk a scenario can reach with every catalogue measure in place everywhere
/// (plan/floors.h), and why: the entry point that holds it there, whose threat level with the
/// impact level and the lowest vulnerability any measures give its routes is the matrix cell.
struct ScenarioFloor {
  Risk risk = Risk::kE;
  std::size_t entry = kNone;  ///< index into Model::entries
  int threat_level = 1;
  int vulnerability_level = 1;
};

/// The business-impact-based result of one scenario (method.md §7).
struct ScenarioRisk {
  std::size_t impact = kNone;    ///< index into Model::impacts
  std::size_t scenario = kNone;  ///< index into that impact's scenarios
  int impact_level = 1;
  /// The scenario risk: the highest over all routes; empty when no entry reaches the target.
  std::optional<Risk> risk;
  std::optional<Risk> risk_planned;
  std::size_t routes_total = 0;
  bool routes_total_exact = true;
  std::vector<Route> routes;  ///< the listed routes (at most k), worst first
  bool truncated = false;     ///< more routes exist than are listed
  /// The scenario's floor, when computed (plan::attach_floors); empty when unreachable.
  std::optional<ScenarioFloor> floor;
};

struct Summary {
  /// Counts of risks A..E (index 0..4) per analysis.
  std::array<std::size_t, 5> asset_counts{};
  std::array<std::size_t, 5> asset_counts_planned{};
  std::array<std::size_t, 5> scenario_counts{};
  std::array<std::size_t, 5> scenario_counts_planned{};  ///< with planned measures in force
};

struct Results {
  std::vector<AssetRiskRow> asset_risks;
  std::vector<ScenarioRisk> scenario_risks;
  Summary summary;
};

}  // namespace icsrisk::risk
