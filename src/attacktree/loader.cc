// The attack-tree file format (design.md "Attack-tree file (XML)").

#include "attacktree/loader.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "attacktree/reader_parts.h"
#include "attacktree/stream_reader.h"
#include "core/text.h"
#include "xml/reader.h"

namespace icsrisk::attacktree {

namespace {

/// A <ref node="…"/> waiting for every id of the file to be known.
struct PendingRef {
  std::size_t parent = kNone, slot = 0;
  std::string target;
  Loc loc;
};

class TreeReader {
 public:
  TreeReader(const core::SourceFile& file, core::Diagnostics& diags, const LoadContext& context)
      : file_(file), diags_(diags), context_(context), errors_before_(diags.error_count()) {}

  std::optional<Tree> read(pugi::xml_node root) {
    if (std::string_view(root.name()) != "attack-tree") {
      diags_.error(xml::loc_of(file_, root),
                   fmt::format("the root element must be <attack-tree>, not <{}>", root.name()));
      return std::nullopt;
    }
    xml::Element e(file_, diags_, root, {"id", "scenario", "name"});
    tree_.loc = e.loc();
    tree_.id = e.id();
    tree_.scenario = e.ref("scenario", false);
    tree_.name = e.optional("name", tree_.id);
    if (!tree_.scenario.empty()) check_scenario(e);
    for (pugi::xml_node c : strict_children(
             root, {"description", "shared", "or", "and", "sand", "step", "leaf", "ref"})) {
      std::string_view n = c.name();
      if (n == "description") {
        tree_.description = c.child_value();
      } else if (n == "shared") {
        read_shared(c);
      } else if (n == "ref") {
        diags_.error(xml::loc_of(file_, c), "the top node of a tree cannot be a <ref>");
      } else if (tree_.root != kNone) {
        diags_.error(xml::loc_of(file_, c),
                     "an <attack-tree> has one top node; put alternatives under an <or>");
      } else {
        tree_.root = read_node(c, 1);
      }
    }
    if (tree_.root == kNone)
      diags_.error(tree_.loc,
                   "the <attack-tree> has no top node (<or>, <and>, <sand>, <step> or <leaf>)");
    resolve_refs();
    check_repeated_children();
    if (tree_.root != kNone) check_cycles();
    if (tree_.root != kNone && diags_.error_count() == errors_before_) check_shared_used();
    return std::move(tree_);
  }

 private:
  std::size_t read_node(pugi::xml_node n, std::size_t depth) {
    std::string_view name = n.name();
    std::size_t index = tree_.nodes.size();
    tree_.nodes.emplace_back();
    if (depth > kMaxDepth) {
      diags_.error(xml::loc_of(file_, n),
                   fmt::format("the tree is nested deeper than {} levels", kMaxDepth));
      tree_.nodes[index].loc = xml::loc_of(file_, n);
      return index;
    }
    if (name == "or" || name == "and" || name == "sand") {
      read_gate(n, index, depth);
    } else {
      read_event(n, index, name == "step" ? NodeKind::kStep : NodeKind::kLeaf);
    }
    return index;
  }

  void read_gate(pugi::xml_node n, std::size_t index, std::size_t depth) {
    xml::Element e(file_, diags_, n, {"id", "name"});
    std::string_view name = n.name();
    {
      Node& g = tree_.nodes[index];
      g.kind = name == "or" ? NodeKind::kOr : name == "and" ? NodeKind::kAnd : NodeKind::kSand;
      g.loc = e.loc();
      if (e.has("id")) g.id = e.id();
      g.set_name(e.optional("name", g.id));
    }
    define_id(index, e);
    for (pugi::xml_node c : strict_children(
             n, {"description", "countermeasure", "or", "and", "sand", "step", "leaf", "ref"})) {
      std::string_view cn = c.name();
      if (cn == "description") {
        tree_.nodes[index].edit_extra().description = c.child_value();
      } else if (cn == "countermeasure") {
        TreeCountermeasure m = countermeasure(c);
        if (m.has_effect())
          diags_.error(m.loc,
                       "a countermeasure's effect stands on a step or leaf, not on a gate "
                       "(a shared event below would take it on some paths only)");
        tree_.nodes[index].edit_extra().countermeasures.push_back(std::move(m));
      } else if (cn == "ref") {
        xml::Element re(file_, diags_, c, {"node"});
        std::string target(re.ref("node"));
        Node& g = tree_.nodes[index];
        refs_.push_back({index, g.children.size(), target, re.attr_loc("node")});
        g.add_child(kNone, re.loc());
        re.children({});
      } else {
        std::size_t child = read_node(c, depth + 1);
        tree_.nodes[index].add_child(child);
      }
    }
    if (tree_.nodes[index].children.empty())
      diags_.error(e.loc(), fmt::format("<{}> has no children; a gate needs at least one", name));
  }

