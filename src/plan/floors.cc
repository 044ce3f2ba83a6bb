#include "plan/floors.h"

#include "plan/candidates.h"
#include "risk/asset_analysis.h"
#include "risk/coverage.h"
#include "risk/scenario_value.h"

namespace icsrisk::plan {

namespace {

std::vector<Candidate> everything(const model::Profile& p) {
  std::vector<Candidate> all;
  for (std::size_t m = 0; m < p.countermeasures.size(); ++m)
    all.push_back({m, ScopeKind::kSystem, kNone, p.countermeasures[m].cost, false});
  return all;
}

}  // namespace

std::vector<std::optional<risk::ScenarioFloor>> scenario_floors(const risk::Context& c) {
  const model::Model full = with_placements(c.model(), c.profile(), everything(c.profile()));
  const risk::Coverage coverage(full, c.profile());
  std::vector<risk::ScenarioValue> values = risk::scenario_values(
      full, c.profile(), coverage, c.topology(), /*planned=*/false, risk::scenario_refs(full));
  std::vector<std::optional<risk::ScenarioFloor>> out;
  for (const risk::ScenarioValue& v : values) {
    if (!v.risk) {
      out.emplace_back();
      continue;
    }
    out.push_back(risk::ScenarioFloor{*v.risk, v.entry, full.entries[v.entry].threat_level,
                                      risk::vulnerability_of(v.level)});
  }
  return out;
}

std::vector<model::Risk> row_floors(const risk::Context& c) {
  const model::Model full = with_placements(c.model(), c.profile(), everything(c.profile()));
  const risk::Coverage coverage(full, c.profile());
  std::vector<model::Risk> out;
  for (const risk::AssetRiskRow& row : risk::analyze_assets(full, c.profile(), coverage))
    out.push_back(row.risk);
  return out;
}

void attach_floors(const risk::Context& c, risk::Results& results) {
  std::vector<std::optional<risk::ScenarioFloor>> floors = scenario_floors(c);
  for (std::size_t i = 0; i < results.scenario_risks.size() && i < floors.size(); ++i)
    results.scenario_risks[i].floor = floors[i];
}

}  // namespace icsrisk::plan
