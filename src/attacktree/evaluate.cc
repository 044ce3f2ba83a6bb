// Bottom-up evaluation of attack trees (method.md §8; the attribute domains follow Mauw &
// Oostdijk 2005 and Kordy et al., "Attack–defense trees", 2014).

#include "attacktree/evaluate.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "risk/coverage.h"

namespace icsrisk::attacktree {

namespace {

constexpr double kNa = std::numeric_limits<double>::quiet_NaN();

/// The functions of a node's own counted measures, per stage (bits 0–2 intrusion, 3–5 objective).
std::uint8_t own_mask(const Node& n, bool include_planned) {
  std::uint8_t mask = 0;
  for (const TreeCountermeasure& m : n.countermeasures()) {
    if (m.status == model::Status::kPlanned && !include_planned) continue;
    auto f = static_cast<std::uint8_t>(m.function);
    std::uint8_t stages = m.stages == 0 ? 3 : m.stages;
    if (stages & static_cast<std::uint8_t>(model::Stage::kIntrusion)) mask |= f;
    if (stages & static_cast<std::uint8_t>(model::Stage::kObjective)) mask |= f << 3;
  }
  return mask;
}

double leaf_value(const Node& n, Domain d) {
  const Quantity* a = nullptr;
  switch (d) {
    case Domain::kProbability:
      a = &n.probability;
      break;
    case Domain::kCost:
      a = &n.cost;
      break;
    case Domain::kTime:
      a = &n.time;
      break;
    case Domain::kSkill:
      a = &n.skill;
      break;
    case Domain::kIpa:
      return kNa;
  }
  return a->has_value() ? **a : kNa;
}

/// Folds the children's values with the gate's operator (the method.md §8 table).
template <typename ValueOf>
double combine(Domain d, NodeKind k, const std::vector<std::size_t>& children, ValueOf&& value_of,
               bool skip_na_under_or = false) {
  bool is_or = k == NodeKind::kOr;
  bool is_sand = k == NodeKind::kSand;
  bool any = false;
  double acc = 0;
  if (d == Domain::kProbability)
    acc = 1;  // OR: Π(1−p); AND: Π p
  else if (is_or)
    acc = std::numeric_limits<double>::infinity();
  for (std::size_t c : children) {
    double v = value_of(c);
    if (std::isnan(v) && is_or && skip_na_under_or) continue;
    if (std::isnan(v)) return kNa;
    any = true;
    if (d == Domain::kProbability) {
      acc *= is_or ? 1 - v : v;
    } else if (is_or) {
      acc = std::min(acc, v);
    } else if (d == Domain::kCost || (d == Domain::kTime && is_sand)) {
      acc += v;
    } else {
      acc = std::max(acc, v);
    }
  }
  if (is_or && skip_na_under_or && !any) return kNa;  // every branch n/a
  return d == Domain::kProbability && is_or ? 1 - acc : acc;
}

std::vector<double> plain_values(const Tree& t, Domain d) {
  std::vector<double> v(t.nodes.size(), kNa);
  for (std::size_t n : t.order) {
    const Node& node = t.nodes[n];
    v[n] = is_gate(node.kind)
               ? combine(d, node.kind, node.children, [&](std::size_t c) { return v[c]; })
               : leaf_value(node, d);
  }
  return v;
}

/// IPA levels per (node, inherited mask). Each node sees a set of masks (a 64-bit set, as there
/// are 6 bits); its values are stored contiguously at base[n], ranked by mask.
struct IpaValues {
  std::vector<std::uint64_t> masks;
  std::vector<std::size_t> base;
  std::vector<double> values;

