// The model file format, version 1 (design.md "Model file (XML)").

#include <future>

#include <fmt/format.h>

#include "core/text.h"
#include "model/loader.h"
#include "xml/reader.h"

namespace icsrisk::model {

namespace {

class ModelReader {
 public:
  ModelReader(const core::SourceFile& file, core::Diagnostics& diags)
      : file_(file), diags_(diags) {}

  std::optional<Model> read(pugi::xml_node root) {
    if (std::string_view(root.name()) != "system") {
      diags_.error(xml::loc_of(file_, root),
                   fmt::format("the root element must be <system>, not <{}>", root.name()));
      return std::nullopt;
    }
    xml::check_namespace(file_, diags_, root, "urn:icsrisk:model:1");
    Model m;
    xml::Element e = element(root, {"id", "name", "version"});
    m.id = e.id();
    m.name = e.optional("name");
    m.loc = e.loc();
    if (e.has("version") && e.optional("version") != "1") {
      diags_.error(e.attr_loc("version"),
                   fmt::format("model format version '{}' is not supported (this icsrisk reads 1)",
                               e.optional("version")));
    }
    // Flows are usually most of a model: on a large one they are read on a second thread while
    // this one reads the other sections. Diagnostics of flows are collected apart and appended
    // after (the caller sorts diagnostics by position before rendering them).
    std::vector<pugi::xml_node> flows;
    for (pugi::xml_node c : e.children({"description", "zones", "networks", "assets", "dataflows",
                                        "entry-points", "countermeasures", "business-impacts"}))
      if (std::string_view(c.name()) == "dataflows")
        for (pugi::xml_node f : element(c, {}).children({"flow"}))
          flows.push_back(f);
    core::Diagnostics flow_diags;
    auto read_flows = [this, &flows, &flow_diags, &m] {
      ModelReader reader(file_, flow_diags);
      m.flows.reserve(flows.size());  // no moves as the vector grows (time, and peak memory)
      for (pugi::xml_node f : flows)
        reader.flow(f, m.flows.emplace_back());  // filled in place: no temporary
    };
    std::future<void> flows_read;
    if (flows.size() >= kParallelFlows)
      flows_read = std::async(std::launch::async, read_flows);
    else
      read_flows();
    for (pugi::xml_node c : e.node().children()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view n = c.name();
      if (n == "description") m.description = text_of(c);
      if (n == "zones")
        read_section(c, "zone", m.zones, [&](pugi::xml_node x) { m.zones.push_back(zone(x)); });
      if (n == "networks")
        read_section(c, "network", m.networks,
                     [&](pugi::xml_node x) { m.networks.push_back(network(x)); });
      if (n == "assets")  // filled in place, as flows
        read_section(c, "asset", m.assets,
                     [&](pugi::xml_node x) { asset(x, m.assets.emplace_back()); });
      if (n == "entry-points")
        read_section(c, "entry", m.entries,
                     [&](pugi::xml_node x) { m.entries.push_back(entry(x)); });
      if (n == "countermeasures")
        read_section(c, "countermeasure", m.countermeasures,
                     [&](pugi::xml_node x) { m.countermeasures.push_back(scoped(x)); });
      if (n == "business-impacts")
        read_section(c, "impact", m.impacts,
                     [&](pugi::xml_node x) { m.impacts.push_back(impact(x)); });
    }
    if (flows_read.valid()) flows_read.get();  // rethrows what the thread threw
    diags_.append(std::move(flow_diags));
    return m;
  }

 private:
  xml::Element element(pugi::xml_node n, std::initializer_list<std::string_view> attrs) {
    return xml::Element(file_, diags_, n, attrs);
  }

  /// Flows from which the dataflows are read on a second thread (below, thread start-up costs
  /// more than reading them).
  static constexpr std::size_t kParallelFlows = 4096;

  static std::string_view text_of(pugi::xml_node n) { return n.child_value(); }

