#pragma once
// The risks of one analysis by the identities of its rows, so that two runs — of two versions
// of a model, or two results.json files — can be compared, and a run gated against a baseline.
// Row identity: (kind, target id, threat id) for the asset-based sheet; the scenario id for
// the business-impact sheet; entry id + asset sequence for a listed route.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/source.h"
#include "model/model.h"
#include "model/profile.h"
#include "model/risk.h"
#include "risk/results.h"

namespace icsrisk::diff {

using model::Risk;

/// One row of the asset-based sheet.
struct AssetRow {
  std::string kind;    ///< "asset" or "network"
  std::string target;  ///< the asset's or network's id
  std::string threat;  ///< the threat's id
  std::string target_name;
  Risk risk = Risk::kE;
  Risk risk_planned = Risk::kE;
  std::size_t number = 0;  ///< No. in the sheet (1-based)
  core::Loc loc;           ///< where a results.json holds it (unknown for an analysed model)
};

/// A listed route, by its identity: the entry point and the assets the route's steps reach.
struct RouteKey {
  std::string entry;
  std::vector<std::string> assets;
  Risk risk = Risk::kE;

  /// "ep-mail: office-pc → fw-1 → plc-1".
  std::string text() const;
  /// Order and equality by entry and assets (the risk is not part of the identity).
  bool operator<(const RouteKey& o) const;
  bool operator==(const RouteKey& o) const;
};

/// One scenario of the business-impact sheet.
struct ScenarioRow {
  std::string impact;  ///< the impact's id
  std::string scenario;
  std::string name;
  std::optional<Risk> risk;  ///< nullopt: no route reaches the target
  std::optional<Risk> risk_planned;
  std::vector<RouteKey> routes;  ///< the listed routes, in listing order
  core::Loc loc;
};

struct Snapshot {
  std::string system_id;
  std::string system_name;
  std::vector<AssetRow> asset_rows;
  std::vector<ScenarioRow> scenarios;
};

/// The snapshot of an analysis of a linked model. O(rows + listed route steps).
Snapshot snapshot_of(const model::Model& model, const model::Profile& profile,
                     const risk::Results& results);

/// Reads a results.json (design.md "Results (JSON)", format 1) with a streaming parser, so a
/// file of a million rows is never held as a document. Every problem — not JSON, not an
/// icsrisk results.json, a row without its identity or with a risk that is not A–E, a
/// duplicate row — goes to `diags` at its file:line:col (a row's problems at its `{` or the
/// key); nullopt when there was any. Keys icsrisk does not read are ignored.
std::optional<Snapshot> read_results_json(const core::SourceFile& file, core::Diagnostics& diags);

/// Whether `text` looks like JSON (its first non-blank character is `{` or `[`), as opposed
/// to a model file (XML), for commands that take either.
bool looks_like_json(std::string_view text);

}  // namespace icsrisk::diff
