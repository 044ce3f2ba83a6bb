// The results half of `icsrisk diff` (diff/compare.h): rows and scenarios by identity.

#include <map>
#include <set>
#include <tuple>

#include "diff/compare.h"

namespace icsrisk::diff {

namespace {

using RowKey = std::tuple<std::string_view, std::string_view, std::string_view>;

RowKey key_of(const AssetRow& r) {
  return {r.kind, r.target, r.threat};
}

/// Whether the risk went from `a` to a higher `b`; nullopt (no route) is below every risk.
bool rose(const std::optional<Risk>& a, const std::optional<Risk>& b) {
  if (!b) return false;
  return !a || model::worse_than(*b, *a);
}

/// The routes of `of` that `other` does not list, in `of`'s order, each once.
std::vector<RouteKey> missing_from(const std::vector<RouteKey>& of,
                                   const std::vector<RouteKey>& other) {
  std::set<RouteKey> skip(other.begin(), other.end());
  std::vector<RouteKey> out;
  for (const RouteKey& r : of)
    if (skip.insert(r).second) out.push_back(r);
  return out;
}

void compare_rows(const Snapshot& before, const Snapshot& after, Comparison& out) {
  std::map<RowKey, const AssetRow*> then, now;
  for (const AssetRow& r : before.asset_rows)
    then.try_emplace(key_of(r), &r);
  for (const AssetRow& r : after.asset_rows) {
    now.try_emplace(key_of(r), &r);
    auto it = then.find(key_of(r));
    if (it == then.end()) {
      out.rows.push_back({Change::kAdded, std::nullopt, r, false, false});
      continue;
    }
    const AssetRow& b = *it->second;
    if (b.risk == r.risk && b.risk_planned == r.risk_planned) continue;
    out.rows.push_back({Change::kChanged, b, r,
                        rose(b.risk, r.risk) || rose(b.risk_planned, r.risk_planned),
                        rose(r.risk, b.risk) || rose(r.risk_planned, b.risk_planned)});
  }
  for (const AssetRow& r : before.asset_rows)
    if (!now.contains(key_of(r)))
      out.rows.push_back({Change::kRemoved, r, std::nullopt, false, false});
}

void compare_scenarios(const Snapshot& before, const Snapshot& after, Comparison& out) {
  std::map<std::string_view, const ScenarioRow*> then, now;
  for (const ScenarioRow& s : before.scenarios)
    then.try_emplace(s.scenario, &s);
  for (const ScenarioRow& s : after.scenarios) {
    now.try_emplace(s.scenario, &s);
    auto it = then.find(s.scenario);
    if (it == then.end()) {
      out.scenarios.push_back({Change::kAdded, std::nullopt, s, {}, {}, false, false});
      continue;
    }
    const ScenarioRow& b = *it->second;
    ScenarioChange c{Change::kChanged,
                     b,
                     s,
                     missing_from(s.routes, b.routes),
                     missing_from(b.routes, s.routes),
                     rose(b.risk, s.risk) || rose(b.risk_planned, s.risk_planned),
                     rose(s.risk, b.risk) || rose(s.risk_planned, b.risk_planned)};
    if (b.risk == s.risk && b.risk_planned == s.risk_planned && c.new_routes.empty() &&
        c.lost_routes.empty())
      continue;
    out.scenarios.push_back(std::move(c));
  }
  for (const ScenarioRow& s : before.scenarios)
    if (!now.contains(s.scenario))
      out.scenarios.push_back({Change::kRemoved, s, std::nullopt, {}, {}, false, false});
}

}  // namespace

void compare_results(const Snapshot& before, const Snapshot& after, Comparison& out) {
  compare_rows(before, after, out);
  compare_scenarios(before, after, out);
}

}  // namespace icsrisk::diff
