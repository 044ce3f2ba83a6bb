// Writing ADTool 2's <adtree> files (adtool.h), in the layout of ADTool's own export
// (lu.uni.adtool.tree.ADTNode.exportXml, ValuationDomain.exportXML). A measure's effect is
// written so that ADTool's domains compute what icsrisk does: the defence succeeds with
// probability 1 and is overcome by a basic action "overcome: …" whose probability is the
// measure's probability factor, whose cost and time are what it adds, and whose skill is 0
// (ADTool: p·(1 − 1·(1 − f)) = p·f, c + added cost, t + added time); a blocking measure is
// a defence of probability 1 that nothing overcomes (probability 0, cost, time and skill ∞).

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "attacktree/adtool.h"
#include "core/text.h"

namespace icsrisk::attacktree {

namespace {

enum Dom : std::size_t { kProb, kCost, kTime, kSkill, kDomains };

/// Escapes element text (labels are the only text written).
std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (const char* entity = core::markup_entity(c, core::Entities::kText))
      out += entity;
    else if (c == '\n' || c == '\r' || c == '\t')
      out += fmt::format("&#{};", static_cast<int>(c));
    else
      out += c;
  }
  return out;
}

std::string effect_signature(const TreeCountermeasure& m) {
  return fmt::format("{}|{}|{}|{}", m.blocks, m.probability_factor.value_or(-1),
                     m.adds_cost.value_or(-1), m.adds_time.value_or(-1));
}

class AdtoolWriter {
 public:
  AdtoolWriter(const Tree& t, core::Diagnostics& diags) : t_(t), diags_(diags) {}

  std::optional<std::string> run() {
    std::size_t errors_before = diags_.error_count();
    check_gates();
    choose_domains();
    name_events();
    name_measures();
    if (diags_.error_count() != errors_before) return std::nullopt;
    const char* root = sandtree_ ? "sandtree" : "adtree";
    out_ = fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{}>\n", root);
    node(t_.root, 1);
    static const std::array<const char*, kDomains> kClass = {kAdtoolProbability, kAdtoolCost,
                                                             nullptr, kAdtoolSkill};
    for (std::size_t d = 0; d < kDomains; ++d) {
      if (id_[d].empty()) continue;
      const char* cls = d == kTime ? time_class_ : kClass[d];
      out_ += fmt::format(
          "  <domain id=\"{}\">\n    <class>lu.uni.adtool.domains.{}.{}"
          "</class>\n    <tool>ADTool2</tool>\n",
          id_[d], sandtree_ ? "sandpredefined" : "adtpredefined", cls);
      if (d == kSkill) out_ += fmt::format("    <range>{}</range>\n", skill_range_);
      out_ += "  </domain>\n";
    }
    out_ += fmt::format("</{}>\n", root);
    return std::move(out_);
  }

 private:
  /// ADTool's attack–defence trees have one conjunction: MinTimePar makes it our <and>,
  /// MinTimeSeq our <sand>. A tree with both is a <sandtree>, which has no defences.
  void check_gates() {
    const Node* first_and = nullptr;
    const Node* first_sand = nullptr;
    for (std::size_t n : t_.order) {
      const Node& x = t_.nodes[n];
      if (x.kind == NodeKind::kAnd && !first_and) first_and = &x;
      if (x.kind == NodeKind::kSand && !first_sand) first_sand = &x;
    }
    const TreeCountermeasure* measure = nullptr;
    for (std::size_t n : t_.order)
      if (!t_.nodes[n].countermeasures().empty() && !measure)
        measure = &t_.nodes[n].countermeasures().front();
    sandtree_ = first_and && first_sand && !measure;
    if (first_and && first_sand && measure) {
      diags_.error(first_sand->loc,
                   "the tree has both <and> and <sand>: ADTool 2's attack–defence trees have one "
                   "conjunction (its time is parallel in MinTimePar, sequential in MinTimeSeq), "
                   "and its sequential trees (<sandtree>) have no defences");
      diags_.note(measure->loc, "a countermeasure");
    }
    time_class_ = sandtree_   ? kAdtoolSandTime
                  : first_and ? kAdtoolTimeParallel
                              : kAdtoolTimeSequential;
    for (std::size_t n : t_.order)
      for (const TreeCountermeasure& m : t_.nodes[n].countermeasures())
        if (first_and && m.adds_time)
          diags_.error(m.loc, fmt::format("adds-time of '{}' cannot be written: under <and> the "
                                          "time domain is MinTimePar, which keeps the longer of "
                                          "two times where icsrisk adds them",
                                          m.ref));
  }

