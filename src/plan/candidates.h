#pragma once
// Candidate countermeasure placements for planning (issue 11): a catalogue measure on an asset,
// a flow, a network, a zone or the whole system — the scopes of the model format (method.md §4).

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/profile.h"

namespace icsrisk::plan {

using model::kNone;

enum class ScopeKind { kAsset, kFlow, kNetwork, kZone, kSystem };
inline constexpr std::array<const char*, 5> kScopeKindIds = {"asset", "flow", "network", "zone",
                                                             "system"};

/// One placement the plan may add.
struct Candidate {
  std::size_t measure = kNone;  ///< index into Profile::countermeasures
  ScopeKind kind = ScopeKind::kSystem;
  std::size_t scope = kNone;  ///< index into assets, flows, networks or zones; kNone for system
  int cost = 1;               ///< the model placement's `cost`, else the profile measure's
  bool in_model = false;      ///< a `planned` placement the model already declares
  friend bool operator==(const Candidate&, const Candidate&) = default;
};

/// Every useful candidate of a linked, error-free model, in a fixed order (scope kind, scope
/// index, measure index): each measure at each scope where it is not implemented yet and where
/// it counts against some threat that scope can meet (an asset-row threat, or the method of a
/// step: entry methods, the lateral method, a scenario's final method; a flow only the latter).
/// A measure already implemented system-wide gives none. Planned placements of the model are
/// candidates with their own `cost`. O(measures · (assets + flows + networks + zones)).
std::vector<Candidate> candidates(const model::Model& model, const model::Profile& profile);

/// A copy of `model` with `add` placed as implemented measures (the copy shares the text; its
/// indices stay those of `model`, so a topology of `model` serves it). O(model size).
model::Model with_placements(const model::Model& model, const model::Profile& profile,
                             const std::vector<Candidate>& add);

/// The id of the candidate's scope ("" for the system).
std::string_view scope_id(const model::Model& model, const Candidate& c);

/// Whether the candidate protects the asset (method.md §4 scopes; a flow protects no asset).
bool covers_asset(const model::Model& model, const Candidate& c, std::size_t asset);
/// Whether the candidate protects the network (itself, its zone, the system).
bool covers_network(const model::Model& model, const Candidate& c, std::size_t network);

}  // namespace icsrisk::plan
