#include "report/tree_diagram.h"

#include <fmt/format.h>

#include "report/diagram.h"
#include "report/dot.h"
#include "report/words.h"

namespace icsrisk::report {

namespace {

using attacktree::Node;
using attacktree::NodeKind;
using dot::attr;

/// The diagram's own words (to be folded into the project's word catalogue).
struct DiagramWords {
  const char* at_each_node;
  const char* exact;
  const char* not_exact;
  const char* best_attack;
};
constexpr DiagramWords kWordsJa{
    .at_each_node = "各ノードの{}",
    .exact = "厳密値",
    .not_exact = "積み上げ値（共有部分木では厳密でない）",
    .best_attack = "赤: {}で最良の攻撃",
};
constexpr DiagramWords kWordsEn{
    .at_each_node = "{} at each node",
    .exact = "exact",
    .not_exact = "bottom-up, not exact on shared sub-trees",
    .best_attack = "red: the best attack by {}",
};

/// "cost at each node: exact; red: the best attack by cost", or empty without values.
std::string value_note(const TreeDiagramOptions& o) {
  if (o.values.empty()) return {};
  const DiagramWords& w = o.lang == model::Lang::kEn ? kWordsEn : kWordsJa;
  std::string note = fmt::format(fmt::runtime(w.at_each_node), o.value_name) + ": " +
                     (o.values_exact ? w.exact : w.not_exact);
  if (!o.highlight.empty()) note += "; " + fmt::format(fmt::runtime(w.best_attack), o.value_name);
  return note;
}

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
  if (!p) return n.method();
  std::size_t t = p->find_threat(n.method());
  return t == model::kNone ? n.method() : p->threats[t].name.in(lang);
}

/// Display width of UTF-8 text: two columns for a character of three or more bytes (CJK).
std::size_t columns(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    w += c >= 0xE0 ? 2 : 1;
  }
  return w;
}

/// A route name "a → b → c" broken before an arrow wherever a line would pass 40 columns, so a
/// route's gate stays narrow however long the route.
std::string wrap_path(std::string_view name) {
  constexpr std::string_view kArrow = " → ";
  constexpr std::size_t kWidth = 40;
  std::string out;
  std::size_t line = 0;
  while (!name.empty()) {
    std::size_t cut = name.find(kArrow, 1);
    std::string_view part = name.substr(0, cut);
    if (line > 0 && line + columns(part) > kWidth) {
      out += "\n";
      line = 0;
    }
    out += part;
    line += columns(part);
    name = cut == std::string_view::npos ? std::string_view() : name.substr(cut);
  }
  return out;
}

/// A measure's name in `lang` (its ref without a profile), marked when planned.
std::string measure_name(const attacktree::TreeCountermeasure& m, const model::Profile* p,
                         model::Lang lang) {
  std::string name = m.ref;
  if (p && m.measure != model::kNone) name = p->countermeasures[m.measure].name.in(lang);
  if (m.status == model::Status::kPlanned)
    name += lang == model::Lang::kEn ? " (planned)" : "(計画)";
  return name;
}

/// A step's end `id` as shown: the asset's name (or "attacker" in the report language) when
/// the options carry the model, else the id.
std::string end_name(const std::string& id, const TreeDiagramOptions& o) {
  if (!o.model) return id;
  if (id == attacktree::kAttacker) return std::string(words(o.lang).attacker);
  auto it = o.model->asset_index.find(id);
  return it == o.model->asset_index.end() ? id : std::string(o.model->assets[it->second].name);
}

