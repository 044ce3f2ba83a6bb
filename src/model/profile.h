#pragma once
// The criteria of the method (method.md §2–§5, §7 maps): scales, risk matrix, asset types,
// threat and countermeasure catalogues. All of it is data loaded from a profile file.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/source.h"
#include "model/id_index.h"
#include "model/quant_params.h"
#include "model/risk.h"

namespace icsrisk::model {

using core::Loc;

inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

enum class Lang { kJa, kEn };

/// The highest relative cost a profile measure or a model placement may carry.
inline constexpr int kMaxCost = 1000000;

/// A text in both languages of the reports.
struct Text {
  std::string ja;
  std::string en;
  const std::string& in(Lang lang) const { return lang == Lang::kJa || en.empty() ? ja : en; }
};

enum class Category { kComputer, kController, kNetworkDevice, kFieldDevice, kMedia };
inline constexpr std::array<const char*, 5> kCategoryIds = {
    "computer", "controller", "network-device", "field-device", "media"};

enum class Filtering { kNo, kYes, kOneWay };

enum class Medium { kWired, kWireless, kSerial, kFieldbus };
inline constexpr std::array<const char*, 4> kMediumIds = {"wired", "wireless", "serial",
                                                          "fieldbus"};

enum class Stage : std::uint8_t { kIntrusion = 1, kObjective = 2 };
enum class Function : std::uint8_t { kProtect = 1, kDetect = 2, kMitigate = 4 };
inline constexpr std::array<const char*, 3> kFunctionIds = {"protect", "detect", "mitigate"};

struct ScaleLevel {
  int value = 0;
  Text text;
  bool reconstructed = false;
};

/// One of the four three-level scales; levels indexed by value (1..3).
struct Scale {
  std::string id;
  std::array<ScaleLevel, 4> levels{};  // [0] unused
};

struct AssetType {
  std::string id;
  Text name;
  Category category = Category::kComputer;
  Filtering filtering = Filtering::kNo;  // meaningful for network devices
  bool reconstructed = false;
  Loc loc;
};

struct Threat {
  std::string id;
  Text name;
  Stage stage = Stage::kIntrusion;
  int level = 3;  // default threat level
  /// Raw applies-to tokens: categories, asset type ids, "network", "network:MEDIUM".
  std::vector<std::string> applies_to;
  bool reconstructed = false;
  Loc loc;
};

struct Countermeasure {
  std::string id;
  Text name;
  Function function = Function::kProtect;
  std::uint8_t stages = 0;              // bit set of Stage
  std::vector<std::string> counters;    // threat ids
  std::vector<std::string> attack_ics;  // ATT&CK for ICS mitigation ids
  bool reconstructed = false;
  Loc loc;
  /// Relative cost of one placement (`cost`, 1 … kMaxCost; 1 when absent), for planning.
  int cost = 1;

  bool acts_in(Stage s) const { return (stages & static_cast<std::uint8_t>(s)) != 0; }
};

struct EntryVector {
  std::string id;
  std::string method;  // threat id
  Text name;
  Loc loc;
};

/// A complete profile. Lookups by id are O(1); catalogue order is file order.
struct Profile {
  std::string id;
  std::string name;
  std::string description;
  bool reconstructed = false;  ///< true when any element carries reconstructed="true"

  Scale importance, business_impact, threat, vulnerability;
  /// risk[first][threat][vulnerability], indices 1..3.
  std::array<std::array<std::array<Risk, 4>, 4>, 4> risk{};

  std::vector<AssetType> asset_types;
  std::vector<Threat> threats;
  std::vector<Countermeasure> countermeasures;
  std::vector<EntryVector> vectors;
  std::string lateral_method;

  IdIndex asset_type_index, threat_index, countermeasure_index, vector_index;

  /// The quantitative propagation's parameters (method.md §9; `<quant>`, else the built-in).
  QuantParams quant;

  /// Index of an id, or kNone.
  std::size_t find_asset_type(std::string_view id) const;
  std::size_t find_threat(std::string_view id) const;
  std::size_t find_countermeasure(std::string_view id) const;
  std::size_t find_vector(std::string_view id) const;

  /// Risk for (first axis, threat level, vulnerability level), each 1..3 (method.md §5).
  Risk risk_of(int first, int threat_level, int vulnerability) const {
    return risk[first][threat_level][vulnerability];
  }

  /// Whether a threat applies to an asset of this type (method.md §3 applicability).
  bool applies_to_asset(const Threat& t, const AssetType& type) const;
  /// Whether a threat applies to a network of this medium.
  bool applies_to_network(const Threat& t, Medium medium) const;

  /// Rebuilds the id → index maps from the vectors.
  void reindex();
};

}  // namespace icsrisk::model
