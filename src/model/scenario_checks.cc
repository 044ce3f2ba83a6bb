// Checks of scenarios against the method that linking runs (see scenario_checks.h).

#include "model/scenario_checks.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace icsrisk::model {

SegmentIndex::SegmentIndex(const Model& m, const Profile& p) : m_(m) {
  UnionFind uf(m.networks.size());
  for (const Asset& x : m.assets) {
    const AssetType* t = x.type_index == kNone ? nullptr : &p.asset_types[x.type_index];
    if (!t || t->category != Category::kNetworkDevice || t->filtering != Filtering::kNo) continue;
    std::size_t first = kNone;
    for (const Connection& c : x.connects) {
      if (c.network_index == kNone) continue;
      if (first == kNone)
        first = c.network_index;
      else
        uf.join(first, c.network_index);
    }
  }
  segment_.resize(m.networks.size());
  for (std::size_t n = 0; n < segment_.size(); ++n)
    segment_[n] = uf.find(n);
}

bool SegmentIndex::share(std::size_t a, std::size_t b) const {
  for (const Connection& x : m_.assets[a].connects)
    for (const Connection& y : m_.assets[b].connects)
      if (x.network_index != kNone && y.network_index != kNone &&
          segment_[x.network_index] == segment_[y.network_index])
        return true;
  return false;
}

void check_final_attack(const Model& m, const Profile& p, const Scenario& s,
                        core::Diagnostics& diags) {
  if (s.target_index == kNone || s.attack_index == kNone) return;
  std::size_t type = m.assets[s.target_index].type_index;
  if (type == kNone || p.applies_to_asset(p.threats[s.attack_index], p.asset_types[type])) return;
  std::vector<std::string_view> valid;
  for (const Threat& t : p.threats)
    if (p.applies_to_asset(t, p.asset_types[type])) valid.push_back(t.id);
  diags.error(
      core::attribute_loc(s.loc, "attack"),
      fmt::format("attack '{}' does not apply to the target '{}' (asset type '{}'); the "
                  "threats that apply: {}",
                  s.attack, s.target, m.assets[s.target_index].type,
                  valid.empty() ? std::string("none") : fmt::format("{}", fmt::join(valid, ", "))));
}

}  // namespace icsrisk::model