  double at(std::size_t n, std::uint8_t mask) const {
    std::uint64_t below = masks[n] & ((std::uint64_t{1} << mask) - 1);
    return values[base[n] + static_cast<std::size_t>(std::popcount(below))];
  }
};

IpaValues ipa_values(const Tree& t, const EvalContext& ctx) {
  IpaValues r;
  r.masks.assign(t.nodes.size(), 0);
  r.base.assign(t.nodes.size(), 0);
  if (t.order.empty()) return r;
  r.masks[t.root] = 1;  // the root inherits nothing: mask 0
  std::vector<std::uint8_t> own(t.nodes.size(), 0);
  // In index order, not t.order: the nodes and their extra records (countermeasures) are read
  // one after the other in memory, where the post-order jumps (a cache miss per node).
  for (std::size_t n = 0; n < t.nodes.size(); ++n)
    own[n] = own_mask(t.nodes[n], ctx.include_planned);
  // Parents before children: the reverse of the post-order.
  for (auto it = t.order.rbegin(); it != t.order.rend(); ++it) {
    const Node& node = t.nodes[*it];
    if (!is_gate(node.kind)) continue;
    std::uint64_t out = 0;
    for (std::uint64_t m = r.masks[*it]; m != 0; m &= m - 1)
      out |= std::uint64_t{1} << (std::countr_zero(m) | own[*it]);
    for (std::size_t c : node.children)
      r.masks[c] |= out;
  }
  std::size_t total = 0;
  for (std::size_t n : t.order) {
    r.base[n] = total;
    total += static_cast<std::size_t>(std::popcount(r.masks[n]));
  }
  r.values.assign(total, kNa);
  std::vector<std::optional<int>> model_level(t.nodes.size());
  for (std::size_t n : t.order) {
    const Node& node = t.nodes[n];
    std::size_t slot = r.base[n];
    for (std::uint64_t m = r.masks[n]; m != 0; m &= m - 1, ++slot) {
      auto mask = static_cast<std::uint8_t>(std::countr_zero(m));
      if (!is_gate(node.kind)) {
        std::optional<int> level = event_level(t, n, mask, ctx);
        r.values[slot] = level ? *level : kNa;
        continue;
      }
      auto child_mask = static_cast<std::uint8_t>(mask | own[n]);
      // OR = min, AND = SAND = max (method.md §8): the same fold as the skill domain.
      // An n/a branch of an OR (a step the model has no channel for) is not a way in.
      double v = combine(
          Domain::kSkill, node.kind == NodeKind::kOr ? NodeKind::kOr : NodeKind::kAnd,
          node.children, [&](std::size_t c) { return r.at(c, child_mask); }, true);
      r.values[slot] = v;
    }
  }
  return r;
}

/// The n/a children of the OR gates that have a value, each once, in tree order.
std::vector<std::string> skipped_branches(const Tree& t,
                                          const std::vector<std::optional<double>>& values) {
  std::vector<std::string> out;
  std::vector<bool> listed(t.nodes.size(), false);
  for (std::size_t n : preorder(t)) {
    const Node& g = t.nodes[n];
    if (g.kind != NodeKind::kOr || !values[n]) continue;
    for (std::size_t c : g.children)
      if (!values[c] && !listed[c]) {
        listed[c] = true;
        out.push_back(t.label(c));
      }
  }
  return out;
}

}  // namespace

const char* domain_name(Domain d) {
  switch (d) {
    case Domain::kIpa:
      return "ipa";
    case Domain::kProbability:
      return "probability";
    case Domain::kCost:
      return "cost";
    case Domain::kTime:
      return "time";
    case Domain::kSkill:
      return "skill";
  }
  return "ipa";
}

std::optional<Domain> parse_domain(std::string_view name) {
  for (Domain d : kAllDomains)
    if (name == domain_name(d)) return d;
  return std::nullopt;
}

StepLevelFn model_step_levels(const risk::StepLevels& levels, std::string scenario,
                              bool include_planned) {
  return [&levels, scenario = std::move(scenario), include_planned](
             const std::string& from, const std::string& to,
             const std::string& method) -> std::optional<int> {
    return levels.level_in_scenario(scenario, from, to, method, include_planned);
  };
}

std::optional<int> event_level(const Tree& t, std::size_t node, std::uint8_t inherited,
                               const EvalContext& ctx) {
  const Node& n = t.nodes[node];
  if (n.level) return *n.level;
  if (n.kind == NodeKind::kStep && ctx.step_level)
    return ctx.step_level(n.from(), n.to(), n.method());
  std::uint8_t mask = inherited | own_mask(n, ctx.include_planned);
  std::uint8_t intrusion = mask & 7;
  std::uint8_t objective = mask >> 3;
  std::uint8_t functions = intrusion | objective;
  if (n.kind == NodeKind::kStep && ctx.profile) {
    std::size_t threat = ctx.profile->find_threat(n.method());
    if (threat != kNone)
      functions =
          ctx.profile->threats[threat].stage == model::Stage::kIntrusion ? intrusion : objective;
  }
  return risk::countermeasure_level(functions);
}

std::vector<std::optional<double>> evaluate_nodes(const Tree& t, Domain d, const EvalContext& ctx) {
  std::vector<std::optional<double>> out(t.nodes.size());
  if (d == Domain::kIpa) {
    IpaValues r = ipa_values(t, ctx);
    for (std::size_t n : t.order) {
      double lowest = std::numeric_limits<double>::infinity();
      std::size_t slot = r.base[n];
      for (std::uint64_t m = r.masks[n]; m != 0; m &= m - 1, ++slot)
        lowest = std::isnan(r.values[slot]) || std::isnan(lowest)
                     ? kNa
                     : std::min(lowest, r.values[slot]);
      if (!std::isnan(lowest) && !std::isinf(lowest)) out[n] = lowest;
    }
    return out;
  }
  std::vector<double> v = plain_values(t, d);
  for (std::size_t n : t.order)
    if (!std::isnan(v[n])) out[n] = v[n];
  return out;
}

DomainValue evaluate(const Tree& t, Domain d, const EvalContext& ctx) {
  DomainValue out;
  out.domain = d;
  if (t.order.empty()) return out;
  double root = kNa;
  if (d == Domain::kIpa) {
    IpaValues r = ipa_values(t, ctx);
    root = r.at(t.root, 0);
    if (!std::isnan(root)) out.skipped = skipped_branches(t, evaluate_nodes(t, d, ctx));
    if (std::isnan(root)) {
      for (std::size_t n : basic_events(t))
        if (t.nodes[n].kind == NodeKind::kStep && !event_level(t, n, 0, ctx))
          out.missing.push_back(t.nodes[n].id);
    }
  } else {
    root = plain_values(t, d)[t.root];
    if (std::isnan(root)) {
      for (std::size_t n : basic_events(t))
        if (std::isnan(leaf_value(t.nodes[n], d))) out.missing.push_back(t.nodes[n].id);
    }
  }
  if (!std::isnan(root)) out.value = root;
  return out;
}

}  // namespace icsrisk::attacktree
