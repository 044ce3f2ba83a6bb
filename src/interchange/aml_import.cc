// AutomationML (CAEX 3.0) InstanceHierarchy → zones, networks and assets tables.

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "interchange/aml.h"
#include "interchange/columns.h"
#include "xml/reader.h"

namespace icsrisk::interchange {
namespace {

struct Owner {
  bool is_asset = false;
  std::size_t index = 0;
};

struct Element {
  std::string id, name, type, zone;
  int importance = 2;
  core::Loc loc;
  std::vector<std::string> networks;  // for assets
};

using xml::loc_of;

// An id from an element name: each run of characters an id cannot hold becomes one '-'.
std::string as_id(std::string_view name) {
  std::string id;
  for (char c : name) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == ':' || c == '-';
    if (ok)
      id += c;
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-')
    id.pop_back();
  return id.empty() ? std::string("element") : id;
}

// The IDs of every ExternalInterface in the subtree of `ie`.
void collect_interfaces(pugi::xml_node ie, std::set<std::string>& out) {
  for (pugi::xml_node c : ie.children()) {
    if (std::string_view(c.name()) == "ExternalInterface") out.insert(c.attribute("ID").value());
    if (std::string_view(c.name()) == "InternalElement") collect_interfaces(c, out);
  }
}

// The role class of an InternalElement: RoleRequirements, else the first SupportedRoleClass;
// a library alias ("Alias@Lib/Role", CAEX 2.15) is dropped.
std::string role_of(pugi::xml_node ie) {
  std::string role = ie.child("RoleRequirements").attribute("RefBaseRoleClassPath").value();
  if (role.empty()) role = ie.child("SupportedRoleClass").attribute("RefRoleClassPath").value();
  std::size_t at = role.find('@');
  return at == std::string::npos ? role : role.substr(at + 1);
}

class AmlReader {
 public:
  AmlReader(const core::SourceFile& f, const std::vector<AmlRule>& rules, core::Diagnostics& d)
      : file_(f), rules_(rules), d_(d) {}

  Inventory read();

 private:
  const AmlRule* rule_for(const std::string& role) const;
  std::string unique(std::set<std::string>& used, std::string id);
  void walk(pugi::xml_node ie, std::optional<Owner> owner, const std::string& zone);
  void link(pugi::xml_node l);
  std::optional<Owner> partner(const std::string& ref) const;
  Inventory tables(const std::string& system) const;

