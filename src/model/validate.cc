#include "model/validate.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.h"
#include "model/scenario_checks.h"

namespace icsrisk::model {

namespace {

class Linker {
 public:
  Linker(Model& m, const Profile& p, core::Diagnostics& d) : m_(m), p_(p), d_(d) {}

  void run() {
    index_all();
    for (Zone& z : m_.zones)
      for (Placement& c : z.countermeasures)
        measure(c);
    for (Network& n : m_.networks) {
      n.zone_index = ref(m_.zone_index, n.zone, n.loc, "zone", "zone", m_.zones);
      for (Placement& c : n.countermeasures)
        measure(c);
    }
    for (Asset& a : m_.assets)
      asset(a);
    // Endpoint look-ups miss the cache on a large model: overlap them by prefetching the
    // slots of the flows a few places ahead.
    constexpr std::size_t kAhead = 8;
    for (std::size_t i = 0; i < m_.flows.size(); ++i) {
      if (i + kAhead < m_.flows.size()) {
        m_.asset_index.prefetch(m_.flows[i + kAhead].from);
        m_.asset_index.prefetch(m_.flows[i + kAhead].to);
      }
      flow(m_.flows[i]);
    }
    for (Entry& e : m_.entries)
      entry(e);
    for (ScopedPlacement& s : m_.countermeasures) {
      measure(s.placement);
      s.zone_index = ref(m_.zone_index, s.zone, s.placement.loc, "zone", "zone", m_.zones);
      s.network_index =
          ref(m_.network_index, s.network, s.placement.loc, "network", "network", m_.networks);
    }
    index_senders();
    std::unordered_map<std::string_view, core::Loc> impact_ids, scenario_ids;
    for (Impact& i : m_.impacts) {
      unique(impact_ids, i.id, i.loc, "business impact");
      for (Scenario& s : i.scenarios) {
        unique(scenario_ids, s.id, s.loc, "scenario");
        scenario(s);
      }
    }
    flows_routable();
    uncovered_assets();
  }

 private:
  void unique(std::unordered_map<std::string_view, core::Loc>& seen, std::string_view id,
              core::Loc loc, const char* what) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, loc);
    if (!inserted) {
      d_.error(core::attribute_loc(loc, "id"), fmt::format("duplicate {} id '{}'", what, id));
      d_.note(core::attribute_loc(it->second, "id"), "first defined here");
    }
  }