  /// Reads each <child> of `section` with `each`, which appends to `out`. Reserving once keeps
  /// a 300,000-flow model from moving its flows as the vector grows (time, and peak memory).
  template <typename T, typename F>
  void read_section(pugi::xml_node section, std::string_view child, std::vector<T>& out, F&& each) {
    xml::Element e = element(section, {});
    std::vector<pugi::xml_node> items = e.children({child});
    out.reserve(out.size() + items.size());
    for (pugi::xml_node c : items)
      each(c);
  }

  Placement placement(xml::Element& e) {
    Placement p;
    p.ref = e.ref("ref");
    p.status = e.choice("status", {"implemented", "planned"}, 0, false) == 0 ? Status::kImplemented
                                                                             : Status::kPlanned;
    p.loc = e.loc();
    p.cost = e.integer("cost", 1, kMaxCost, 0, false);
    return p;
  }

  Placement countermeasure(pugi::xml_node n) {
    xml::Element e = element(n, {"ref", "status", "cost"});
    return placement(e);
  }

  Zone zone(pugi::xml_node n) {
    xml::Element e = element(n, {"id", "name", "purdue-level"});
    Zone z;
    z.loc = e.loc();
    z.id = e.id();
    z.name = e.optional("name", z.id);
    if (e.has("purdue-level")) {
      std::string v(e.optional("purdue-level"));
      char* end = nullptr;
      double d = std::strtod(v.c_str(), &end);
      if (v.empty() || end != v.c_str() + v.size() || d < 0 || d > 5) {
        diags_.error(
            e.attr_loc("purdue-level"),
            fmt::format("attribute 'purdue-level' must be a number from 0 to 5, not '{}'", v));
      } else {
        z.has_purdue_level = true;
        z.purdue_level = d;
      }
    }
    for (pugi::xml_node c : e.children({"description", "countermeasure"})) {
      if (std::string_view(c.name()) == "description")
        z.description = text_of(c);
      else
        z.countermeasures.push_back(countermeasure(c));
    }
    return z;
  }

  Network network(pugi::xml_node n) {
    xml::Element e = element(n, {"id", "name", "zone", "medium", "importance"});
    Network x;
    x.loc = e.loc();
    x.id = e.id();
    x.name = e.optional("name", x.id);
    x.zone = e.ref("zone", false);
    x.medium = static_cast<Medium>(
        e.choice("medium", {kMediumIds[0], kMediumIds[1], kMediumIds[2], kMediumIds[3]}, 0, false));
    x.importance = e.integer("importance", 1, 3, 0, false);
    for (pugi::xml_node c : e.children({"description", "countermeasure"})) {
      if (std::string_view(c.name()) == "description")
        x.description = text_of(c);
      else
        x.countermeasures.push_back(countermeasure(c));
    }
    return x;
  }

  void asset(pugi::xml_node n, Asset& a) {
    xml::Element e =
        element(n, {"id", "name", "type", "importance", "zone", "count", "vendor", "model", "os"});
    a.loc = e.loc();
    a.id = e.id();
    a.name = e.optional("name", a.id);
    a.type = e.ref("type");
    a.importance = e.integer("importance", 1, 3, 1, true);
    a.zone = e.ref("zone", false);
    a.count = e.integer("count", 1, 0x7fffffff, 1, false);
    a.vendor = e.optional("vendor");
    a.product = e.optional("model");
    a.os = e.optional("os");
    for (pugi::xml_node c : e.children({"description", "connect", "countermeasure", "threat"})) {
      std::string_view cn = c.name();
      if (cn == "description") {
        a.description = text_of(c);
      } else if (cn == "connect") {
        xml::Element ce = element(c, {"network", "role", "address"});
        Connection k;
        k.loc = ce.loc();
        k.network = ce.ref("network");
        k.role = static_cast<Role>(ce.choice("role", {"none", "upstream", "downstream"}, 0, false));
        k.address = ce.optional("address");
        a.connects.push_back(k);
      } else if (cn == "countermeasure") {
        a.countermeasures.push_back(countermeasure(c));
      } else {
        xml::Element te = element(c, {"ref", "level"});
        ThreatOverride t;
        t.loc = te.loc();
        t.ref = te.ref("ref");
        t.level = te.integer("level", 1, 3, 0, true);
        a.threats.push_back(t);
      }
    }
  }

