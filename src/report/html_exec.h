#pragma once
// The executive summary at the top of the HTML report (issue 14, item 2): what a plant owner
// reads first — what is at risk, the three most effective things to do, how it was assessed.

#include <cstddef>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/profile.h"
#include "risk/results.h"

namespace icsrisk::report {

/// A planned countermeasure and the asset-based rows whose risk it takes part in lowering.
struct PlannedEffect {
  std::size_t measure = model::kNone;  ///< index into Profile::countermeasures
  std::size_t rows = 0;                ///< rows whose planned risk is lower than the current one
  std::size_t rows_from_ab = 0;        ///< of them, rows now at A or B
  std::size_t levels = 0;              ///< the sum over those rows of the risk steps gained
};

/// The planned countermeasures ranked by effect: rows now at A or B they help lower, then all
/// rows they help lower, then risk steps gained, then profile order. A row lowered by several
/// planned measures together counts for each. Only measures that lower some row. O(rows · m).
std::vector<PlannedEffect> planned_effects(const risk::Results& results);

/// The executive summary as an HTML <section id="executive">: the scenarios now at A or B with
/// their business impact (or a line saying there are none), the worst asset-based rows (up to
/// five), the three planned countermeasures of most effect (planned_effects; or a line saying
/// none is planned), and one line on how the assessment was made. Model text is escaped.
std::string executive_summary_html(const model::Model& model, const model::Profile& profile,
                                   const risk::Results& results, model::Lang lang);

}  // namespace icsrisk::report
