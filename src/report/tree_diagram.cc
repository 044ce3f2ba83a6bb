#include "report/tree_diagram.h"

#include <fmt/format.h>

#include "report/diagram.h"
#include "report/dot.h"

namespace icsrisk::report {

namespace {

using attacktree::Node;
using attacktree::NodeKind;
using dot::attr;

/// Fill colours by vulnerability level (index 1..3), the traffic-light scale of the risk sheets.
constexpr const char* kVulnerabilityFill[] = {"#eceff1", "#d9ead3", "#fff2cc", "#f4cccc"};

std::string node_id(std::size_t n) {
  return fmt::format("n{}", n);
}

std::string number(double v) {
  return v == static_cast<double>(static_cast<long long>(v)) && v < 1e15 && v > -1e15
             ? fmt::format("{}", static_cast<long long>(v))
             : fmt::format("{:.6g}", v);
}

std::string gate_word(NodeKind k) {
  switch (k) {
    case NodeKind::kOr:
      return "OR";
    case NodeKind::kAnd:
      return "AND";
    default:
      return "SAND";
  }
}

std::string method_name(const Node& n, const model::Profile* p, model::Lang lang) {
  if (!p) return n.method;
  std::size_t t = p->find_threat(n.method);
  return t == model::kNone ? n.method : p->threats[t].name.in(lang);
}

std::string label_of(const Node& n, const model::Profile* p, const TreeDiagramOptions& o,
                     std::optional<double> level) {
  std::string label;
  if (attacktree::is_gate(n.kind)) {
    label = gate_word(n.kind);
    if (!n.name.empty()) label += "\n" + n.name;
  } else if (n.kind == NodeKind::kStep) {
    label = fmt::format("{} → {} : {}", n.from, n.to, method_name(n, p, o.lang));
    if (!n.name.empty() && n.name != n.id) label += "\n" + n.name;
  } else {
    label = n.name.empty() ? n.id : n.name;
  }
  std::string values;
  auto add = [&](const char* key, const std::optional<double>& v) {
    if (v) values += fmt::format("{}{}={}", values.empty() ? "" : " ", key, number(*v));
  };
  add("p", n.probability);
  add("cost", n.cost);
  add("time", n.time);
  add("skill", n.skill);
  if (!values.empty()) label += "\n" + values;
  if (level) label += fmt::format("\nlevel {}", static_cast<int>(*level));
  return label;
}

}  // namespace

std::string tree_dot(const attacktree::Tree& t, const std::vector<std::optional<double>>& levels,
                     const model::Profile* profile, const TreeDiagramOptions& options) {
  dot::Writer w(t.id);
  graph_defaults(w);
  // Left to right: a generated tree is an OR of many routes, each a short chain of steps, so
  // top-down it grows one screen-width per route; left to right the routes stack down the page.
  dot::Attrs g{attr("rankdir", "LR"), attr("ordering", "out"), attr("ranksep", "0.4"),
               attr("nodesep", "0.12")};
  if (options.title) {
    g.push_back(dot::text(
        "label", t.name.empty() || t.name == t.id ? t.id : fmt::format("{} — {}", t.id, t.name)));
    g.push_back(attr("labelloc", "t"));
  }
  w.defaults("graph", g);
  std::vector<std::size_t> nodes = attacktree::preorder(t);
  for (auto it = nodes.begin(); it != nodes.end(); ++it) {
    const Node& n = t.nodes[*it];
    std::optional<double> level = *it < levels.size() ? levels[*it] : std::nullopt;
    int vulnerability = level ? 4 - static_cast<int>(*level) : 0;
    if (vulnerability < 0 || vulnerability > 3) vulnerability = 0;
    const char* shape = n.kind == NodeKind::kOr       ? "invtrapezium"
                        : attacktree::is_gate(n.kind) ? "trapezium"
                        : n.kind == NodeKind::kStep   ? "box"
                                                      : "ellipse";
    dot::Attrs a{attr("shape", shape), dot::text("label", label_of(n, profile, options, level)),
                 attr("fillcolor", kVulnerabilityFill[vulnerability])};
    if (attacktree::is_gate(n.kind)) a.push_back(attr("penwidth", "1.6"));
    if (!n.id.empty()) a.push_back(dot::text("tooltip", n.id));
    w.node(node_id(*it), a);
  }
  for (auto it = nodes.begin(); it != nodes.end(); ++it) {
    const Node& n = t.nodes[*it];
    for (std::size_t k = 0; k < n.children.size(); ++k) {
      dot::Attrs a;
      if (n.kind == NodeKind::kSand) a.push_back(dot::text("label", fmt::format("{}", k + 1)));
      w.edge(node_id(*it), node_id(n.children[k]), a);
    }
  }
  return w.finish();
}

}  // namespace icsrisk::report