  void flow(pugi::xml_node n, Flow& f) {
    xml::Element e = element(n, {"id", "from", "to", "data", "protocol", "port"});
    f.loc = e.loc();
    f.id = e.id();
    f.from = e.ref("from");
    f.to = e.ref("to");
    f.data = e.optional("data");
    f.protocol = e.optional("protocol");
    f.port = e.optional("port");
    for (pugi::xml_node c : e.children({"description", "countermeasure"})) {
      if (std::string_view(c.name()) == "description")
        f.description = text_of(c);
      else
        f.countermeasures.push_back(countermeasure(c));
    }
  }

  Entry entry(pugi::xml_node n) {
    xml::Element e = element(n, {"id", "name", "asset", "network", "vector", "threat-level"});
    Entry x;
    x.loc = e.loc();
    x.id = e.id();
    x.name = e.optional("name", x.id);
    x.asset = e.ref("asset", false);
    x.network = e.ref("network", false);
    if (e.has("asset") == e.has("network")) {
      diags_.error(x.loc, e.has("asset")
                              ? "<entry> names both an asset and a network; give exactly one"
                              : "<entry> needs exactly one of the attributes 'asset' or 'network'");
    }
    x.vector = e.ref("vector");
    x.threat_level = e.integer("threat-level", 1, 3, 3, true);
    e.children({});
    return x;
  }

  ScopedPlacement scoped(pugi::xml_node n) {
    xml::Element e = element(n, {"ref", "status", "zone", "network", "cost"});
    ScopedPlacement s;
    s.placement = placement(e);
    s.zone = e.ref("zone", false);
    s.network = e.ref("network", false);
    if (!s.zone.empty() && !s.network.empty()) {
      diags_.error(e.loc(),
                   "a <countermeasure> in <countermeasures> covers a zone or a network, not both");
    }
    return s;
  }

  Impact impact(pugi::xml_node n) {
    xml::Element e = element(n, {"id", "name", "level"});
    Impact x;
    x.loc = e.loc();
    x.id = e.id();
    x.name = e.optional("name", x.id);
    x.level = e.integer("level", 1, 3, 1, true);
    for (pugi::xml_node c : e.children({"description", "scenario"})) {
      if (std::string_view(c.name()) == "description") {
        x.description = text_of(c);
        continue;
      }
      xml::Element se = element(c, {"id", "name", "target", "attack", "bases", "access"});
      Scenario s;
      s.loc = se.loc();
      s.id = se.id();
      s.name = se.optional("name", s.id);
      s.target = se.ref("target");
      s.attack = se.ref("attack");
      s.bases = core::split_ws(se.optional("bases"));
      s.bases_loc = se.attr_loc("bases");
      s.access = static_cast<Access>(se.choice("access", {"flows", "segment"}, 0, false));
      if (se.has("bases") && s.bases.empty()) {
        diags_.error(s.bases_loc,
                     "attribute 'bases' is empty; leave it out to use every sender to the target");
      }
      for (pugi::xml_node d : se.children({"description"}))
        s.description = text_of(d);
      x.scenarios.push_back(std::move(s));
    }
    return x;
  }

  const core::SourceFile& file_;
  core::Diagnostics& diags_;
};

}  // namespace

std::optional<Model> load_model(const core::SourceFile& file, core::Diagnostics& diags) {
  xml::Document doc;
  pugi::xml_node root = xml::parse(file, diags, doc);
  if (!root) return std::nullopt;
  std::optional<Model> m = ModelReader(file, diags).read(root);
  if (m) m->text = std::move(doc.buffer);  // the model's views point into it
  return m;
}

}  // namespace icsrisk::model
