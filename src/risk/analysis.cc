#include "risk/analysis.h"

#include "risk/asset_analysis.h"
#include "risk/coverage.h"
#include "risk/scenario_analysis.h"

namespace icsrisk::risk {

namespace {

Summary summarize(const Results& r) {
  Summary s;
  for (const AssetRiskRow& row : r.asset_risks) {
    ++s.asset_counts[model::index_of(row.risk)];
    ++s.asset_counts_planned[model::index_of(row.risk_planned)];
  }
  for (const ScenarioRisk& sc : r.scenario_risks) {
    if (sc.risk) ++s.scenario_counts[model::index_of(*sc.risk)];
    if (sc.risk_planned) ++s.scenario_counts_planned[model::index_of(*sc.risk_planned)];
  }
  return s;
}

}  // namespace

Results analyze(const model::Model& model, const model::Profile& profile,
                const AnalysisOptions& options) {
  Results results;
  Coverage coverage(model, profile);
  results.asset_risks = analyze_assets(model, profile, coverage);
  // Business-impact-based analysis (method.md §7).
  results.scenario_risks = analyze_scenarios(model, profile, coverage, options);
  results.summary = summarize(results);
  return results;
}

}  // namespace icsrisk::risk
