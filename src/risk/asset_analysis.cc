#include "risk/asset_analysis.h"

#include <algorithm>
#include <cstdint>

namespace icsrisk::risk {

namespace {

/// Fills the countermeasure, vulnerability and risk fields of `row` from the measures in force
/// on its target (method.md §5, §6), now and with the planned measures counted as implemented.
void evaluate(const model::Profile& p, const Countering& countering, AssetRiskRow& row,
              const std::vector<Applied>& applied) {
  std::uint8_t functions = countering.select(applied, row.threat, false, &row.countermeasures);
  std::uint8_t functions_planned = functions;
  for (const Applied& a : applied)  // sorted by measure index: catalogue order
    if (!a.implemented && countering.counts(a.measure, row.threat)) {
      row.planned.push_back(a.measure);
      functions_planned |= static_cast<std::uint8_t>(p.countermeasures[a.measure].function);
    }
  row.countermeasure_level = countermeasure_level(functions);
  row.vulnerability_level = vulnerability_of(row.countermeasure_level);
  row.risk = p.risk_of(row.importance, row.threat_level, row.vulnerability_level);
  row.countermeasure_level_planned = countermeasure_level(functions_planned);
  row.vulnerability_level_planned = vulnerability_of(row.countermeasure_level_planned);
  row.risk_planned = p.risk_of(row.importance, row.threat_level, row.vulnerability_level_planned);
}

int clamp_level(int v) {
  return std::clamp(v, 1, 3);
}

}  // namespace

std::vector<int> network_importance(const model::Model& m, const model::Profile& p) {
  std::vector<int> out(m.networks.size(), 1);
  for (const model::Asset& a : m.assets) {
    // A firewall's importance says how much the firewall matters, not the LAN behind it.
    if (a.type_index != kNone &&
        p.asset_types[a.type_index].category == model::Category::kNetworkDevice)
      continue;
    for (const model::Connection& c : a.connects)
      if (c.network_index != kNone)
        out[c.network_index] = std::max(out[c.network_index], clamp_level(a.importance));
  }
  for (std::size_t n = 0; n < m.networks.size(); ++n)
    if (m.networks[n].importance != 0) out[n] = clamp_level(m.networks[n].importance);
  return out;
}

std::vector<AssetRiskRow> analyze_assets(const model::Model& m, const model::Profile& p,
                                         const Coverage& coverage) {
  // Which threats apply to each asset type and medium, decided once (catalogue order).
  std::vector<std::vector<std::size_t>> by_type(p.asset_types.size());
  for (std::size_t ty = 0; ty < p.asset_types.size(); ++ty)
    for (std::size_t t = 0; t < p.threats.size(); ++t)
      if (p.applies_to_asset(p.threats[t], p.asset_types[ty])) by_type[ty].push_back(t);
  std::vector<std::vector<std::size_t>> by_medium(model::kMediumIds.size());
  for (std::size_t md = 0; md < by_medium.size(); ++md)
    for (std::size_t t = 0; t < p.threats.size(); ++t)
      if (p.applies_to_network(p.threats[t], static_cast<model::Medium>(md)))
        by_medium[md].push_back(t);

  std::size_t total = 0;
  for (const model::Asset& a : m.assets)
    if (a.type_index != kNone) total += by_type[a.type_index].size();
  for (const model::Network& n : m.networks)
    total += by_medium[static_cast<int>(n.medium)].size();

  std::vector<AssetRiskRow> rows;
  rows.reserve(total);
  std::vector<int> override_level(p.threats.size(), 0);
  for (std::size_t ai = 0; ai < m.assets.size(); ++ai) {
    const model::Asset& a = m.assets[ai];
    if (a.type_index == kNone) continue;
    for (const model::ThreatOverride& o : a.threats)
      if (o.threat != kNone) override_level[o.threat] = o.level;
    for (std::size_t t : by_type[a.type_index]) {
      AssetRiskRow& row = rows.emplace_back();
      row.kind = AssetRiskRow::Kind::kAsset;
      row.target = ai;
      row.threat = t;
      row.importance = clamp_level(a.importance);
      row.threat_level =
          clamp_level(override_level[t] != 0 ? override_level[t] : p.threats[t].level);
      evaluate(p, coverage.countering(), row, coverage.asset(ai));
    }
    for (const model::ThreatOverride& o : a.threats)
      if (o.threat != kNone) override_level[o.threat] = 0;
  }
  std::vector<int> importance = network_importance(m, p);
  for (std::size_t ni = 0; ni < m.networks.size(); ++ni) {
    for (std::size_t t : by_medium[static_cast<int>(m.networks[ni].medium)]) {
      AssetRiskRow& row = rows.emplace_back();
      row.kind = AssetRiskRow::Kind::kNetwork;
      row.target = ni;
      row.threat = t;
      row.importance = importance[ni];
      row.threat_level = clamp_level(p.threats[t].level);
      evaluate(p, coverage.countering(), row, coverage.network(ni));
    }
  }
  return rows;
}

}  // namespace icsrisk::risk