  /// A domain is written when every basic event that is not blocked has its value (ADTool
  /// would read a missing one as its default, 0 or ∞, where icsrisk's value is n/a).
  void choose_domains() {
    static const std::array<const char*, kDomains> kNames = {"probability", "cost", "time",
                                                             "skill"};
    static const std::array<const char*, kDomains> kIds = {"ProbSucc1", "MinCost2", nullptr,
                                                           "MinSkill4"};
    for (std::size_t d = 0; d < kDomains; ++d) {
      if (sandtree_ && d != kTime) {
        const Node* valued = nullptr;
        for (std::size_t n : t_.order)
          if (!valued && !is_gate(t_.nodes[n].kind) && value(t_.nodes[n], d)) valued = &t_.nodes[n];
        if (valued)
          diags_.warning(valued->loc, fmt::format("no {} is written: ADTool's sequential trees "
                                                  "(<sandtree>) have only a time domain",
                                                  kNames[d]));
        continue;
      }
      const Node* missing = nullptr;
      bool integral = true, some = false;
      for (std::size_t n : t_.order) {
        const Node& x = t_.nodes[n];
        if (is_gate(x.kind)) continue;
        const std::optional<double>& v = value(x, d);
        // A blocked event's value does not count (ADTool's default stands in for it).
        bool blocked = std::any_of(x.countermeasures().begin(), x.countermeasures().end(),
                                   [](const TreeCountermeasure& m) { return m.blocks; });
        if (!v && !missing && !blocked) missing = &x;
        some = some || v.has_value();
        if (v && d == kSkill) {
          integral = integral && *v == std::floor(*v) && *v <= 1e9;
          if (integral) skill_range_ = std::max(skill_range_, static_cast<long long>(*v));
        }
      }
      if (missing) {
        if (!some) continue;  // nothing to lose
        diags_.warning(missing->loc, fmt::format("no {} is written: '{}' has none (ADTool would "
                                                 "read it as its default)",
                                                 kNames[d], t_.label(missing - &t_.nodes[0])));
      } else if (!integral) {
        diags_.warning(t_.loc, "no skill is written: ADTool's MinSkill holds whole numbers");
      } else {
        id_[d] = sandtree_    ? fmt::format("{}1", time_class_)
                 : d == kTime ? fmt::format("{}3", time_class_)
                              : kIds[d];
      }
    }
    skill_range_ = std::max(skill_range_, 1LL);
  }

  static std::optional<double> value(const Node& x, std::size_t d) {
    return d == kProb ? x.probability : d == kCost ? x.cost : d == kTime ? x.time : x.skill;
  }

  /// ADTool keys basic values by label: distinct events need distinct labels.
  void name_events() {
    std::map<std::string, int> uses;
    for (std::size_t n : t_.order)
      if (!is_gate(t_.nodes[n].kind)) ++uses[shown(t_.nodes[n])];
    label_.assign(t_.nodes.size(), std::string());
    for (std::size_t n : t_.order) {
      const Node& x = t_.nodes[n];
      label_[n] = shown(x);
      if (!is_gate(x.kind) && uses[label_[n]] > 1) label_[n] += fmt::format(" [{}]", x.id);
    }
    lost();
  }

  static std::string shown(const Node& x) {
    return !x.name().empty() ? x.name() : !x.id.empty() ? x.id : kind_name(x.kind);
  }

  /// One warning per kind of information ADTool has no place for, at its first occurrence.
  void lost() {
    std::set<std::string> said;
    auto say = [&](bool when, core::Loc loc, const char* what) {
      if (when && said.insert(what).second)
        diags_.warning(loc, fmt::format("ADTool 2 has no place for {}: not written", what));
    };
    for (std::size_t n : t_.order) {
      const Node& x = t_.nodes[n];
      say(x.kind == NodeKind::kStep, x.loc, "a step's from, to and method (steps become leaves)");
      say(x.level.has_value(), x.loc, "a leaf's countermeasure level");
      say(!x.description().empty(), x.loc, "descriptions");
      for (const TreeCountermeasure& m : x.countermeasures()) {
        say(m.blocks && std::all_of(id_.begin(), id_.end(), [](auto& s) { return s.empty(); }),
            m.loc, "a blocking countermeasure when no domain is written");
        say(m.probability_factor && id_[kProb].empty(), m.loc,
            "a probability factor when no probability is written");
        say(m.adds_cost && id_[kCost].empty(), m.loc, "adds-cost when no cost is written");
        say(m.adds_time && id_[kTime].empty(), m.loc, "adds-time when no time is written");
        say(m.cost.has_value(), m.loc, "a countermeasure's own cost");
        say(m.status == model::Status::kPlanned, m.loc,
            "a countermeasure's status (planned measures are written as in force)");
        say(m.function != model::Function::kProtect || m.stages != 0, m.loc,
            "a countermeasure's function and stage (defences are read back as protect)");
      }
    }
  }

