// Generation of attack trees from the scenario analysis (method.md §1: a scenario's tree is
// the OR of its routes, each route the AND of its steps), and the tree file writer.

#include "attacktree/generate.h"

#include <map>
#include <tuple>

#include <fmt/format.h>

#include "core/text.h"

namespace icsrisk::attacktree {

namespace {

std::string asset_id(const model::Model& m, std::size_t a) {
  return std::string(a == kNone || a >= m.assets.size() ? std::string_view(kAttacker)
                                                        : m.assets[a].id);
}

/// An asset's name, or its id where it has none.
std::string asset_name(const model::Model& m, std::size_t a) {
  if (a == kNone || a >= m.assets.size()) return std::string(kAttacker);
  const model::Asset& x = m.assets[a];
  return std::string(x.name.empty() ? x.id : x.name);
}

std::string entry_name(const model::Model& m, std::size_t e) {
  if (e >= m.entries.size()) return "?";
  const model::Entry& x = m.entries[e];
  return std::string(x.name.empty() ? x.id : x.name);
}

/// "entry: asset → asset → target", with names.
std::string route_name(const model::Model& m, const risk::Route& r) {
  std::string name = entry_name(m, r.entry) + ":";
  for (const risk::Step& s : r.steps) {
    if (s.from != kNone && &s == &r.steps.front()) name += " " + asset_name(m, s.from);
    name += (&s == &r.steps.front() && s.from == kNone ? " " : " → ") + asset_name(m, s.to);
  }
  return name;
}

/// A step's name: "source → destination" with names; an entry step starts at its entry point.
std::string step_name(const model::Model& m, const risk::Route& r, const risk::Step& s) {
  std::string from = s.from == kNone ? entry_name(m, r.entry) : asset_name(m, s.from);
  return from + " → " + asset_name(m, s.to);
}

/// A gate node with a name and no children yet; returns its index.
std::size_t add_gate(Tree& t, NodeKind kind, std::string id, std::string_view name) {
  Node n;
  n.kind = kind;
  n.id = std::move(id);
  n.set_name(name);
  t.nodes.push_back(std::move(n));
  return t.nodes.size() - 1;
}

void add_child(Tree& t, std::size_t parent, std::size_t child) {
  t.nodes[parent].add_child(child);
}

/// A step as a tree node, with the measures the analysis counted for it.
Node step_node(const model::Model& m, const model::Profile& p, const risk::Route& r,
               const risk::Step& st, std::string id) {
  Node step;
  step.kind = NodeKind::kStep;
  step.id = std::move(id);
  step.set_name(step_name(m, r, st));
  step.edit_extra().from = asset_id(m, st.from);
  step.edit_extra().to = asset_id(m, st.to);
  step.edit_extra().method =
      st.method < p.threats.size() ? p.threats[st.method].id : std::string("?");
  for (std::size_t c : st.countermeasures) {
    TreeCountermeasure cm;
    cm.ref = p.countermeasures[c].id;
    cm.measure = c;
    cm.function = p.countermeasures[c].function;
    cm.stages = p.countermeasures[c].stages;
    step.edit_extra().countermeasures.push_back(std::move(cm));
  }
  return step;
}

/// The no-route tree: a single leaf with probability 0 and level 3.
void no_route(Tree& t) {
  Node leaf;
  leaf.kind = NodeKind::kLeaf;
  leaf.id = "no-route";
  leaf.set_name("no entry point reaches the target");
  leaf.probability = 0;
  leaf.level = 3;
  t.nodes.push_back(std::move(leaf));
  t.root = 0;
}

}  // namespace

Tree tree_of_scenario(const model::Model& m, const model::Profile& p, const risk::ScenarioRisk& s) {
  Tree t;
  const model::Impact& impact = m.impacts[s.impact];
  const model::Scenario& sc = impact.scenarios[s.scenario];
  t.id = fmt::format("at-{}", sc.id);
  t.scenario = sc.id;
  t.name = sc.name;
  t.description = fmt::format(
      "Generated from model {}: impact {} (level {}), scenario risk {}; {} of {}{} routes.", m.id,
      impact.id, s.impact_level, s.risk ? std::string(1, model::letter(*s.risk)) : std::string("-"),
      s.routes.size(), s.routes_total, s.routes_total_exact ? "" : "+");
  if (s.routes.empty()) {
    no_route(t);
    order_nodes(t);
    return t;
  }
  t.root = add_gate(t, NodeKind::kOr, "g0", std::string(sc.name));
  // Entry points in the order of their first listed route; an entry with several routes gets
  // an OR gate "g<k>" over them, one with a single route hangs that route under the root.
  std::vector<std::size_t> entries;
  std::map<std::size_t, std::vector<std::size_t>> routes_of;
  for (std::size_t i = 0; i < s.routes.size(); ++i) {
    std::vector<std::size_t>& mine = routes_of[s.routes[i].entry];
    if (mine.empty()) entries.push_back(s.routes[i].entry);
    mine.push_back(i);
  }
  // A step shared by routes (same entry point for an entry step, same source, destination
  // and method) is one node.
  std::map<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>, std::size_t> steps;
  std::size_t gates = 0;
  for (std::size_t e : entries) {
    std::size_t parent = t.root;
    if (routes_of[e].size() > 1) {
      parent = add_gate(t, NodeKind::kOr, fmt::format("g{}", ++gates), entry_name(m, e));
      add_child(t, t.root, parent);
    }
    for (std::size_t i : routes_of[e]) {
      const risk::Route& r = s.routes[i];
      std::size_t route = add_gate(t, NodeKind::kSand, fmt::format("r{}", i + 1), route_name(m, r));
      t.nodes[route].edit_extra().description = fmt::format(
          "entry {} (threat level {}); countermeasure level {}, vulnerability {}, risk {}",
          r.entry < m.entries.size() ? m.entries[r.entry].id : "?", r.threat_level,
          r.countermeasure_level, r.vulnerability_level, r.risk);
      add_child(t, parent, route);
      for (std::size_t j = 0; j < r.steps.size(); ++j) {
        const risk::Step& st = r.steps[j];
        std::size_t entry = st.from == kNone ? r.entry : kNone;
        auto [it, fresh] =
            steps.emplace(std::make_tuple(entry, st.from, st.to, st.method), t.nodes.size());
        if (fresh) t.nodes.push_back(step_node(m, p, r, st, fmt::format("r{}s{}", i + 1, j + 1)));
        add_child(t, route, it->second);
      }
    }
  }
  order_nodes(t);
  return t;
}

namespace {

/// Escapes text for an XML attribute value or element content.
std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (const char* entity = core::markup_entity(c, core::Entities::kQuote)) {
      out += entity;
      continue;
    }
    switch (c) {
      case '\n':
        out += "&#10;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

class Writer {
 public:
  Writer(const Tree& t, const model::Profile* p) : t_(t), p_(p), written_(t.nodes.size(), false) {}

  std::string run() {
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ += fmt::format("<attack-tree id=\"{}\"", escape(t_.id));
    if (!t_.scenario.empty()) out_ += fmt::format(" scenario=\"{}\"", escape(t_.scenario));
    if (!t_.name.empty() && t_.name != t_.id) out_ += fmt::format(" name=\"{}\"", escape(t_.name));
    out_ += " xmlns=\"urn:icsrisk:attack-tree:1\">\n";
    if (!t_.description.empty())
      out_ += fmt::format("  <description>{}</description>\n", escape(t_.description));
    if (t_.root != kNone) node(t_.root, 1);
    out_ += "</attack-tree>\n";
    return std::move(out_);
  }

 private:
  void node(std::size_t n, int depth) {
    std::string indent(static_cast<std::size_t>(2 * depth), ' ');
    const Node& x = t_.nodes[n];
    if (written_[n]) {
      out_ += fmt::format("{}<ref node=\"{}\"/>\n", indent, escape(x.id));
      return;
    }
    written_[n] = true;
    out_ += fmt::format("{}<{}", indent, kind_name(x.kind));
    if (!x.id.empty()) out_ += fmt::format(" id=\"{}\"", escape(x.id));
    if (!x.name().empty() && x.name() != x.id)
      out_ += fmt::format(" name=\"{}\"", escape(x.name()));
    if (x.kind == NodeKind::kStep) {
      out_ += fmt::format(" from=\"{}\" to=\"{}\" method=\"{}\"", escape(x.from()), escape(x.to()),
                          escape(x.method()));
    }
    number(" probability", x.probability);
    number(" cost", x.cost);
    number(" time", x.time);
    number(" skill", x.skill);
    if (x.level) out_ += fmt::format(" level=\"{}\"", *x.level);
    if (x.description().empty() && x.countermeasures().empty() && x.children.empty()) {
      out_ += "/>\n";
      return;
    }
    out_ += ">\n";
    if (!x.description().empty())
      out_ += fmt::format("{}  <description>{}</description>\n", indent, escape(x.description()));
    for (const TreeCountermeasure& c : x.countermeasures())
      countermeasure(c, indent + "  ");
    for (std::size_t c : x.children)
      node(c, depth + 1);
    out_ += fmt::format("{}</{}>\n", indent, kind_name(x.kind));
  }

  void number(const char* name, const std::optional<double>& v) {
    if (v) out_ += fmt::format("{}=\"{}\"", name, *v);
  }

  void countermeasure(const TreeCountermeasure& c, const std::string& indent) {
    out_ += fmt::format("{}<countermeasure ref=\"{}\"", indent, escape(c.ref));
    const model::Countermeasure* known =
        p_ && c.measure < p_->countermeasures.size() ? &p_->countermeasures[c.measure] : nullptr;
    if (!known || known->function != c.function) {
      int bit = c.function == model::Function::kProtect  ? 0
                : c.function == model::Function::kDetect ? 1
                                                         : 2;
      out_ += fmt::format(" function=\"{}\"", model::kFunctionIds[static_cast<std::size_t>(bit)]);
    }
    bool single = c.stages == 1 || c.stages == 2;
    if (single && (!known || known->stages != c.stages))
      out_ += fmt::format(" stage=\"{}\"", c.stages == 1 ? "intrusion" : "objective");
    if (c.status == model::Status::kPlanned) out_ += " status=\"planned\"";
    effects(c);
    out_ += "/>\n";
  }

  /// The attack–defence attributes, as read_countermeasure reads them.
  void effects(const TreeCountermeasure& c) {
    number(" cost", c.cost);
    if (c.blocks) out_ += " effect=\"block\"";
    number(" probability-factor", c.probability_factor);
    number(" adds-cost", c.adds_cost);
    number(" adds-time", c.adds_time);
  }

  const Tree& t_;
  const model::Profile* p_;
  std::vector<bool> written_;
  std::string out_;
};

}  // namespace

std::string write_tree(const Tree& t, const model::Profile* profile) {
  return Writer(t, profile).run();
}

}  // namespace icsrisk::attacktree
