#pragma once
// The quantitative propagation (method.md §9) in the report tables: a column of the
// business-impact sheet, so every table format (CSV, Markdown, XLSX, HTML) shows it.

#include <vector>

#include "model/model.h"
#include "quant/quant.h"
#include "report/tables.h"
#include "risk/results.h"

namespace icsrisk::report {

/// Appends the column "p(goal) (model estimate)" to the business-impact sheet of `report`
/// (table id "impact-risk"): each scenario's p_goal in its first row, the other rows empty; and
/// a note under the table saying that it is a model estimate with illustrative parameters, not
/// a risk level. `quant` holds one entry per Results::scenario_risks, in that order; the sheet
/// must have been built from the same `results` (one row per listed step, or one for a
/// scenario without route). Does nothing when the report has no such table.
void add_quant_column(Report& report, const risk::Results& results,
                      const std::vector<quant::ScenarioQuant>& quant);

/// The same column on the row source of the business-impact sheet: each row gets its cell as
/// it is made. `results` and `quant` must outlive `report`.
void add_quant_column(ReportSource& report, const risk::Results& results,
                      const std::vector<quant::ScenarioQuant>& quant);

}  // namespace icsrisk::report
