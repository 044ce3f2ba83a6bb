// Reading ADTool 2's <adtree> files (adtool.h). ADTool's semantics, from its sources
// (lu.uni.adtool.tree.ADTNode, domains.adtpredefined): a node's defence is its last child of the
// other role; basic values are keyed by role and label; in ProbSucc a countered attack succeeds
// with p·(1 − d) and a countered defence with d·(1 − a); in MinCost, MinTime* and MinSkill a
// defence's own value is ∞ (not editable), so it blocks unless a counter-attack overcomes it,
// adding that attack's value (MinTimePar takes the larger time instead).

#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "attacktree/adtool.h"
#include "attacktree/adtool_parts.h"
#include "attacktree/loader.h"
#include "xml/reader.h"

namespace icsrisk::attacktree {

namespace {

using adtool::DefenceValue;
using adtool::Dom;
using adtool::kCost;
using adtool::kDomains;
using adtool::kProb;
using adtool::kSkill;
using adtool::kTime;
using adtool::Values;

/// An id made of a label: ASCII letters and digits kept (lower case), other runs a '-'.
std::string slug(std::string_view label) {
  std::string s;
  for (char c : label) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (alnum)
      s += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    else if (!s.empty() && s.back() != '-')
      s += '-';
  }
  while (!s.empty() && s.back() == '-')
    s.pop_back();
  return s.empty() ? "node" : s;
}

/// A name not yet in `used` made from `base` (base, base-2, base-3, …), added to `used`.
std::string unique(std::set<std::string>& used, const std::string& base) {
  std::string id = base;
  for (int k = 2; !used.insert(id).second; ++k)
    id = fmt::format("{}-{}", base, k);
  return id;
}

class AdtoolReader {
 public:
  AdtoolReader(const core::SourceFile& file, core::Diagnostics& diags)
      : file_(file), diags_(diags) {}

  std::optional<Tree> read(pugi::xml_node root) {
    sandtree_ = std::string_view(root.name()) == "sandtree";
    if (std::string_view(root.name()) != "adtree" && !sandtree_) {
      diags_.error(xml::loc_of(file_, root),
                   fmt::format("the root element of an ADTool 2 file is <adtree> or <sandtree>, "
                               "not <{}>",
                               root.name()));
      return std::nullopt;
    }
    xml::Element e(file_, diags_, root, {});
    pugi::xml_node top;
    for (pugi::xml_node c : e.children({"node", "domain"})) {
      if (std::string_view(c.name()) == "domain") {
        read_domain(c);
      } else if (top) {
        diags_.error(xml::loc_of(file_, c), "an <adtree> has one root <node>");
      } else {
        top = c;
      }
    }
    if (!top) {
      diags_.error(xml::loc_of(file_, root), "the <adtree> has no <node>");
      return std::nullopt;
    }
    for (std::size_t d = 0; d < kDomains; ++d)
      domains_.present[d] = !domain_[d].empty();
    domains_.sequential = time_class_ == kAdtoolTimeSequential;
    adtool::Node n = read_node(top, false, 1);
    if (n.defender)
      diags_.error(n.loc,
                   "the root is the defender's (switchRole): icsrisk's trees are the "
                   "attacker's goal");
    if (diags_.has_errors()) return std::nullopt;
    tree_.loc = n.loc;
    tree_.name = n.label;
    tree_.id = "at-" + slug(n.label);
    tree_.root = attack(n);
    if (diags_.has_errors()) return std::nullopt;
    order_nodes(tree_);
    return std::move(tree_);
  }

