#include "risk/analysis.h"

#include "risk/asset_analysis.h"
#include "risk/coverage.h"
#include "risk/scenario_analysis.h"

namespace icsrisk::risk {

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

Context::Context(const model::Model& model, const model::Profile& profile)
    : model_(model), profile_(profile), coverage_(model, profile), topology_(model, profile) {}

Results analyze(const Context& c, const AnalysisOptions& options) {
  Results results;
  results.asset_risks = analyze_assets(c.model(), c.profile(), c.coverage());
  results.scenario_risks =
      analyze_scenarios(c.model(), c.profile(), c.coverage(), c.topology(), options);
  results.summary = summarize(results);
  return results;
}

Results analyze(const model::Model& model, const model::Profile& profile,
                const AnalysisOptions& options) {
  return analyze(Context(model, profile), options);
}

}  // namespace icsrisk::risk
