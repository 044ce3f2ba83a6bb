#pragma once
// The analysis as a list of named stages (style.md: mold's "main reads as a list of passes").

#include <cstddef>

#include "model/model.h"
#include "model/profile.h"
#include "risk/results.h"

namespace icsrisk::risk {

struct AnalysisOptions {
  std::size_t max_routes = 20;  ///< k: routes listed per scenario (--routes)
  std::size_t max_hops = 10;    ///< hop bound of the listed routes (--max-hops)
};

/// Runs both analyses of method.md on a linked, error-free model: the asset-based sheet (§6),
/// then the business-impact scenarios (§7), then the summary counts.
Results analyze(const model::Model& model, const model::Profile& profile,
                const AnalysisOptions& options = {});

}  // namespace icsrisk::risk
