#include "plan/candidates.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "risk/coverage.h"

namespace icsrisk::plan {

namespace {

using Key = std::tuple<ScopeKind, std::size_t, std::size_t>;  // kind, scope, measure

/// Placements the model declares: implemented ones (no candidate) and planned ones (candidates
/// with their own cost), by (kind, scope, measure).
struct Declared {
  std::map<Key, bool> implemented;
  std::map<Key, int> planned_cost;

  void add(const model::Profile& p, ScopeKind kind, std::size_t scope,
           const std::vector<model::Placement>& list) {
    for (const model::Placement& pl : list)
      add(p, kind, scope, pl);
  }
  void add(const model::Profile& p, ScopeKind kind, std::size_t scope, const model::Placement& pl) {
    if (pl.measure == kNone) return;
    Key k{kind, scope, pl.measure};
    if (pl.status == model::Status::kImplemented) {
      implemented[k] = true;
      return;
    }
    int cost = pl.cost != 0 ? pl.cost : p.countermeasures[pl.measure].cost;
    auto [it, fresh] = planned_cost.emplace(k, cost);
    if (!fresh) it->second = std::min(it->second, cost);
  }
};

Declared declared(const model::Model& m, const model::Profile& p) {
  Declared d;
  for (std::size_t i = 0; i < m.assets.size(); ++i)
    d.add(p, ScopeKind::kAsset, i, m.assets[i].countermeasures);
  for (std::size_t i = 0; i < m.flows.size(); ++i)
    d.add(p, ScopeKind::kFlow, i, m.flows[i].countermeasures);
  for (std::size_t i = 0; i < m.networks.size(); ++i)
    d.add(p, ScopeKind::kNetwork, i, m.networks[i].countermeasures);
  for (std::size_t i = 0; i < m.zones.size(); ++i)
    d.add(p, ScopeKind::kZone, i, m.zones[i].countermeasures);
  for (const model::ScopedPlacement& s : m.countermeasures) {
    if (!s.zone.empty())
      d.add(p, ScopeKind::kZone, s.zone_index, s.placement);
    else if (!s.network.empty())
      d.add(p, ScopeKind::kNetwork, s.network_index, s.placement);
    else
      d.add(p, ScopeKind::kSystem, kNone, s.placement);
  }
  return d;
}

/// The threats each scope kind can meet (method.md §6 rows, §7 step methods), as flags.
struct Threats {
  std::vector<char> steps, any;
  std::vector<std::vector<char>> asset;  ///< per asset: its rows' threats and the step methods
};

Threats threats_met(const model::Model& m, const model::Profile& p) {
  Threats t;
  t.steps.assign(p.threats.size(), 0);
  auto mark = [&](std::size_t th) {
    if (th != kNone) t.steps[th] = 1;
  };
  mark(p.find_threat(p.lateral_method));
  for (const model::Entry& e : m.entries)
    if (e.vector_index != kNone) mark(p.find_threat(p.vectors[e.vector_index].method));
  for (const model::Impact& im : m.impacts)
    for (const model::Scenario& s : im.scenarios)
      mark(s.attack_index);
  t.any = t.steps;
  t.asset.assign(m.assets.size(), t.steps);
  for (std::size_t a = 0; a < m.assets.size(); ++a) {
    std::size_t ty = m.assets[a].type_index;
    for (std::size_t th = 0; th < p.threats.size() && ty != kNone; ++th)
      if (p.applies_to_asset(p.threats[th], p.asset_types[ty])) t.asset[a][th] = t.any[th] = 1;
  }
  for (const model::Network& n : m.networks)
    for (std::size_t th = 0; th < p.threats.size(); ++th)
      if (p.applies_to_network(p.threats[th], n.medium)) t.any[th] = 1;
  return t;
}

bool counts_any(const risk::Countering& c, std::size_t measure, const std::vector<char>& threats) {
  for (std::size_t th = 0; th < threats.size(); ++th)
    if (threats[th] && c.counts(measure, th)) return true;
  return false;
}

}  // namespace

std::vector<Candidate> candidates(const model::Model& m, const model::Profile& p) {
  Declared d = declared(m, p);
  Threats t = threats_met(m, p);
  risk::Countering countering(p);
  std::vector<Candidate> out;
  auto consider = [&](ScopeKind kind, std::size_t scope, const std::vector<char>& threats) {
    for (std::size_t ms = 0; ms < p.countermeasures.size(); ++ms) {
      Key k{kind, scope, ms};
      if (d.implemented.count(k) || d.implemented.count({ScopeKind::kSystem, kNone, ms})) continue;
      if (!counts_any(countering, ms, threats)) continue;
      auto planned = d.planned_cost.find(k);
      bool in_model = planned != d.planned_cost.end();
      out.push_back(
          {ms, kind, scope, in_model ? planned->second : p.countermeasures[ms].cost, in_model});
    }
  };
  for (std::size_t i = 0; i < m.assets.size(); ++i)
    consider(ScopeKind::kAsset, i, t.asset[i]);
  for (std::size_t i = 0; i < m.flows.size(); ++i)
    consider(ScopeKind::kFlow, i, t.steps);
  for (std::size_t i = 0; i < m.networks.size(); ++i)
    consider(ScopeKind::kNetwork, i, t.any);
  for (std::size_t i = 0; i < m.zones.size(); ++i)
    consider(ScopeKind::kZone, i, t.any);
  consider(ScopeKind::kSystem, kNone, t.any);
  return out;
}

model::Model with_placements(const model::Model& m, const model::Profile& p,
                             const std::vector<Candidate>& add) {
  model::Model out = m;
  for (const Candidate& c : add) {
    model::Placement pl;
    pl.ref = p.countermeasures[c.measure].id;
    pl.measure = c.measure;
    switch (c.kind) {
      case ScopeKind::kAsset:
        out.assets[c.scope].countermeasures.push_back(pl);
        break;
      case ScopeKind::kFlow:
        out.flows[c.scope].countermeasures.push_back(pl);
        break;
      case ScopeKind::kNetwork:
        out.networks[c.scope].countermeasures.push_back(pl);
        break;
      case ScopeKind::kZone:
        out.zones[c.scope].countermeasures.push_back(pl);
        break;
      case ScopeKind::kSystem:
        out.countermeasures.push_back(model::ScopedPlacement{.placement = pl});
        break;
    }
  }
  return out;
}

std::string_view scope_id(const model::Model& m, const Candidate& c) {
  switch (c.kind) {
    case ScopeKind::kAsset:
      return m.assets[c.scope].id;
    case ScopeKind::kFlow:
      return m.flows[c.scope].id;
    case ScopeKind::kNetwork:
      return m.networks[c.scope].id;
    case ScopeKind::kZone:
      return m.zones[c.scope].id;
    case ScopeKind::kSystem:
      break;
  }
  return {};
}

bool covers_asset(const model::Model& m, const Candidate& c, std::size_t a) {
  switch (c.kind) {
    case ScopeKind::kAsset:
      return c.scope == a;
    case ScopeKind::kFlow:
      return false;
    case ScopeKind::kNetwork:
      return std::any_of(m.assets[a].connects.begin(), m.assets[a].connects.end(),
                         [&](const model::Connection& x) { return x.network_index == c.scope; });
    case ScopeKind::kZone: {
      std::vector<std::size_t> zones = model::zones_of(m, m.assets[a]);
      return std::find(zones.begin(), zones.end(), c.scope) != zones.end();
    }
    case ScopeKind::kSystem:
      return true;
  }
  return false;
}

bool covers_network(const model::Model& m, const Candidate& c, std::size_t n) {
  switch (c.kind) {
    case ScopeKind::kNetwork:
      return c.scope == n;
    case ScopeKind::kZone:
      return m.networks[n].zone_index == c.scope;
    case ScopeKind::kSystem:
      return true;
    default:
      return false;
  }
}

}  // namespace icsrisk::plan
