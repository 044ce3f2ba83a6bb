#include "diff/snapshot.h"

#include <tuple>

#include "report/summary.h"

namespace icsrisk::diff {

using model::kNone;

std::string RouteKey::text() const {
  std::string out = entry + ":";
  for (std::size_t i = 0; i < assets.size(); ++i)
    out += (i ? " → " : " ") + assets[i];
  return out;
}

bool RouteKey::operator<(const RouteKey& o) const {
  return std::tie(entry, assets) < std::tie(o.entry, o.assets);
}

bool RouteKey::operator==(const RouteKey& o) const {
  return entry == o.entry && assets == o.assets;
}

namespace {

RouteKey route_key(const model::Model& m, const risk::Route& r) {
  RouteKey k;
  k.entry = r.entry != kNone ? std::string(m.entries[r.entry].id) : std::string();
  for (const risk::Step& s : r.steps)
    k.assets.emplace_back(s.to != kNone ? m.assets[s.to].id : std::string_view());
  k.risk = r.risk;
  return k;
}

}  // namespace

Snapshot snapshot_of(const model::Model& m, const model::Profile& p, const risk::Results& r) {
  Snapshot out;
  out.system_id = m.id;
  out.system_name = m.name;
  out.asset_rows.reserve(r.asset_risks.size());
  for (std::size_t i = 0; i < r.asset_risks.size(); ++i) {
    const risk::AssetRiskRow& row = r.asset_risks[i];
    const bool asset = row.kind == risk::AssetRiskRow::Kind::kAsset;
    AssetRow a;
    a.kind = asset ? "asset" : "network";
    a.target = asset ? m.assets[row.target].id : m.networks[row.target].id;
    a.threat = p.threats[row.threat].id;
    a.target_name = report::row_target_name(m, row);
    a.risk = row.risk;
    a.risk_planned = row.risk_planned;
    a.number = i + 1;
    out.asset_rows.push_back(std::move(a));
  }
  for (const risk::ScenarioRisk& s : r.scenario_risks) {
    const model::Impact& impact = m.impacts[s.impact];
    const model::Scenario& sc = impact.scenarios[s.scenario];
    ScenarioRow row{std::string(impact.id),
                    std::string(sc.id),
                    std::string(sc.name),
                    s.risk,
                    s.risk_planned,
                    {},
                    {}};
    for (const risk::Route& route : s.routes)
      row.routes.push_back(route_key(m, route));
    out.scenarios.push_back(std::move(row));
  }
  return out;
}

bool looks_like_json(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' || c == '[';
  }
  return false;
}

}  // namespace icsrisk::diff
