#include "report/zones_conduits.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "report/diagram.h"
#include "report/words.h"
#include "report/zones_words.h"

namespace icsrisk::report {

using model::kNone;

std::size_t Conduit::flow_count() const {
  std::size_t n = 0;
  for (const Channel& c : channels)
    n += c.flows.size();
  return n;
}

std::size_t asset_zone(const model::Model& m, const model::Asset& a) {
  if (a.zone_index != kNone) return a.zone_index;
  for (const model::Connection& c : a.connects) {
    if (c.network_index == kNone) continue;
    std::size_t z = m.networks[c.network_index].zone_index;
    if (z != kNone) return z;
  }
  return kNone;
}

namespace {

DeviceKind kind_of(const model::Asset& a, const model::Profile& p) {
  if (a.type_index == kNone) return DeviceKind::kHost;
  const model::AssetType& t = p.asset_types[a.type_index];
  if (t.category != model::Category::kNetworkDevice) return DeviceKind::kHost;
  if (t.filtering == model::Filtering::kOneWay) return DeviceKind::kOneWay;
  if (t.filtering == model::Filtering::kYes) return DeviceKind::kFiltering;
  return DeviceKind::kNetworkDevice;
}

/// The groups and which group each zone is in. Zones are ordered by Purdue level, highest first
/// (zones without one last), then model order — the order of the system view.
class Grouper {
 public:
  Grouper(const model::Model& m, ZoneGrouping grouping, std::vector<ZoneGroup>& groups)
      : groups_(groups), of_zone_(m.zones.size(), kNone) {
    for (std::size_t z : zone_order(m)) {
      const model::Zone& zone = m.zones[z];
      bool same = grouping == ZoneGrouping::kPurdue && !groups_.empty() &&
                  groups_.back().has_level == zone.has_purdue_level &&
                  (!zone.has_purdue_level || groups_.back().level == zone.purdue_level);
      if (!same) {
        ZoneGroup g;
        g.zone = grouping == ZoneGrouping::kZone ? z : kNone;
        g.has_level = zone.has_purdue_level;
        g.level = zone.purdue_level;
        groups_.push_back(g);
      }
      ++groups_.back().zones;
      of_zone_[z] = groups_.size() - 1;
    }
  }

  /// The group of zone `z` (kNone: the outside group, made on first use).
  std::size_t of(std::size_t z) {
    if (z != kNone) return of_zone_[z];
    if (outside_ == kNone) {
      outside_ = groups_.size();
      groups_.push_back({});
      groups_.back().outside = true;
    }
    return outside_;
  }

 private:
  std::vector<ZoneGroup>& groups_;
  std::vector<std::size_t> of_zone_;
  std::size_t outside_ = kNone;
};

using ChannelKey = std::tuple<bool, std::string_view, std::string_view>;

struct Building {
  Conduit conduit;
  std::map<ChannelKey, Channel> channels;
};

Building& conduit_of(std::map<std::pair<std::size_t, std::size_t>, Building>& all, std::size_t a,
                     std::size_t b) {
  Building& c = all[{std::min(a, b), std::max(a, b)}];
  c.conduit.a = std::min(a, b);
  c.conduit.b = std::max(a, b);
  return c;
}

void add_devices(const model::Model& m, const model::Profile& p, Grouper& groups,
                 std::map<std::pair<std::size_t, std::size_t>, Building>& all) {
  std::vector<std::size_t> on;
  for (std::size_t i = 0; i < m.assets.size(); ++i) {
    on.clear();
    for (const model::Connection& c : m.assets[i].connects)
      if (c.network_index != kNone) on.push_back(groups.of(m.networks[c.network_index].zone_index));
    std::sort(on.begin(), on.end());
    on.erase(std::unique(on.begin(), on.end()), on.end());
    for (std::size_t x = 0; x < on.size(); ++x)
      for (std::size_t y = x + 1; y < on.size(); ++y)
        conduit_of(all, on[x], on[y]).conduit.devices.push_back({i, kind_of(m.assets[i], p)});
  }
}

}  // namespace

ZonesConduits zones_conduits(const model::Model& m, const model::Profile& p,
                             const graph::Topology* topology, ZoneGrouping grouping) {
  ZonesConduits out;
  out.grouping = grouping;
  Grouper groups(m, grouping, out.groups);
  std::vector<std::size_t> asset_group(m.assets.size());
  for (std::size_t i = 0; i < m.assets.size(); ++i) {
    asset_group[i] = groups.of(asset_zone(m, m.assets[i]));
    ++out.groups[asset_group[i]].assets;
  }
  for (const model::Network& n : m.networks)
    ++out.groups[groups.of(n.zone_index)].networks;
  std::map<std::pair<std::size_t, std::size_t>, Building> all;
  add_devices(m, p, groups, all);
  for (std::size_t f = 0; f < m.flows.size(); ++f) {
    const model::Flow& flow = m.flows[f];
    if (flow.from_index == kNone || flow.to_index == kNone) continue;
    std::size_t a = asset_group[flow.from_index], b = asset_group[flow.to_index];
    if (a == b) continue;
    Building& c = conduit_of(all, a, b);
    Channel& ch = c.channels[{a < b, flow.protocol, flow.port}];
    ch.forward = a < b;
    ch.protocol = flow.protocol;
    ch.port = flow.port;
    ch.flows.push_back(f);
    if (topology && topology->route(f).routable())
      for (std::size_t d : topology->route(f).via)
        ch.via.push_back(d);
  }
  for (auto& [key, b] : all) {
    // std::map orders forward (true) after backward (false): list the forward channels first.
    for (bool forward : {true, false})
      for (auto& [k, ch] : b.channels) {
        if (std::get<0>(k) != forward) continue;
        std::sort(ch.via.begin(), ch.via.end());
        ch.via.erase(std::unique(ch.via.begin(), ch.via.end()), ch.via.end());
        b.conduit.channels.push_back(std::move(ch));
      }
    out.conduits.push_back(std::move(b.conduit));
  }
  return out;
}

std::string group_name(const model::Model& m, const ZoneGroup& g, model::Lang lang) {
  const ZonesWords& w = zones_words(lang);
  if (g.outside) return std::string(w.outside.view());
  if (g.zone != kNone) return std::string(m.zones[g.zone].name);
  if (!g.has_level) return std::string(w.no_level.view());
  std::string level = fmt::format("{:.2f}", g.level);
  while (level.back() == '0')
    level.pop_back();
  if (level.back() == '.') level.pop_back();
  return fmt::format(fmt::runtime(words(lang).diagram.purdue_level.view()), level);
}

}  // namespace icsrisk::report
