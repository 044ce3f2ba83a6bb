#include "plan/whatif.h"

#include <algorithm>

#include "risk/asset_analysis.h"
#include "risk/coverage.h"

namespace icsrisk::plan {

namespace {

int drop(model::Risk before, model::Risk after) {
  return static_cast<int>(model::index_of(after)) - static_cast<int>(model::index_of(before));
}

bool covers_row(const model::Model& m, const Candidate& c, const risk::AssetRiskRow& row) {
  return row.kind == risk::AssetRiskRow::Kind::kAsset ? covers_asset(m, c, row.target)
                                                      : covers_network(m, c, row.target);
}

/// The row's risk with the measures of `add` that reach it counted as implemented (§5, §6).
model::Risk row_risk_with(const risk::Context& c, const risk::AssetRiskRow& row,
                          const std::vector<Candidate>& add) {
  const model::Profile& p = c.profile();
  std::uint8_t functions = 0;
  for (std::size_t m : row.countermeasures)
    functions |= static_cast<std::uint8_t>(p.countermeasures[m].function);
  std::uint8_t before = functions;
  for (const Candidate& x : add)
    if (c.coverage().countering().counts(x.measure, row.threat) && covers_row(c.model(), x, row))
      functions |= static_cast<std::uint8_t>(p.countermeasures[x.measure].function);
  if (functions == before) return row.risk;
  int level = risk::countermeasure_level(functions);
  return p.risk_of(row.importance, row.threat_level, risk::vulnerability_of(level));
}

}  // namespace

WhatIf::WhatIf(const risk::Context& c) : c_(c), refs_(risk::scenario_refs(c.model())) {
  const model::Model& m = c.model();
  const model::Profile& p = c.profile();
  for (const risk::ScenarioValue& v :
       risk::scenario_values(m, p, c.coverage(), c.topology(), /*planned=*/false, refs_))
    scenario_risk_.push_back(v.risk);
  rows_ = risk::analyze_assets(m, p, c.coverage());
  std::vector<std::size_t> common;
  if (std::size_t lateral = p.find_threat(p.lateral_method); lateral != kNone)
    common.push_back(lateral);
  for (const model::Entry& e : m.entries)
    if (e.vector_index != kNone) common.push_back(p.find_threat(p.vectors[e.vector_index].method));
  for (const risk::ScenarioRef& r : refs_) {
    std::vector<std::size_t> methods = common;
    methods.push_back(m.impacts[r.impact].scenarios[r.scenario].attack_index);
    methods_.push_back(std::move(methods));
  }
}

bool WhatIf::scenario_affected(std::size_t i, std::size_t measure) const {
  if (!scenario_risk_[i]) return false;  // unreachable stays unreachable
  return std::any_of(methods_[i].begin(), methods_[i].end(), [&](std::size_t t) {
    return t != kNone && c_.coverage().countering().counts(measure, t);
  });
}

bool WhatIf::row_affected(std::size_t i, const Candidate& c) const {
  return c_.coverage().countering().counts(c.measure, rows_[i].threat) &&
         covers_row(c_.model(), c, rows_[i]);
}

Effect WhatIf::evaluate(const std::vector<Candidate>& add, bool with_rows) const {
  Effect out;
  if (with_rows) {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      model::Risk after = row_risk_with(c_, rows_[i], add);
      if (after == rows_[i].risk) continue;
      out.rows.push_back({i, rows_[i].risk, after});
      out.row_gain += drop(rows_[i].risk, after);
    }
  }
  std::vector<risk::ScenarioRef> which;
  std::vector<std::size_t> index;
  for (std::size_t i = 0; i < refs_.size(); ++i) {
    bool affected = std::any_of(add.begin(), add.end(), [&](const Candidate& x) {
      return scenario_affected(i, x.measure);
    });
    if (!affected) continue;
    which.push_back(refs_[i]);
    index.push_back(i);
  }
  if (which.empty()) return out;
  const model::Model copy = with_placements(c_.model(), c_.profile(), add);
  const risk::Coverage coverage(copy, c_.profile());
  std::vector<risk::ScenarioValue> values =
      risk::scenario_values(copy, c_.profile(), coverage, c_.topology(), false, which);
  for (std::size_t k = 0; k < which.size(); ++k) {
    model::Risk before = *scenario_risk_[index[k]];
    if (!values[k].risk || *values[k].risk == before) continue;
    out.scenarios.push_back({index[k], before, *values[k].risk});
    out.scenario_gain += drop(before, *values[k].risk);
  }
  return out;
}

std::vector<Ranked> rank(const WhatIf& whatif, const std::vector<Candidate>& candidates) {
  std::vector<Ranked> out;
  out.reserve(candidates.size());
  for (const Candidate& c : candidates)
    out.push_back({c, whatif.evaluate({c})});
  std::stable_sort(out.begin(), out.end(), [](const Ranked& a, const Ranked& b) {
    if (a.effect.scenario_gain != b.effect.scenario_gain)
      return a.effect.scenario_gain > b.effect.scenario_gain;
    if (a.effect.row_gain != b.effect.row_gain) return a.effect.row_gain > b.effect.row_gain;
    return a.candidate.cost < b.candidate.cost;
  });
  return out;
}

}  // namespace icsrisk::plan
