#pragma once
// results.json (design.md "Results (JSON)"): the machine-readable result.

#include <functional>
#include <string>
#include <string_view>

#include "attacktree/summary.h"
#include "model/model.h"
#include "model/profile.h"
#include "quant/quant.h"
#include "report/zones_conduits.h"
#include "risk/results.h"

namespace icsrisk::report {

/// The results as JSON text: 2-space indentation, keys in the documented order, each asset row
/// and each route step on one line, LF, a trailing newline. Deterministic; linear in the size
/// of the results (a million rows are written in well under a second).
/// With `trees` (one per entry of Results::scenario_risks, as `icsrisk analyze` passes them),
/// each scenario also gets "tree": the source of the attack tree used for it and its values at
/// the root (attacktree::TreeFigures; n/a as null). With `quant` (likewise one per scenario),
/// each scenario also gets "quant" (method.md §9; report/json_quant.h). With `zones`, the
/// document ends with "zones_conduits" (report/zones_conduits.h, zones_conduits_json()).
std::string results_json(const model::Model& model, const model::Profile& profile,
                         const risk::Results& results,
                         const std::vector<attacktree::TreeFigures>* trees = nullptr,
                         const std::vector<quant::ScenarioQuant>* quant = nullptr,
                         const ZonesConduits* zones = nullptr);

/// Receives consecutive pieces of the JSON text (about 1 MiB each).
using JsonSink = std::function<void(std::string_view)>;

/// The same text as results_json, handed to `sink` in pieces, so a million-row result is never
/// held in memory whole (the CLI streams it to the file).
void write_results_json(const model::Model& model, const model::Profile& profile,
                        const risk::Results& results, const JsonSink& sink,
                        const std::vector<attacktree::TreeFigures>* trees = nullptr,
                        const std::vector<quant::ScenarioQuant>* quant = nullptr,
                        const ZonesConduits* zones = nullptr);

/// Appends `s` as a JSON string literal (quotes included): `"` and backslash escaped, control
/// characters as \uXXXX. Text is passed through as UTF-8 (the loaders reject invalid UTF-8).
void append_json_string(std::string& out, std::string_view s);

}  // namespace icsrisk::report