  void read_event(pugi::xml_node n, std::size_t index, NodeKind kind) {
    xml::Element e =
        kind == NodeKind::kStep
            ? xml::Element(
                  file_, diags_, n,
                  {"id", "name", "from", "to", "method", "probability", "cost", "time", "skill"})
            : xml::Element(file_, diags_, n,
                           {"id", "name", "probability", "cost", "time", "skill", "level"});
    Node& x = tree_.nodes[index];
    x.kind = kind;
    x.loc = e.loc();
    x.id = e.id();
    x.set_name(e.optional("name", x.id));
    x.probability = number(e, "probability", 1.0);
    x.cost = number(e, "cost", HUGE_VAL);
    x.time = number(e, "time", HUGE_VAL);
    x.skill = number(e, "skill", HUGE_VAL);
    if (kind == NodeKind::kLeaf && e.has("level")) x.level = e.integer("level", 1, 3, 1, true);
    if (kind == NodeKind::kStep) {
      NodeExtra& more = x.edit_extra();
      more.from = e.ref("from");
      more.to = e.ref("to");
      more.method = e.ref("method");
      check_step(e, x);
    }
    define_id(index, e);
    for (pugi::xml_node c : e.children({"description", "countermeasure"})) {
      if (std::string_view(c.name()) == "description") {
        tree_.nodes[index].edit_extra().description = c.child_value();
      } else {
        tree_.nodes[index].edit_extra().countermeasures.push_back(countermeasure(c));
      }
    }
  }

  std::optional<double> number(xml::Element& e, const char* name, double hi) {
    return read_number(e, diags_, name, hi);
  }

  TreeCountermeasure countermeasure(pugi::xml_node n) {
    return read_countermeasure(file_, diags_, n, context_.profile);
  }

  void define_id(std::size_t index, xml::Element& e) {
    const std::string& id = tree_.nodes[index].id;
    if (id.empty()) return;
    auto [it, inserted] = first_.emplace(id, index);
    if (inserted) return;
    diags_.error(e.attr_loc("id"), fmt::format("duplicate node id '{}'", id));
    diags_.note(tree_.nodes[it->second].loc, "first defined here");
  }

  void unknown(Loc loc, std::string_view what, const std::string& value,
               const std::vector<std::string_view>& candidates) {
    std::string s = core::closest_match(value, candidates);
    diags_.error(loc, fmt::format("unknown {} '{}'{}", what, value,
                                  s.empty() ? "" : fmt::format("; did you mean '{}'?", s)));
  }

  void check_step(xml::Element& e, const Node& x) {
    if (const model::Profile* p = context_.profile; p && !x.method().empty()) {
      if (p->find_threat(x.method()) == kNone) {
        std::vector<std::string_view> ids;
        for (const model::Threat& t : p->threats)
          ids.push_back(t.id);
        unknown(e.attr_loc("method"), "method", x.method(), ids);
      }
    }
    if (x.to() == kAttacker) diags_.error(e.attr_loc("to"), "a step cannot lead to the attacker");
    const model::Model* m = context_.model;
    if (!m) return;
    std::vector<std::string_view> ids;
    for (const model::Asset& a : m->assets)
      ids.push_back(a.id);
    if (!x.from().empty() && x.from() != kAttacker && !m->asset_index.contains(x.from())) {
      std::vector<std::string_view> with_attacker = ids;
      with_attacker.push_back(kAttacker);
      unknown(e.attr_loc("from"), "asset", x.from(), with_attacker);
    }
    if (!x.to().empty() && x.to() != kAttacker && !m->asset_index.contains(x.to()))
      unknown(e.attr_loc("to"), "asset", x.to(), ids);
  }

  void check_scenario(xml::Element& e) {
    const model::Model* m = context_.model;
    if (!m) return;
    std::vector<std::string_view> ids;
    for (const model::Impact& i : m->impacts)
      for (const model::Scenario& s : i.scenarios) {
        if (s.id == tree_.scenario) return;
        ids.push_back(s.id);
      }
    unknown(e.attr_loc("scenario"), "scenario", tree_.scenario, ids);
  }

  /// The element children of `n`; an unknown one is an error (a misspelt or unsupported gate
  /// such as <xor> would silently drop its branch), with "did you mean".
  std::vector<pugi::xml_node> strict_children(pugi::xml_node n,
                                              std::initializer_list<std::string_view> known) {
    std::vector<pugi::xml_node> out;
    std::vector<std::string_view> names(known);
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = c.name();
      if (std::find(names.begin(), names.end(), name) != names.end()) {
        out.push_back(c);
        continue;
      }
      std::string s = core::closest_match(name, names);
      diags_.error(
          xml::loc_of(file_, c),
          fmt::format("unknown element <{}> in <{}>: the gates are <or>, <and> and "
                      "<sand>, the events <step> and <leaf>{}",
                      name, n.name(), s.empty() ? "" : fmt::format("; did you mean <{}>?", s)));
    }
    return out;
  }