 private:
  void read_domain(pugi::xml_node d) {
    xml::Element e(file_, diags_, d, {"id"});
    std::string id(e.required("id"));
    std::string cls(e.child_text("class"));
    e.children({"class", "tool", "range"});
    std::string name = cls.substr(cls.rfind('.') == std::string::npos ? 0 : cls.rfind('.') + 1);
    if (sandtree_) {
      // A sequential tree's time: OR min, AND max, SAND sum, as icsrisk's.
      if (name == kAdtoolSandTime && domain_[kTime].empty()) {
        domain_[kTime] = id;
        time_class_ = name;
      } else {
        diags_.warning(e.loc(), fmt::format("domain '{}' ({}) of a <sandtree> is not read: only "
                                            "MinTime has an icsrisk counterpart",
                                            id, cls.empty() ? "no <class>" : cls));
      }
      return;
    }
    static const std::array<std::pair<const char*, Dom>, 5> kMap = {{
        {kAdtoolProbability, kProb},
        {kAdtoolCost, kCost},
        {kAdtoolTimeParallel, kTime},
        {kAdtoolTimeSequential, kTime},
        {kAdtoolSkill, kSkill},
    }};
    for (auto [known, dom] : kMap) {
      if (name != known) continue;
      // MinTimePar is icsrisk's time (AND takes the longest child); it wins over MinTimeSeq.
      bool replaces =
          dom == kTime && time_class_ == kAdtoolTimeSequential && name == kAdtoolTimeParallel;
      if (!domain_[dom].empty() && !replaces) {
        diags_.warning(e.loc(), fmt::format("domain '{}' ({}) is not read: '{}' gives these "
                                            "values",
                                            id, name, domain_[dom]));
        return;
      }
      if (replaces)
        diags_.warning(e.loc(), fmt::format("domain '{}' (MinTimePar) gives the time; '{}' "
                                            "(MinTimeSeq) is not read",
                                            id, domain_[kTime]));
      domain_[dom] = id;
      if (dom == kTime) time_class_ = name;
      return;
    }
    diags_.warning(e.loc(), fmt::format("domain '{}' ({}) has no icsrisk counterpart; its values "
                                        "are not read",
                                        id, cls.empty() ? "no <class>" : cls));
  }

  /// A <node> and everything below it; `parent_defender` is its parent's role.
  adtool::Node read_node(pugi::xml_node x, bool parent_defender, std::size_t depth) {
    xml::Element e(file_, diags_, x, {"refinement", "switchRole"});
    adtool::Node n;
    n.loc = e.loc();
    std::size_t refinement =
        sandtree_ ? e.choice("refinement", {"disjunctive", "conjunctive", "sequential"}, 0, true)
                  : e.choice("refinement", {"disjunctive", "conjunctive"}, 0, true);
    n.conjunctive = refinement == 1;
    n.sequential = refinement == 2;
    bool switched = e.choice("switchRole", {"no", "yes", "false", "true"}, 0, false) % 2 == 1;
    if (sandtree_ && switched)
      diags_.error(e.attr_loc("switchRole"), "a <sandtree> has no defences (switchRole)");
    n.defender = parent_defender != switched;
    if (depth > kMaxDepth) {
      diags_.error(n.loc, fmt::format("the tree is nested deeper than {} levels", kMaxDepth));
      return n;
    }
    bool labelled = false;
    std::vector<pugi::xml_node> kids =
        e.children({"label", "parameter", "node", "comment", "ranking"});
    for (pugi::xml_node c : kids) {
      std::string_view name = c.name();
      if (name == "label" && !labelled) {
        n.label = c.child_value();
        labelled = true;
      } else if (name == "parameter") {
        parameter(c, n.values);
      } else if (name == "node") {
        adtool::Node child = read_node(c, n.defender, depth + 1);
        if (n.counter)
          diags_.error(n.counter->loc,
                       "a node of the other role (switchRole) must be the last "
                       "child of its parent, as in ADTool");
        if (child.defender == n.defender)
          n.children.push_back(std::move(child));
        else
          n.counter = std::make_unique<adtool::Node>(std::move(child));
      }
    }
    if (n.label.empty()) diags_.error(n.loc, "a <node> needs a non-empty <label>");
    return n;
  }

