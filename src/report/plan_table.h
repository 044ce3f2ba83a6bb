#pragma once
// The countermeasure ranking of `icsrisk plan` as a report table (対策の優先順位, issue 11): the
// `analyze` report folder shows it in every table format (CSV, Markdown, XLSX, HTML).

#include <cstddef>
#include <vector>

#include "plan/whatif.h"
#include "report/tables.h"

namespace icsrisk::report {

/// Models up to this many assets plus flows get the table in `analyze`: every what-if copies
/// the model, so the ranking grows with candidates × model size (README, "Limitations").
inline constexpr std::size_t kPlanTableModelLimit = 300;
/// Ranked placements shown; the note says how many lower some risk in all.
inline constexpr std::size_t kPlanTableRows = 30;

/// The table "countermeasure-plan": the first kPlanTableRows placements of `ranking` that
/// lower some risk (No., measure, scope, where, cost, scenarios lowered with before → after,
/// asset-based rows lowered, letters gained), in `lang`.
Table plan_table(const plan::WhatIf& whatif, const std::vector<plan::Ranked>& ranking,
                 model::Lang lang);

}  // namespace icsrisk::report