  template <typename T>
  void index(std::vector<T>& items, IdIndex& map, const char* what) {
    map.clear();
    map.reserve(items.size());
    constexpr std::size_t kAhead = 8;  // as for the flow endpoints in run()
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i + kAhead < items.size()) map.prefetch(items[i + kAhead].id);
      if (items[i].id.empty()) continue;
      auto [it, inserted] = map.emplace(items[i].id, i);
      if (!inserted) {
        d_.error(core::attribute_loc(items[i].loc, "id"),
                 fmt::format("duplicate {} id '{}'", what, items[i].id));
        d_.note(core::attribute_loc(items[it->second].loc, "id"), "first defined here");
      }
    }
  }

  void index_all() {
    index(m_.zones, m_.zone_index, "zone");
    index(m_.networks, m_.network_index, "network");
    index(m_.assets, m_.asset_index, "asset");
    index(m_.flows, m_.flow_index, "flow");
    IdIndex entries;
    index(m_.entries, entries, "entry");
  }

  template <typename T>
  static std::vector<std::string_view> ids_of(const std::vector<T>& items) {
    std::vector<std::string_view> ids;
    ids.reserve(items.size());
    for (const T& t : items)
      ids.push_back(t.id);
    return ids;
  }

  void unknown(core::Loc loc, const char* attr, const char* kind, std::string_view id,
               const std::vector<std::string_view>& candidates) {
    std::string s = core::closest_match(id, candidates);
    d_.error(core::attribute_loc(loc, attr),
             fmt::format("unknown {} '{}'{}", kind, id,
                         s.empty() ? "" : fmt::format("; did you mean '{}'?", s)));
  }

  /// Resolves an optional reference to a model element; kNone when empty or unknown.
  template <typename T>
  std::size_t ref(const IdIndex& map, std::string_view id, core::Loc loc, const char* attr,
                  const char* kind, const std::vector<T>& items) {
    if (id.empty()) return kNone;
    auto it = map.find(id);
    if (it != map.end()) return it->second;
    unknown(loc, attr, kind, id, ids_of(items));
    return kNone;
  }

  void measure(Placement& c) {
    if (c.ref.empty()) return;
    c.measure = p_.find_countermeasure(c.ref);
    if (c.measure == kNone)
      unknown(c.loc, "ref", "countermeasure", c.ref, ids_of(p_.countermeasures));
  }

  std::size_t threat(std::string_view id, core::Loc loc, const char* attr) {
    if (id.empty()) return kNone;
    std::size_t t = p_.find_threat(id);
    if (t == kNone) unknown(loc, attr, "threat", id, ids_of(p_.threats));
    return t;
  }

  void asset(Asset& a) {
    if (!a.type.empty()) {
      a.type_index = p_.find_asset_type(a.type);
      if (a.type_index == kNone)
        unknown(a.loc, "type", "asset type", a.type, ids_of(p_.asset_types));
    }
    a.zone_index = ref(m_.zone_index, a.zone, a.loc, "zone", "zone", m_.zones);
    const AssetType* type = a.type_index == kNone ? nullptr : &p_.asset_types[a.type_index];
    bool one_way = type && type->filtering == Filtering::kOneWay;
    bool up = false, down = false;
    std::unordered_map<std::string_view, core::Loc> seen;
    for (Connection& c : a.connects) {
      c.network_index = ref(m_.network_index, c.network, c.loc, "network", "network", m_.networks);
      if (!c.network.empty()) {
        // One connection cannot repeat: no map (and no allocation) for most assets.
        auto [it, inserted] =
            a.connects.size() > 1 ? seen.emplace(c.network, c.loc) : std::pair{seen.end(), true};
        if (!inserted)
          d_.warning(core::attribute_loc(c.loc, "network"),
                     fmt::format("asset '{}' connects to network '{}' twice", a.id, c.network));
      }
      up = up || c.role == Role::kUpstream;
      down = down || c.role == Role::kDownstream;
      if (c.role != Role::kNone && type && !one_way)
        d_.error(core::attribute_loc(c.loc, "role"),
                 fmt::format("'role' applies only to one-way gateways; asset '{}' is a '{}'", a.id,
                             a.type));
    }
    if (one_way && (!up || !down))
      d_.error(a.loc, fmt::format("one-way gateway '{}' needs a <connect role=\"upstream\"/> and a "
                                  "<connect role=\"downstream\"/>",
                                  a.id));
    if (a.connects.empty() && type && type->category != Category::kMedia)
      d_.warning(a.loc, fmt::format("asset '{}' is connected to no network", a.id));
    for (Placement& c : a.countermeasures)
      measure(c);
    std::unordered_map<std::string_view, core::Loc> overridden;
    for (ThreatOverride& t : a.threats) {
      if (!t.ref.empty() && a.threats.size() > 1) {
        auto [it, inserted] = overridden.emplace(t.ref, t.loc);
        if (!inserted) {
          d_.error(core::attribute_loc(t.loc, "ref"),
                   fmt::format("asset '{}' overrides threat '{}' twice", a.id, t.ref));
          d_.note(core::attribute_loc(it->second, "ref"), "first defined here");
        }
      }
      t.threat = threat(t.ref, t.loc, "ref");
      if (t.threat != kNone && type && !p_.applies_to_asset(p_.threats[t.threat], *type))
        d_.warning(core::attribute_loc(t.loc, "ref"),
                   fmt::format("threat '{}' does not apply to asset type '{}'; the override has no "
                               "effect",
                               t.ref, a.type));
    }
  }

  void flow(Flow& f) {
    f.from_index = ref(m_.asset_index, f.from, f.loc, "from", "asset", m_.assets);
    f.to_index = ref(m_.asset_index, f.to, f.loc, "to", "asset", m_.assets);
    if (!f.from.empty() && f.from == f.to)
      d_.error(core::attribute_loc(f.loc, "to"),
               fmt::format("flow '{}' goes from asset '{}' to itself", f.id, f.from));
    for (Placement& c : f.countermeasures)
      measure(c);
  }

  void entry(Entry& e) {
    e.asset_index = ref(m_.asset_index, e.asset, e.loc, "asset", "asset", m_.assets);
    e.network_index = ref(m_.network_index, e.network, e.loc, "network", "network", m_.networks);
    if (!e.vector.empty()) {
      e.vector_index = p_.find_vector(e.vector);
      if (e.vector_index == kNone) {
        std::vector<std::string_view> valid = ids_of(p_.vectors);
        std::string s = core::closest_match(e.vector, valid);
        d_.error(core::attribute_loc(e.loc, "vector"),
                 fmt::format("unknown entry vector '{}' (the profile's vectors: {}){}", e.vector,
                             fmt::join(valid, ", "),
                             s.empty() ? "" : fmt::format("; did you mean '{}'?", s)));
      }
    }
  }

  void scenario(Scenario& s) {
    s.target_index = ref(m_.asset_index, s.target, s.loc, "target", "asset", m_.assets);
    s.attack_index = threat(s.attack, s.loc, "attack");
    check_final_attack(m_, p_, s, d_);
    if (s.bases.empty() && s.access == Access::kFlows && s.target_index != kNone &&
        !has_sender_[s.target_index])
      d_.warning(core::attribute_loc(s.loc, "target"),
                 fmt::format("scenario '{}' has no attack base: no data flow goes to its target "
                             "'{}' and it names no bases",
                             s.id, s.target));
    core::AttributeTokens bases(s.loc, "bases");
    for (std::string_view b : s.bases) {
      auto it = m_.asset_index.find(b);
      if (it == m_.asset_index.end()) {
        std::string sug = core::closest_match(b, ids_of(m_.assets));
        d_.error(bases.find(b),
                 fmt::format("unknown asset '{}'{}", b,
                             sug.empty() ? "" : fmt::format("; did you mean '{}'?", sug)));
        continue;
      }
      s.base_indices.push_back(it->second);
      if (s.target_index == kNone) continue;
      if (it->second == s.target_index) {
        d_.error(bases.find(b), fmt::format("attack base '{}' is the scenario's target itself", b));
        continue;
      }
      if (!std::binary_search(flow_pairs_.begin(), flow_pairs_.end(),
                              std::pair<std::size_t, std::size_t>{it->second, s.target_index}) &&
          !(s.access == Access::kSegment && segments().share(it->second, s.target_index)))
        d_.error(bases.find(b),
                 fmt::format("attack base '{}' has no data flow to the target '{}'{}: a base "
                             "sends to its target (method.md §7)",
                             b, s.target,
                             s.access == Access::kSegment ? " and shares no segment with it" : ""));
    }
  }

  /// Warns about flows whose endpoints share no chain of networks and network devices.
  /// (Direction through one-way gateways is checked where flows are routed.)
  void flows_routable() {
    UnionFind uf(m_.networks.size());
    for (const Asset& a : m_.assets) {
      if (a.type_index == kNone ||
          p_.asset_types[a.type_index].category != Category::kNetworkDevice)
        continue;
      std::size_t first = kNone;
      for (const Connection& c : a.connects) {
        if (c.network_index == kNone) continue;
        if (first == kNone)
          first = c.network_index;
        else
          uf.join(first, c.network_index);
      }
    }
    // The network groups each asset is on, packed in one array: a flow then reads two short
    // runs of it instead of two Asset structs and their connection vectors (a cache miss each
    // on a large model).
    std::vector<std::size_t> start(m_.assets.size() + 1), groups;
    groups.reserve(m_.assets.size());
    for (std::size_t i = 0; i < m_.assets.size(); ++i) {
      start[i] = groups.size();
      for (const Connection& c : m_.assets[i].connects)
        if (c.network_index != kNone) groups.push_back(uf.find(c.network_index));
    }
    start[m_.assets.size()] = groups.size();
    for (const Flow& f : m_.flows) {
      if (f.from_index == kNone || f.to_index == kNone || f.from_index == f.to_index) continue;
      bool linked = false;
      for (std::size_t a = start[f.from_index]; a < start[f.from_index + 1]; ++a)
        for (std::size_t b = start[f.to_index]; b < start[f.to_index + 1]; ++b)
          linked = linked || groups[a] == groups[b];
      if (!linked)
        d_.warning(f.loc, fmt::format("flow '{}' joins assets '{}' and '{}' that no network path "
                                      "connects; it gives an attacker no channel",
                                      f.id, f.from, f.to));
    }
  }

  void uncovered_assets() {
    // Any placement in any scope, implemented or planned, counts as "thought about".
    if (!m_.countermeasures.empty() &&
        std::any_of(m_.countermeasures.begin(), m_.countermeasures.end(),
                    [](const ScopedPlacement& s) { return s.zone.empty() && s.network.empty(); }))
      return;
    std::vector<bool> zone_covered(m_.zones.size()), net_covered(m_.networks.size());
    for (std::size_t z = 0; z < m_.zones.size(); ++z)
      zone_covered[z] = !m_.zones[z].countermeasures.empty();
    for (std::size_t n = 0; n < m_.networks.size(); ++n)
      net_covered[n] = !m_.networks[n].countermeasures.empty();
    for (const ScopedPlacement& s : m_.countermeasures) {
      if (s.zone_index != kNone) zone_covered[s.zone_index] = true;
      if (s.network_index != kNone) net_covered[s.network_index] = true;
    }
    for (const Asset& a : m_.assets) {
      if (!a.countermeasures.empty()) continue;
      bool covered = false;
      for (const Connection& c : a.connects)
        covered = covered || (c.network_index != kNone && net_covered[c.network_index]);
      for (std::size_t z : zones_of(m_, a))
        covered = covered || zone_covered[z];
      if (!covered)
        d_.warning(a.loc,
                   fmt::format("no countermeasure covers asset '{}' (none on it, its networks, "
                               "its zone or the system)",
                               a.id));
    }
  }

  /// Fills has_sender_, and flow_pairs_ for the targets of scenarios that name bases (only
  /// those are looked up: a set of every flow costs more than the rest of linking).
  void index_senders() {
    has_sender_.assign(m_.assets.size(), false);
    std::vector<bool> base_target(m_.assets.size());
    for (const Impact& i : m_.impacts)
      for (const Scenario& s : i.scenarios)
        if (!s.bases.empty())
          if (auto it = m_.asset_index.find(s.target); it != m_.asset_index.end())
            base_target[it->second] = true;
    for (const Flow& f : m_.flows)
      if (f.from_index != kNone && f.to_index != kNone) {
        has_sender_[f.to_index] = true;
        if (base_target[f.to_index]) flow_pairs_.emplace_back(f.from_index, f.to_index);
      }
    std::sort(flow_pairs_.begin(), flow_pairs_.end());
  }

  const SegmentIndex& segments() {
    if (!segments_) segments_.emplace(m_, p_);
    return *segments_;
  }

  /// (sender, receiver) asset indices of the resolved flows to base targets, sorted; and
  /// whether each asset receives a flow.
  std::vector<std::pair<std::size_t, std::size_t>> flow_pairs_;
  std::vector<bool> has_sender_;
  std::optional<SegmentIndex> segments_;

  Model& m_;
  const Profile& p_;
  core::Diagnostics& d_;
};

}  // namespace

void link_model(Model& m, const Profile& p, core::Diagnostics& diags) {
  Linker(m, p, diags).run();
}

}  // namespace icsrisk::model