  /// A `basic` <parameter> of a domain read (ADTool 1 files have no category: basic).
  void parameter(pugi::xml_node p, Values& values) {
    xml::Element e(file_, diags_, p, {"domainId", "category"});
    if (e.optional("category", "basic") != "basic") return;
    std::string_view id = e.required("domainId");
    for (std::size_t d = 0; d < kDomains; ++d)
      if (!domain_[d].empty() && id == domain_[d])
        values[d] = number(e, p.child_value(), d == kProb ? 1.0 : HUGE_VAL);
  }

  std::optional<double> number(xml::Element& e, std::string_view text, double hi) {
    double d = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
    if (ec == std::errc() && p == text.data() + text.size() && !text.empty() && std::isfinite(d) &&
        d >= 0 && d <= hi)
      return d;
    diags_.error(e.loc(), fmt::format("the value '{}' must be {}{}", text,
                                      hi == 1.0 ? "a number from 0 to 1" : "a number of at least 0",
                                      text == "Infinity" ? " (icsrisk's values are finite)" : ""));
    return std::nullopt;
  }

  std::size_t attack(const adtool::Node& n) {
    std::vector<TreeCountermeasure> measures;
    if (n.counter) measures.push_back(measure(*n.counter));
    if (n.children.empty()) return leaf(n, std::move(measures));
    bool effect = !measures.empty() && measures.front().has_effect();
    NodeKind conjunction = domains_.sequential ? NodeKind::kSand : NodeKind::kAnd;
    NodeKind kind = n.sequential     ? NodeKind::kSand
                    : !n.conjunctive ? NodeKind::kOr
                    : sandtree_      ? NodeKind::kAnd
                                     : conjunction;
    std::size_t index = gate(n, kind);
    std::size_t inner = index;
    if (effect && !n.conjunctive) {
      // Effects stand on basic actions: c(G, D) is G ∧ "get past D", D's effect on the latter
      // (ADTool's countered value is that conjunction's in every domain).
      tree_.nodes[index].kind = conjunction;
      inner = gate(n, NodeKind::kOr);
      add_child(index, inner);
    }
    std::vector<TreeCountermeasure> for_leaf;
    (effect ? for_leaf : tree_.nodes[index].edit_extra().countermeasures) = std::move(measures);
    for (const adtool::Node& c : n.children)
      add_child(inner, attack(c));
    if (effect) add_child(index, get_past(*n.counter, std::move(for_leaf)));
    return index;
  }

  std::size_t gate(const adtool::Node& n, NodeKind kind) {
    Node& g = tree_.nodes.emplace_back();
    g.kind = kind;
    g.id = unique(ids_, slug(n.label));
    g.set_name(n.label);
    g.loc = n.loc;
    return tree_.nodes.size() - 1;
  }

  void add_child(std::size_t parent, std::size_t child) { tree_.nodes[parent].add_child(child); }

  /// The basic action "get past: D" that carries the effect of defence D of a refined node:
  /// certain, free, instant and needing no skill by itself.
  std::size_t get_past(const adtool::Node& d, std::vector<TreeCountermeasure> measures) {
    adtool::Node n;
    n.loc = d.loc;
    n.label = "get past: " + d.label;
    for (std::size_t k = 0; k < kDomains; ++k)
      if (domains_.present[k]) n.values[k] = k == kProb ? 1.0 : 0.0;
    return leaf(n, std::move(measures));
  }

  /// A basic action; a second one with the same label is the same event (ADTool keys basic
  /// values by label), so it must carry the same defence.
  std::size_t leaf(const adtool::Node& n, std::vector<TreeCountermeasure> measures) {
    std::string signature = measures_signature(measures);
    if (auto it = leaves_.find(n.label); it != leaves_.end()) {
      if (it->second.second != signature) {
        diags_.error(n.loc, fmt::format("the basic action '{}' appears again with another "
                                        "defence: equal labels are one event",
                                        n.label));
        diags_.note(tree_.nodes[it->second.first].loc, "first defined here");
      }
      return it->second.first;
    }
    std::size_t index = tree_.nodes.size();
    Node& x = tree_.nodes.emplace_back();
    x.kind = NodeKind::kLeaf;
    x.id = unique(ids_, slug(n.label));
    x.set_name(n.label);
    x.loc = n.loc;
    x.probability = n.values[kProb];
    x.cost = n.values[kCost];
    x.time = n.values[kTime];
    x.skill = n.values[kSkill];
    x.edit_extra().countermeasures = std::move(measures);
    leaves_.emplace(n.label, std::make_pair(index, signature));
    return index;
  }

