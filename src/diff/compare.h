#pragma once
// `icsrisk diff`: what changed between two versions of a model (its elements, attribute by
// attribute) and between two analyses (asset rows, scenarios, listed routes), and whether any
// risk got worse — the gate of a change review.

#include <optional>
#include <string>
#include <vector>

#include "diff/snapshot.h"
#include "model/model.h"

namespace icsrisk::diff {

enum class Change { kAdded, kRemoved, kChanged };

/// The kinds of model element the diff compares, in the order it lists them.
enum class ElementKind {
  kZone,
  kNetwork,
  kAsset,
  kFlow,
  kEntry,
  kCountermeasure,  ///< a zone-, network- or system-wide measure of <countermeasures>
  kImpact,
  kScenario,
};

/// The element kind as the model file names it ("asset", "flow", …).
const char* element_kind_name(ElementKind k);

struct AttributeChange {
  std::string name;  ///< the attribute as the model file names it, or "countermeasures" etc.
  std::string before, after;
};

struct ElementChange {
  ElementKind kind = ElementKind::kAsset;
  Change change = Change::kChanged;
  std::string id;    ///< for kCountermeasure "ref" with " @ zone Z" / " @ network N"
  std::string name;  ///< the name in the newer model (the older one for a removed element)
  std::vector<AttributeChange> attributes;  ///< for kChanged: the attributes that differ
};

/// One asset-based row that was added, removed, or whose risk (now or planned) changed.
struct RowChange {
  Change change = Change::kChanged;
  std::optional<AssetRow> before, after;
  bool worse = false;   ///< now or planned risk higher than before (changed rows only)
  bool better = false;  ///< now or planned risk lower than before
};

/// One scenario that was added, removed, whose risk (now or planned) changed, or whose
/// listed routes differ.
struct ScenarioChange {
  Change change = Change::kChanged;
  std::optional<ScenarioRow> before, after;
  std::vector<RouteKey> new_routes;   ///< listed now, not before (by entry + asset sequence)
  std::vector<RouteKey> lost_routes;  ///< listed before, not now
  bool worse = false;                 ///< a risk is higher, or the target became reachable
  bool better = false;                ///< a risk is lower, or the target became unreachable
};

struct Comparison {
  bool models = false;                  ///< whether the inputs were models (elements compared)
  std::vector<ElementChange> elements;  ///< by kind, then older model order, then added ones
  std::vector<RowChange> rows;          ///< in the newer sheet's order, then removed rows
  std::vector<ScenarioChange> scenarios;

  /// Whether any risk of a row or scenario present in both got worse (--fail-on-worse).
  /// Added rows and scenarios have nothing to be worse than and do not count.
  bool worse() const;
};

/// The elements of `after` that differ from `before`, matched by id. Countermeasure lists are
/// compared as sets (their order in the file does not matter). O(elements · log elements).
std::vector<ElementChange> compare_models(const model::Model& before, const model::Model& after);

/// The rows and scenarios of `after` that differ from `before`, matched by identity.
/// O(rows · log rows).
void compare_results(const Snapshot& before, const Snapshot& after, Comparison& out);

}  // namespace icsrisk::diff