  /// A measure's label is its ref, unless the ref has several effects in the tree.
  void name_measures() {
    std::map<std::string, std::set<std::string>> effects;
    for (std::size_t n : t_.order)
      for (const TreeCountermeasure& m : t_.nodes[n].countermeasures())
        effects[m.ref].insert(effect_signature(m));
    for (auto& [ref, set] : effects)
      if (set.size() > 1) ambiguous_.insert(ref);
  }

  /// ADTool keys a defence's values by its label too: a ref with several effects is labelled
  /// per node (and per place on the node when it stands there twice).
  std::string measure_label(const TreeCountermeasure& m, std::size_t on) const {
    if (!ambiguous_.count(m.ref)) return m.ref;
    const std::vector<TreeCountermeasure>& all = t_.nodes[on].countermeasures();
    std::size_t same = 0, place = 0;
    for (std::size_t k = 0; k < all.size(); ++k) {
      if (all[k].ref != m.ref) continue;
      ++same;
      if (&all[k] == &m) place = same;
    }
    std::string label = fmt::format("{} @ {}", m.ref, label_[on]);
    return same > 1 ? fmt::format("{} #{}", label, place) : label;
  }

  void open(int depth, const char* refinement, bool switch_role, const std::string& label) {
    std::string indent(static_cast<std::size_t>(2 * depth), ' ');
    out_ += fmt::format("{}<node refinement=\"{}\"{}>\n{}  <label>{}</label>\n", indent, refinement,
                        switch_role ? " switchRole=\"yes\"" : "", indent, escape(label));
  }

  void close(int depth) {
    out_ += fmt::format("{}</node>\n", std::string(static_cast<std::size_t>(2 * depth), ' '));
  }

  void parameter(int depth, std::size_t d, double v) {
    if (id_[d].empty()) return;
    std::string text = std::isinf(v) ? std::string("Infinity")
                       : d == kSkill ? fmt::format("{}", std::llround(v))
                                     : fmt::format("{}", v);
    out_ += fmt::format("{}  <parameter domainId=\"{}\" category=\"basic\">{}</parameter>\n",
                        std::string(static_cast<std::size_t>(2 * depth), ' '), id_[d], text);
  }

  void node(std::size_t n, int depth) {
    const Node& x = t_.nodes[n];
    const char* refinement = x.kind == NodeKind::kOr                  ? "disjunctive"
                             : sandtree_ && x.kind == NodeKind::kSand ? "sequential"
                             : is_gate(x.kind)                        ? "conjunctive"
                                                                      : "disjunctive";
    open(depth, refinement, false, label_[n]);
    if (!is_gate(x.kind))
      for (std::size_t d = 0; d < kDomains; ++d)
        if (value(x, d)) parameter(depth, d, *value(x, d));
    for (std::size_t c : x.children)
      node(c, depth + 1);
    if (x.countermeasures().size() == 1) {
      measure(x.countermeasures().front(), n, depth + 1, true);
    } else if (!x.countermeasures().empty()) {
      // A disjunctive group of defences: each member counts on its own (ProbSucc multiplies
      // the factors, MinCost and MinTimeSeq add what they add).
      open(depth + 1, "disjunctive", true, fmt::format("{}: countermeasures", label_[n]));
      for (const TreeCountermeasure& m : x.countermeasures())
        measure(m, n, depth + 2, false);
      close(depth + 1);
    }
    close(depth);
  }

  void measure(const TreeCountermeasure& m, std::size_t on, int depth, bool switch_role) {
    std::string label = measure_label(m, on);
    open(depth, "disjunctive", switch_role, label);
    parameter(depth, kProb, 1);
    bool any = std::any_of(id_.begin(), id_.end(), [](const std::string& s) { return !s.empty(); });
    if (!m.blocks && any) {
      open(depth + 1, "disjunctive", true, "overcome: " + label);
      parameter(depth + 1, kProb, m.probability_factor.value_or(1));
      parameter(depth + 1, kCost, m.adds_cost.value_or(0));
      parameter(depth + 1, kTime, m.adds_time.value_or(0));
      parameter(depth + 1, kSkill, 0);
      close(depth + 1);
    }
    close(depth);
  }

  const Tree& t_;
  core::Diagnostics& diags_;
  const char* time_class_ = kAdtoolTimeSequential;
  bool sandtree_ = false;  ///< written as a <sandtree>: <and> and <sand>, no defences
  std::array<std::string, kDomains> id_;  ///< the domain id written for each of ours, or ""
  long long skill_range_ = 0;
  std::vector<std::string> label_;  ///< per node
  std::set<std::string> ambiguous_;
  std::string out_;
};

}  // namespace

std::optional<std::string> export_adtool(const Tree& t, core::Diagnostics& diags) {
  if (t.root == kNone || t.order.empty()) return std::nullopt;
  return AdtoolWriter(t, diags).run();
}

}  // namespace icsrisk::attacktree