  /// <shared>: nodes defined once, outside the tree, for <ref>s to use.
  void read_shared(pugi::xml_node section) {
    xml::Element e(file_, diags_, section, {});
    for (pugi::xml_node c : strict_children(section, {"or", "and", "sand", "step", "leaf"})) {
      if (!c.attribute("id")) {
        diags_.error(xml::loc_of(file_, c),
                     "a node in <shared> needs an id, for <ref node=\"…\"/> to name it");
        continue;
      }
      shared_.push_back(read_node(c, 2));
    }
  }

  void check_shared_used() {
    std::vector<bool> reached(tree_.nodes.size(), false);
    for (std::size_t n : tree_.order)
      reached[n] = true;
    for (std::size_t n : shared_)
      if (!reached[n])
        diags_.warning(tree_.nodes[n].loc,
                       fmt::format("shared node '{}' is never referenced", tree_.nodes[n].id));
  }

  /// The same node twice under one gate: an event counts once, so the repeat is a mistake.
  void check_repeated_children() {
    std::vector<std::size_t> last_parent(tree_.nodes.size(), kNone);
    for (std::size_t gi = 0; gi < tree_.nodes.size(); ++gi) {
      const Node& g = tree_.nodes[gi];
      for (std::size_t k = 0; k < g.children.size(); ++k) {
        if (g.children[k] == kNone) continue;
        std::size_t& seen = last_parent[g.children[k]];
        if (seen != gi) {
          seen = gi;
          continue;
        }
        diags_.error(g.child_ref(k).known() ? g.child_ref(k) : g.loc,
                     fmt::format("node '{}' appears twice under this <{}>; an event counts once, "
                                 "so remove one of them",
                                 tree_.label(g.children[k]), kind_name(g.kind)));
      }
    }
  }

  void resolve_refs() {
    std::vector<std::string_view> ids;
    for (const PendingRef& r : refs_) {
      if (r.target.empty()) continue;
      auto it = first_.find(r.target);
      if (it == first_.end()) {
        if (ids.empty()) {
          for (const Node& n : tree_.nodes)
            if (!n.id.empty()) ids.push_back(n.id);
          std::sort(ids.begin(), ids.end());  // deterministic "did you mean"
        }
        std::string s = core::closest_match(r.target, ids);
        diags_.error(
            r.loc, fmt::format("unknown node '{}'{}; a shared node is defined once, with "
                               "its id (inline under one gate, or in a top-level "
                               "<shared> section), and <ref node=\"…\"/> names it "
                               "everywhere else",
                               r.target, s.empty() ? "" : fmt::format(" (did you mean '{}'?)", s)));
        continue;
      }
      tree_.nodes[r.parent].children[r.slot] = it->second;
    }
  }

  void check_cycles() {
    std::vector<std::size_t> cycle = order_nodes(tree_);
    if (cycle.empty()) return;
    // The cycle must use a <ref> edge (inline nesting is a tree): report at the first one.
    Loc at = tree_.nodes[cycle.front()].loc;
    for (std::size_t i = 0; i + 1 < cycle.size(); ++i) {
      const Node& n = tree_.nodes[cycle[i]];
      for (std::size_t k = 0; k < n.children.size(); ++k)
        if (n.children[k] == cycle[i + 1] && n.child_ref(k).known()) {
          at = n.child_ref(k);
          i = cycle.size();
          break;
        }
    }
    std::string path;
    for (std::size_t c : cycle)
      path += (path.empty() ? "" : " → ") + tree_.label(c);
    diags_.error(at, fmt::format("cycle through shared sub-trees: {}", path));
  }

  const core::SourceFile& file_;
  core::Diagnostics& diags_;
  const LoadContext& context_;
  Tree tree_;
  model::IdIndex& first_ = tree_.id_index;
  std::vector<PendingRef> refs_;
  std::vector<std::size_t> shared_;  ///< the nodes of <shared>
  std::size_t errors_before_ = 0;
};

}  // namespace

std::optional<Tree> load_tree(const core::SourceFile& file, core::Diagnostics& diags,
                              const LoadContext& context) {
  if (std::optional<Tree> t = stream_tree(file, context)) return t;
  return load_tree_dom(file, diags, context);
}

std::optional<Tree> load_tree_dom(const core::SourceFile& file, core::Diagnostics& diags,
                                  const LoadContext& context) {
  std::size_t errors_before = diags.error_count();
  xml::Document doc;
  pugi::xml_node root = xml::parse(file, diags, doc);
  if (!root) return std::nullopt;
  std::optional<Tree> t = TreeReader(file, diags, context).read(root);
  if (diags.error_count() != errors_before) return std::nullopt;
  return t;
}

}  // namespace icsrisk::attacktree