  const core::SourceFile& file_;
  const std::vector<AmlRule>& rules_;
  core::Diagnostics& d_;
  std::vector<Element> assets_, networks_;
  std::vector<std::pair<std::string, Element>> zones_;
  std::set<std::string> asset_ids_, network_ids_, zone_ids_, warned_roles_;
  std::set<std::string> ignored_;  // interfaces of elements a rule ignores
  std::unordered_map<std::string, Owner> by_id_, by_path_;
  std::vector<pugi::xml_node> links_;
};

const AmlRule* AmlReader::rule_for(const std::string& role) const {
  const AmlRule* best = nullptr;
  for (const AmlRule& r : rules_) {
    bool match = role == r.role ||
                 (role.size() > r.role.size() && role.compare(0, r.role.size(), r.role) == 0 &&
                  role[r.role.size()] == '/');
    if (match && (!best || r.role.size() >= best->role.size())) best = &r;
  }
  return best;
}

std::string AmlReader::unique(std::set<std::string>& used, std::string id) {
  std::string base = id;
  for (int n = 2; used.count(id); ++n)
    id = fmt::format("{}-{}", base, n);
  used.insert(id);
  return id;
}

void AmlReader::walk(pugi::xml_node ie, std::optional<Owner> owner, const std::string& zone) {
  core::Loc loc = loc_of(file_, ie);
  std::string name = ie.attribute("Name").value();
  std::string role = role_of(ie);
  std::string in_zone = zone;
  if (const AmlRule* rule = role.empty() ? nullptr : rule_for(role)) {
    if (rule->target == "ignore") {
      collect_interfaces(ie, ignored_);
      return;
    }
    Element e{unique(rule->target == "zone"      ? zone_ids_
                     : rule->target == "network" ? network_ids_
                                                 : asset_ids_,
                     as_id(name)),
              name,
              rule->target,
              zone,
              rule->importance,
              loc,
              {}};
    if (rule->target == "zone") {
      in_zone = e.id;
      zones_.emplace_back(e.id, e);
    } else if (rule->target == "network") {
      networks_.push_back(e);
      owner = Owner{false, networks_.size() - 1};
    } else {
      assets_.push_back(e);
      owner = Owner{true, assets_.size() - 1};
    }
  } else if (!role.empty() && warned_roles_.insert(role).second && !owner) {
    d_.warning(loc, fmt::format("no rule for role class '{}': the element is read as a "
                                "container (add a rule to the mapping file to import it)",
                                role));
  }
  for (pugi::xml_node c : ie.children()) {
    std::string_view tag = c.name();
    if (tag == "ExternalInterface" && owner) {
      by_id_.emplace(c.attribute("ID").value(), *owner);
      by_path_.emplace(
          fmt::format("{}:{}", ie.attribute("ID").value(), c.attribute("Name").value()), *owner);
    } else if (tag == "InternalElement") {
      walk(c, owner, in_zone);
    } else if (tag == "InternalLink") {
      links_.push_back(c);
    }
  }
}

// A link partner: an interface ID (CAEX 3.0), or "ElementID:InterfaceName" (CAEX 2.15).
std::optional<Owner> AmlReader::partner(const std::string& ref) const {
  if (auto it = by_id_.find(ref); it != by_id_.end()) return it->second;
  if (auto it = by_path_.find(ref); it != by_path_.end()) return it->second;
  return std::nullopt;
}

void AmlReader::link(pugi::xml_node l) {
  core::Loc loc = loc_of(file_, l);
  std::string a_ref = l.attribute("RefPartnerSideA").value();
  std::string b_ref = l.attribute("RefPartnerSideB").value();
  std::optional<Owner> a = partner(a_ref), b = partner(b_ref);
  if (!a && !b) return;  // a link between parts icsrisk does not model (signals, logic)
  if (ignored_.count(a_ref) || ignored_.count(b_ref)) return;
  if (!a || !b) {
    d_.warning(loc, fmt::format("InternalLink '{}': partner '{}' is not an interface of an asset "
                                "or network (link ignored)",
                                l.attribute("Name").value(), a ? b_ref : a_ref));
    return;
  }
  if (!a->is_asset && !b->is_asset) {
    d_.warning(loc, fmt::format("InternalLink '{}' joins two networks; networks are joined by "
                                "devices (link ignored)",
                                l.attribute("Name").value()));
    return;
  }
  auto attach = [this](Owner asset, const std::string& net) {
    auto& nets = assets_[asset.index].networks;
    if (std::find(nets.begin(), nets.end(), net) == nets.end()) nets.push_back(net);
  };
  if (a->is_asset && b->is_asset) {
    if (a->index == b->index) return;
    std::string name = l.attribute("Name").value();
    Element n{unique(network_ids_, "link-" + as_id(name)), name, "network", "", 0, loc, {}};
    networks_.push_back(n);
    attach(*a, n.id);
    attach(*b, n.id);
    return;
  }
  Owner asset = a->is_asset ? *a : *b, net = a->is_asset ? *b : *a;
  attach(asset, networks_[net.index].id);
}

Inventory AmlReader::tables(const std::string& system) const {
  Inventory inv;
  auto row = [](Table t, core::Loc loc,
                const std::vector<std::pair<std::size_t, std::string>>& cells) {
    Row r;
    r.loc = loc;
    r.cells.assign(spec(t).columns.size(), Cell{"", loc, false});
    for (const auto& [c, text] : cells)
      r.cells[c].text = text;
    return r;
  };
  for (Table t : {Table::kSystem, Table::kZones, Table::kNetworks, Table::kAssets})
    inv[t].present = true;
  inv[Table::kSystem].rows.push_back(
      row(Table::kSystem, {&file_, 0}, {{col::kSysId, as_id(system)}, {col::kSysName, system}}));
  for (const auto& [id, z] : zones_)
    inv[Table::kZones].rows.push_back(
        row(Table::kZones, z.loc, {{col::kZoneId, id}, {col::kZoneName, z.name}}));
  for (const Element& n : networks_)
    inv[Table::kNetworks].rows.push_back(
        row(Table::kNetworks, n.loc,
            {{col::kNetId, n.id}, {col::kNetName, n.name}, {col::kNetZone, n.zone}}));
  for (const Element& a : assets_) {
    if (a.networks.empty()) continue;  // warned in read()
    std::string nets;
    for (const std::string& n : a.networks)
      nets += (nets.empty() ? "" : " ") + n;
    inv[Table::kAssets].rows.push_back(row(Table::kAssets, a.loc,
                                           {{col::kAssetId, a.id},
                                            {col::kAssetName, a.name},
                                            {col::kAssetType, a.type},
                                            {col::kAssetImportance, std::to_string(a.importance)},
                                            {col::kAssetZone, a.zone},
                                            {col::kAssetNetworks, nets}}));
  }
  return inv;
}

Inventory AmlReader::read() {
  // The model files' reader: text that is not UTF-8, NUL bytes and references to characters XML
  // does not allow stop here, at their position, rather than in the model text written from
  // them. No DTD is processed and no external entity is loaded.
  xml::Document doc;
  pugi::xml_node root = xml::parse(file_, d_, doc);
  if (!root) return {};
  if (std::string_view(root.name()) != "CAEXFile") {
    d_.error(loc_of(file_, root),
             fmt::format("not a CAEX file: the root element is <{}>, not <CAEXFile>", root.name()));
    return {};
  }
  std::string version = root.attribute("SchemaVersion").value();
  if (version != "3.0")
    d_.warning(loc_of(file_, root),
               fmt::format("CAEX SchemaVersion '{}': icsrisk reads CAEX 3.0 (2.15 link "
                           "references are understood too)",
                           version));
  std::string system;
  for (pugi::xml_node ih : root.children("InstanceHierarchy")) {
    if (system.empty()) system = ih.attribute("Name").value();
    for (pugi::xml_node c : ih.children()) {
      if (std::string_view(c.name()) == "InternalElement") walk(c, std::nullopt, "");
      if (std::string_view(c.name()) == "InternalLink") links_.push_back(c);
    }
  }
  for (pugi::xml_node l : links_)
    link(l);
  for (const Element& a : assets_)
    if (a.networks.empty())
      d_.warning(a.loc, fmt::format("no InternalLink connects '{}' to a network or device; it is "
                                    "left out of the model",
                                    a.name));
  return tables(system.empty() ? "plant" : system);
}

}  // namespace

Inventory aml_inventory(const core::SourceFile& file, const std::vector<AmlRule>& rules,
                        core::Diagnostics& diags) {
  return AmlReader(file, rules, diags).read();
}

}  // namespace icsrisk::interchange