std::string label_of(const Node& n, const model::Profile* p, const TreeDiagramOptions& o,
                     std::optional<double> level) {
  std::string label;
  if (attacktree::is_gate(n.kind)) {
    label = gate_word(n.kind);
    if (!n.name().empty()) label += "\n" + wrap_path(n.name());
  } else if (n.kind == NodeKind::kStep) {
    label = !n.name().empty() && n.name() != n.id
                ? fmt::format("{}\n{}", n.name(), method_name(n, p, o.lang))
                : fmt::format("{} → {} : {}", end_name(n.from(), o), end_name(n.to(), o),
                              method_name(n, p, o.lang));
  } else {
    label = n.name().empty() ? n.id : n.name();
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
  if (o.measures_in_labels && !n.countermeasures().empty()) {
    // Two measures a line, in brackets under the rest of the label.
    std::string names;
    for (std::size_t k = 0; k < n.countermeasures().size(); ++k) {
      if (k > 0) names += k % 2 == 0 ? ",\n" : ", ";
      names += measure_name(n.countermeasures()[k], p, o.lang);
    }
    label += "\n[" + names + "]";
  }
  return label;
}

std::string measure_label(const attacktree::TreeCountermeasure& m, const model::Profile* p,
                          model::Lang lang) {
  std::string name = m.ref;
  if (p && m.measure != model::kNone) name = p->countermeasures[m.measure].name.in(lang);
  return m.status == model::Status::kPlanned ? name + "\n(planned)" : name;
}

/// The defence nodes of `n` ("n<index>d<k>"), each with a dashed edge to `n`.
void draw_countermeasures(dot::Writer& w, const attacktree::Tree& t, std::size_t n,
                          const model::Profile* p, const TreeDiagramOptions& o) {
  const std::vector<attacktree::TreeCountermeasure>& ms = t.nodes[n].countermeasures();
  for (std::size_t k = 0; k < ms.size(); ++k) {
    std::string id = fmt::format("{}d{}", node_id(n), k);
    w.node(id,
           {attr("shape", "octagon"), dot::text("label", measure_label(ms[k], p, o.lang)),
            attr("fillcolor", "#cfe2f3"),
            attr("style", ms[k].status == model::Status::kPlanned ? "filled,dashed" : "filled")});
    w.edge(id, node_id(n), {attr("style", "dashed"), attr("arrowhead", "tee")});
  }
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
    std::string title =
        t.name.empty() || t.name == t.id ? t.id : fmt::format("{} — {}", t.id, t.name);
    if (!options.values.empty()) title += "\n" + value_note(options);
    if (options.values.empty() && !options.highlight.empty() && !options.highlight_note.empty())
      title += "\n" + options.highlight_note;
    g.push_back(dot::text("label", title));
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
    std::string label = label_of(n, profile, options, level);
    if (*it < options.values.size() && options.values[*it])
      label += fmt::format("\n{} {}", options.value_name, number(*options.values[*it]));
    dot::Attrs a{attr("shape", shape), dot::text("label", label),
                 attr("fillcolor", kVulnerabilityFill[vulnerability])};
    bool hot = *it < options.highlight.size() && options.highlight[*it];
    if (hot)
      a.push_back(attr("penwidth", "3")), a.push_back(attr("color", "#cc0000"));
    else if (attacktree::is_gate(n.kind))
      a.push_back(attr("penwidth", "1.6"));
    if (n.kind == NodeKind::kStep && options.model)
      a.push_back(dot::text("tooltip", fmt::format("{}: {} → {}", n.id, n.from(), n.to())));
    else if (!n.id.empty())
      a.push_back(dot::text("tooltip", n.id));
    w.node(node_id(*it), a);
    if (options.countermeasures) draw_countermeasures(w, t, *it, profile, options);
  }
  for (auto it = nodes.begin(); it != nodes.end(); ++it) {
    const Node& n = t.nodes[*it];
    for (std::size_t k = 0; k < n.children.size(); ++k) {
      dot::Attrs a;
      if (n.kind == NodeKind::kSand) a.push_back(dot::text("label", fmt::format("{}", k + 1)));
      std::size_t c = n.children[k];
      if (*it < options.highlight.size() && options.highlight[*it] && options.highlight[c])
        a.push_back(attr("color", "#cc0000")), a.push_back(attr("penwidth", "2.4"));
      w.edge(node_id(*it), node_id(c), a);
    }
  }
  return w.finish();
}

}  // namespace icsrisk::report
