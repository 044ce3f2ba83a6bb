#include "diff/compare.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include <fmt/format.h>

namespace icsrisk::diff {

const char* element_kind_name(ElementKind k) {
  switch (k) {
    case ElementKind::kZone:
      return "zone";
    case ElementKind::kNetwork:
      return "network";
    case ElementKind::kAsset:
      return "asset";
    case ElementKind::kFlow:
      return "flow";
    case ElementKind::kEntry:
      return "entry";
    case ElementKind::kCountermeasure:
      return "countermeasure";
    case ElementKind::kImpact:
      return "impact";
    case ElementKind::kScenario:
      return "scenario";
  }
  return "";
}

bool Comparison::worse() const {
  return std::any_of(rows.begin(), rows.end(), [](const RowChange& r) { return r.worse; }) ||
         std::any_of(scenarios.begin(), scenarios.end(),
                     [](const ScenarioChange& s) { return s.worse; });
}

namespace {

/// An element as the diff sees it: its identity, name and attributes as text.
struct Element {
  std::string id, name;
  std::vector<std::pair<std::string, std::string>> attributes;
};

std::string text(std::string_view s) {
  return std::string(s);
}

std::string number(double v) {
  return fmt::format("{}", v);
}

/// Placements as a sorted list, planned ones marked: their order in the file does not matter.
std::string placements(const std::vector<model::Placement>& ps) {
  std::vector<std::string> items;
  for (const model::Placement& p : ps)
    items.push_back(p.status == model::Status::kPlanned ? fmt::format("{} (planned)", p.ref)
                                                        : text(p.ref));
  std::sort(items.begin(), items.end());
  return fmt::format("{}", fmt::join(items, ", "));
}

const char* medium_name(model::Medium m) {
  switch (m) {
    case model::Medium::kWired:
      return "wired";
    case model::Medium::kWireless:
      return "wireless";
    case model::Medium::kSerial:
      return "serial";
    case model::Medium::kFieldbus:
      return "fieldbus";
  }
  return "";
}

std::string connections(const model::Asset& a) {
  std::vector<std::string> items;
  for (const model::Connection& c : a.connects) {
    std::string item(c.network);
    if (c.role != model::Role::kNone)
      item += c.role == model::Role::kUpstream ? " (upstream)" : " (downstream)";
    if (!c.address.empty()) item += fmt::format(" {}", c.address);
    items.push_back(std::move(item));
  }
  std::sort(items.begin(), items.end());
  return fmt::format("{}", fmt::join(items, ", "));
}

std::string threat_levels(const model::Asset& a) {
  std::vector<std::string> items;
  for (const model::ThreatOverride& t : a.threats)
    items.push_back(fmt::format("{}={}", t.ref, t.level));
  std::sort(items.begin(), items.end());
  return fmt::format("{}", fmt::join(items, ", "));
}

constexpr std::size_t kKinds = static_cast<std::size_t>(ElementKind::kScenario) + 1;
using Elements = std::array<std::vector<Element>, kKinds>;

std::vector<Element>& of(Elements& e, ElementKind k) {
  return e[static_cast<std::size_t>(k)];
}

std::string scope_id(const model::ScopedPlacement& s) {
  if (!s.zone.empty()) return fmt::format("{} @ zone {}", s.placement.ref, s.zone);
  if (!s.network.empty()) return fmt::format("{} @ network {}", s.placement.ref, s.network);
  return text(s.placement.ref);
}

void add_places(const model::Model& m, Elements& out) {
  for (const model::Zone& z : m.zones)
    of(out, ElementKind::kZone)
        .push_back({text(z.id),
                    text(z.name),
                    {{"name", text(z.name)},
                     {"description", text(z.description)},
                     {"purdue-level", z.has_purdue_level ? number(z.purdue_level) : ""},
                     {"countermeasures", placements(z.countermeasures)}}});
  for (const model::Network& n : m.networks)
    of(out, ElementKind::kNetwork)
        .push_back({text(n.id),
                    text(n.name),
                    {{"name", text(n.name)},
                     {"description", text(n.description)},
                     {"zone", text(n.zone)},
                     {"medium", medium_name(n.medium)},
                     {"importance", n.importance ? number(n.importance) : ""},
                     {"countermeasures", placements(n.countermeasures)}}});
  for (const model::Asset& a : m.assets)
    of(out, ElementKind::kAsset)
        .push_back({text(a.id),
                    text(a.name),
                    {{"name", text(a.name)},
                     {"description", text(a.description)},
                     {"type", text(a.type)},
                     {"importance", number(a.importance)},
                     {"zone", text(a.zone)},
                     {"count", number(a.count)},
                     {"vendor", text(a.vendor)},
                     {"model", text(a.product)},
                     {"os", text(a.os)},
                     {"connect", connections(a)},
                     {"countermeasures", placements(a.countermeasures)},
                     {"threat", threat_levels(a)}}});
}

void add_paths(const model::Model& m, Elements& out) {
  for (const model::Flow& f : m.flows)
    of(out, ElementKind::kFlow)
        .push_back({text(f.id),
                    fmt::format("{} → {}", f.from, f.to),
                    {{"from", text(f.from)},
                     {"to", text(f.to)},
                     {"data", text(f.data)},
                     {"protocol", text(f.protocol)},
                     {"port", text(f.port)},
                     {"description", text(f.description)},
                     {"countermeasures", placements(f.countermeasures)}}});
  for (const model::Entry& e : m.entries)
    of(out, ElementKind::kEntry)
        .push_back({text(e.id),
                    text(e.name),
                    {{"name", text(e.name)},
                     {"asset", text(e.asset)},
                     {"network", text(e.network)},
                     {"vector", text(e.vector)},
                     {"threat-level", number(e.threat_level)}}});
  for (const model::ScopedPlacement& s : m.countermeasures)
    of(out, ElementKind::kCountermeasure)
        .push_back({scope_id(s),
                    text(s.placement.ref),
                    {{"status",
                      s.placement.status == model::Status::kPlanned ? "planned" : "implemented"}}});
}

void add_impacts(const model::Model& m, Elements& out) {
  for (const model::Impact& i : m.impacts) {
    of(out, ElementKind::kImpact)
        .push_back({text(i.id),
                    text(i.name),
                    {{"name", text(i.name)},
                     {"description", text(i.description)},
                     {"level", number(i.level)}}});
    for (const model::Scenario& s : i.scenarios) {
      std::vector<std::string_view> bases(s.bases.begin(), s.bases.end());
      std::sort(bases.begin(), bases.end());
      of(out, ElementKind::kScenario)
          .push_back({text(s.id),
                      text(s.name),
                      {{"name", text(s.name)},
                       {"description", text(s.description)},
                       {"impact", text(i.id)},
                       {"target", text(s.target)},
                       {"attack", text(s.attack)},
                       {"bases", fmt::format("{}", fmt::join(bases, " "))},
                       {"access", s.access == model::Access::kSegment ? "segment" : "flows"}}});
    }
  }
}

Elements elements_of(const model::Model& m) {
  Elements out;
  add_places(m, out);
  add_paths(m, out);
  add_impacts(m, out);
  return out;
}

/// The changes of one kind: removed and changed elements in the older order, then added ones.
void compare_kind(ElementKind kind, const std::vector<Element>& before,
                  const std::vector<Element>& after, std::vector<ElementChange>& out) {
  std::map<std::string_view, const Element*> now, then;
  for (const Element& e : after)
    now.try_emplace(e.id, &e);
  for (const Element& e : before) {
    if (!then.try_emplace(e.id, &e).second) continue;
    auto it = now.find(e.id);
    if (it == now.end()) {
      out.push_back({kind, Change::kRemoved, e.id, e.name, {}});
      continue;
    }
    ElementChange c{kind, Change::kChanged, e.id, it->second->name, {}};
    for (std::size_t i = 0; i < e.attributes.size(); ++i) {
      const auto& [name, value] = e.attributes[i];
      const std::string& value_now = it->second->attributes[i].second;
      if (value != value_now) c.attributes.push_back({name, value, value_now});
    }
    if (!c.attributes.empty()) out.push_back(std::move(c));
  }
  for (const Element& e : after)
    if (!then.contains(e.id) && now.at(e.id) == &e)
      out.push_back({kind, Change::kAdded, e.id, e.name, {}});
}

}  // namespace

std::vector<ElementChange> compare_models(const model::Model& before, const model::Model& after) {
  const Elements a = elements_of(before), b = elements_of(after);
  std::vector<ElementChange> out;
  for (std::size_t k = 0; k < kKinds; ++k)
    compare_kind(static_cast<ElementKind>(k), a[k], b[k], out);
  return out;
}

}  // namespace icsrisk::diff
