#include "risk/coverage.h"

#include <algorithm>

namespace icsrisk::risk {

using model::kNone;

int countermeasure_level(std::uint8_t functions) {
  int count = 0;
  for (std::uint8_t f = functions; f != 0; f &= static_cast<std::uint8_t>(f - 1))
    ++count;
  bool protect = (functions & static_cast<std::uint8_t>(model::Function::kProtect)) != 0;
  if (protect && count >= 2) return 3;
  return count >= 1 ? 2 : 1;
}

Countering::Countering(const model::Profile& p)
    : profile_(p), threats_(p.threats.size()), table_(p.countermeasures.size() * threats_, 0) {
  for (std::size_t m = 0; m < p.countermeasures.size(); ++m) {
    const model::Countermeasure& c = p.countermeasures[m];
    for (const std::string& id : c.counters) {
      std::size_t t = p.find_threat(id);
      if (t != kNone && c.acts_in(p.threats[t].stage)) table_[m * threats_ + t] = 1;
    }
  }
}

std::uint8_t Countering::select(const std::vector<Applied>& applied, std::size_t threat,
                                bool include_planned, std::vector<std::size_t>* out) const {
  std::uint8_t functions = 0;
  for (const Applied& a : applied) {  // sorted by measure index: catalogue order
    if ((!a.implemented && !include_planned) || !counts(a.measure, threat)) continue;
    if (out) out->push_back(a.measure);
    functions |= static_cast<std::uint8_t>(profile_.countermeasures[a.measure].function);
  }
  return functions;
}

void merge_applied(std::vector<Applied>& into, const std::vector<Applied>& more) {
  if (more.empty()) return;
  std::vector<Applied> merged;
  merged.reserve(into.size() + more.size());
  auto i = into.cbegin();
  auto j = more.cbegin();
  while (i != into.cend() || j != more.cend()) {
    if (j == more.cend() || (i != into.cend() && i->measure < j->measure)) {
      merged.push_back(*i++);
    } else if (i == into.cend() || j->measure < i->measure) {
      merged.push_back(*j++);
    } else {
      merged.push_back({i->measure, i->implemented || j->implemented});
      ++i;
      ++j;
    }
  }
  into.swap(merged);
}

namespace {

/// Sorted, unique list of the linked placements (unknown refs are skipped).
std::vector<Applied> applied_of(const std::vector<model::Placement>& placements) {
  std::vector<Applied> out;
  for (const model::Placement& p : placements) {
    if (p.measure == kNone) continue;
    out.push_back({p.measure, p.status == model::Status::kImplemented});
  }
  std::sort(out.begin(), out.end(), [](const Applied& a, const Applied& b) {
    return a.measure != b.measure ? a.measure < b.measure : a.implemented > b.implemented;
  });
  // Keep the first of each measure: implemented sorts before planned.
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Applied& a, const Applied& b) { return a.measure == b.measure; }),
            out.end());
  return out;
}

}  // namespace

Coverage::Coverage(const model::Model& m, const model::Profile& profile) : countering_(profile) {
  std::vector<std::vector<Applied>> zone_own(m.zones.size());
  network_own_.resize(m.networks.size());
  std::vector<Applied> system;
  for (std::size_t z = 0; z < m.zones.size(); ++z)
    zone_own[z] = applied_of(m.zones[z].countermeasures);
  for (std::size_t n = 0; n < m.networks.size(); ++n)
    network_own_[n] = applied_of(m.networks[n].countermeasures);
  for (const model::ScopedPlacement& s : m.countermeasures) {
    if (s.placement.measure == kNone) continue;
    std::vector<Applied> one = applied_of({s.placement});
    if (!s.zone.empty()) {
      if (s.zone_index != kNone) merge_applied(zone_own[s.zone_index], one);
    } else if (!s.network.empty()) {
      if (s.network_index != kNone) merge_applied(network_own_[s.network_index], one);
    } else {
      merge_applied(system, one);
    }
  }
  networks_.resize(m.networks.size());
  for (std::size_t n = 0; n < m.networks.size(); ++n) {
    networks_[n] = network_own_[n];
    std::size_t z = m.networks[n].zone_index;
    if (z != kNone) merge_applied(networks_[n], zone_own[z]);
    merge_applied(networks_[n], system);
  }
  assets_.resize(m.assets.size());
  asset_own_.resize(m.assets.size());
  for (std::size_t a = 0; a < m.assets.size(); ++a) {
    const model::Asset& asset = m.assets[a];
    asset_own_[a] = applied_of(asset.countermeasures);
    std::vector<Applied>& list = assets_[a];
    list = asset_own_[a];
    for (const model::Connection& c : asset.connects)
      if (c.network_index != kNone) merge_applied(list, network_own_[c.network_index]);
    for (std::size_t z : model::zones_of(m, asset))
      merge_applied(list, zone_own[z]);
    merge_applied(list, system);
  }
  flows_.resize(m.flows.size());
  for (std::size_t f = 0; f < m.flows.size(); ++f)
    flows_[f] = applied_of(m.flows[f].countermeasures);
}

}  // namespace icsrisk::risk
