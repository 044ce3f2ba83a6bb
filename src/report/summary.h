#pragma once
// The summary (design.md "Reports" 5): risk counts per analysis, the top risks, scenarios ranked.

#include <string>
#include <vector>

#include "model/model.h"
#include "model/profile.h"
#include "risk/results.h"

namespace icsrisk::report {

/// Indices of the `n` highest asset rows: by risk (A first), then importance, then threat
/// level (both descending), then row order. O(rows · log n).
std::vector<std::size_t> top_asset_rows(const risk::Results& results, std::size_t n);

/// Indices of the scenario results, highest risk first (unreachable last), then impact level
/// (descending), then model order.
std::vector<std::size_t> ranked_scenarios(const risk::Results& results);

/// The plain-text summary the CLI prints after a run: the profile line, the counts A–E of the
/// asset-based analysis (and after planned measures), of the scenarios, the five highest asset
/// rows and the scenarios ranked. Ends with a newline.
std::string summary_text(const model::Model& model, const model::Profile& profile,
                         const risk::Results& results, model::Lang lang);

/// The name of a row's target (an asset, with ×N for a group, or a network).
std::string row_target_name(const model::Model& model, const risk::AssetRiskRow& row);

}  // namespace icsrisk::report
