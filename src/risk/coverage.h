#pragma once
// Where countermeasures apply (method.md §4 scopes) and the countermeasure level (§5).

#include <cstdint>
#include <vector>

#include "model/model.h"
#include "model/profile.h"

namespace icsrisk::risk {

/// A countermeasure in force at some place: its profile index and whether it is implemented
/// (else only planned).
struct Applied {
  std::size_t measure = model::kNone;
  bool implemented = true;
  friend bool operator==(const Applied&, const Applied&) = default;
};

/// The countermeasure level from the set of functions (bits of model::Function) of the measures
/// counted for one target (method.md §5): 3 if protect is among them and there are at least two
/// functions; 2 if there is at least one; else 1.
int countermeasure_level(std::uint8_t functions);

/// `4 − level` (method.md §2, §5).
inline int vulnerability_of(int countermeasure_level) {
  return 4 - countermeasure_level;
}

/// Which measures count against which threat (method.md §5): a measure counts against a threat
/// when it counters it *and* acts in the threat's stage. The one place this rule is decided; a
/// table built once per profile, O(measures · threats) bits, so a query is one look-up.
class Countering {
 public:
  explicit Countering(const model::Profile& profile);

  /// Whether measure `m` counts against threat `t` (profile indices).
  bool counts(std::size_t m, std::size_t t) const { return table_[m * threats_ + t] != 0; }

  /// The functions of the measures of `applied` that count against `threat`: implemented ones,
  /// and planned ones too when `include_planned`. When `out` is given, appends their profile
  /// indices to it.
  std::uint8_t select(const std::vector<Applied>& applied, std::size_t threat, bool include_planned,
                      std::vector<std::size_t>* out = nullptr) const;

 private:
  const model::Profile& profile_;
  std::size_t threats_;
  std::vector<std::uint8_t> table_;
};

/// The countermeasures in force on every asset and network of a linked model, by scope
/// (method.md §4): an asset gets those on itself, its networks, its zones and the system; a
/// network those on itself, its zone and the system. Each list is sorted by measure index with
/// one entry per measure (implemented wins over planned). Built in O(placements · scope size).
class Coverage {
 public:
  Coverage(const model::Model& model, const model::Profile& profile);

  /// The counting rule of the profile (which measure counts against which threat).
  const Countering& countering() const { return countering_; }

  const std::vector<Applied>& asset(std::size_t a) const { return assets_[a]; }
  const std::vector<Applied>& network(std::size_t n) const { return networks_[n]; }
  /// Measures declared on the network itself (for an entry step from that network, §7).
  const std::vector<Applied>& on_network(std::size_t n) const { return network_own_[n]; }
  /// Measures declared on a flow.
  const std::vector<Applied>& on_flow(std::size_t f) const { return flows_[f]; }
  /// Measures declared on an asset itself (a filtering device's own measures, §4).
  const std::vector<Applied>& on_asset(std::size_t a) const { return asset_own_[a]; }

 private:
  Countering countering_;
  std::vector<std::vector<Applied>> assets_, networks_, network_own_, flows_, asset_own_;
};

/// Merges `more` into the sorted, unique list `into` (implemented wins over planned).
void merge_applied(std::vector<Applied>& into, const std::vector<Applied>& more);

}  // namespace icsrisk::risk