  static std::string measures_signature(const std::vector<TreeCountermeasure>& ms) {
    std::string s;
    for (const TreeCountermeasure& m : ms)
      s += fmt::format("{}|{}|{}|{}|{};", m.ref, m.blocks, m.probability_factor.value_or(-1),
                       m.adds_cost.value_or(-1), m.adds_time.value_or(-1));
    return s;
  }

  /// The countermeasure a defence sub-tree stands for: named after its top, with ADTool's
  /// value of the whole sub-tree as its effect.
  TreeCountermeasure measure(const adtool::Node& d) {
    TreeCountermeasure m;
    m.loc = d.loc;
    auto [it, inserted] = refs_.emplace(d.label, std::string());
    if (inserted) it->second = unique(ref_ids_, slug(d.label));
    m.ref = it->second;
    m.function = model::Function::kProtect;
    if (!domains_.any()) return m;
    DefenceValue v = adtool::defence_value(d, domains_, diags_);
    const std::array<bool, kDomains>& has = domains_.present;
    bool endless = (has[kCost] && std::isinf(v.cost)) || (has[kTime] && std::isinf(v.time)) ||
                   (has[kSkill] && std::isinf(v.skill));
    if (endless || (has[kProb] && v.factor == 0 && !has[kCost] && !has[kTime] && !has[kSkill])) {
      m.blocks = true;
      if (has[kProb] && v.factor != 0)
        diags_.warning(d.loc, fmt::format("the defence '{}' cannot be overcome in cost, time or "
                                          "skill, but leaves the attack a chance in probability "
                                          "(factor {}); icsrisk blocks the event",
                                          d.label, v.factor));
      return m;
    }
    if (has[kProb] && v.factor != 1) m.probability_factor = v.factor;
    if (has[kCost] && v.cost != 0) m.adds_cost = v.cost;
    if (has[kTime] && v.time != 0) {
      if (domains_.sequential)
        m.adds_time = v.time;
      else
        diags_.error(d.loc, fmt::format("overcoming the defence '{}' takes time {} under "
                                        "MinTimePar, which keeps the longer of two times where "
                                        "icsrisk adds them; use MinTimeSeq",
                                        d.label, v.time));
    }
    if (has[kSkill] && v.skill != 0)
      diags_.warning(d.loc, fmt::format("overcoming the defence '{}' takes skill {}: not read, "
                                        "icsrisk's countermeasures do not change the skill",
                                        d.label, v.skill));
    return m;
  }

  const core::SourceFile& file_;
  core::Diagnostics& diags_;
  Tree tree_;
  std::array<std::string, kDomains> domain_;  ///< the domain id giving each of our domains
  std::string time_class_;
  bool sandtree_ = false;  ///< a <sandtree> file (ADTool 2's sequential trees)
  adtool::Domains domains_;
  std::set<std::string> ids_, ref_ids_;
  std::map<std::string, std::pair<std::size_t, std::string>> leaves_;  ///< label → node, defence
  std::map<std::string, std::string> refs_;                            ///< defence label → ref
};

}  // namespace

std::optional<Tree> import_adtool(const core::SourceFile& file, core::Diagnostics& diags) {
  std::size_t errors_before = diags.error_count();
  xml::Document doc;
  pugi::xml_node root = xml::parse(file, diags, doc);
  if (!root) return std::nullopt;
  core::Diagnostics local;
  std::optional<Tree> t = AdtoolReader(file, local).read(root);
  bool failed = local.has_errors();
  diags.append(std::move(local));
  if (failed || diags.error_count() != errors_before) return std::nullopt;
  return t;
}

}  // namespace icsrisk::attacktree
