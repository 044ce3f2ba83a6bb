#pragma once
// Internal to src/report: the two risk sheets and the helpers the table builders share.

#include <string>
#include <vector>

#include "report/tables.h"

namespace icsrisk::report {

/// 資産ベースのリスク分析シート from the asset rows (method.md §6).
Table asset_risk_table(const model::Model& m, const model::Profile& p, const risk::Results& results,
                       model::Lang lang);
/// 事業被害ベースのリスク分析シート from the scenario results (method.md §7).
Table impact_risk_table(const model::Model& m, const model::Profile& p,
                        const risk::Results& results, model::Lang lang);

std::string join(const std::vector<std::string>& parts, std::string_view sep);
/// Names of profile measures (catalogue order kept), one per line.
std::string measure_names(const model::Profile& p, const std::vector<std::size_t>& measures,
                          model::Lang lang);
/// An asset's name, with "×N" for a group (count > 1).
std::string group_name(const model::Asset& a);

}  // namespace icsrisk::report
