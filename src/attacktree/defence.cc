#include "attacktree/defence.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include <fmt/format.h>

namespace icsrisk::attacktree {

namespace {

bool in_force(const TreeCountermeasure& m, bool planned) {
  return m.status == model::Status::kImplemented || planned;
}

/// Applies the effects of `n`'s measures in force, except those named `skip`.
void apply_effects(Node& n, bool planned, const std::string* skip) {
  for (const TreeCountermeasure& m : n.countermeasures()) {
    if (!in_force(m, planned) || !m.has_effect() || (skip && m.ref == *skip)) continue;
    if (m.blocks) {
      n.probability = 0;
      n.cost = n.time = n.skill = HUGE_VAL;
      continue;
    }
    if (m.probability_factor && n.probability) *n.probability *= *m.probability_factor;
    if (m.adds_cost && n.cost) *n.cost += *m.adds_cost;
    if (m.adds_time && n.time) *n.time += *m.adds_time;
  }
}

Tree apply_all(const Tree& t, bool planned, const std::string* skip) {
  Tree out = t;
  for (std::size_t n : out.order)
    if (!is_gate(out.nodes[n].kind)) apply_effects(out.nodes[n], planned, skip);
  return out;
}

/// The root's figure in domain d (exact where it can be: figure_of).
Figure root_figure(const Tree& t, Domain d, const EvalContext& ctx, const BddOptions& options) {
  return evaluate_tree(t, {d}, ctx, options).figures.front();
}

}  // namespace

bool has_effects(const Tree& t) {
  for (const Node& n : t.nodes)
    for (const TreeCountermeasure& m : n.countermeasures())
      if (m.has_effect()) return true;
  return false;
}

Tree with_measures_in_force(const Tree& t, bool planned) {
  return apply_all(t, planned, nullptr);
}

std::vector<MeasureValue> rank_measures(const Tree& t, Domain d, bool planned,
                                        const EvalContext& ctx, const BddOptions& options,
                                        bool* stopped) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  std::map<std::string, std::optional<double>> refs;  // sorted: deterministic
  for (std::size_t n : t.order)
    for (const TreeCountermeasure& m : t.nodes[n].countermeasures())
      if (in_force(m, planned) && m.has_effect()) {
        std::optional<double>& cost = refs[m.ref];
        if (!cost) cost = m.cost;
      }
  BddOptions plain = options;
  plain.rank.clear();
  Figure with = root_figure(apply_all(t, planned, nullptr), d, ctx, plain);
  std::vector<MeasureValue> out;
  for (const auto& [ref, cost] : refs) {
    double left = options.max_seconds - std::chrono::duration<double>(Clock::now() - start).count();
    if (left <= 0) {
      if (stopped) *stopped = true;
      break;
    }
    plain.max_seconds = left;
    Figure without = root_figure(apply_all(t, planned, &ref), d, ctx, plain);
    MeasureValue v{ref,
                   cost,
                   with.value,
                   without.value,
                   with.exactness.exact && without.exactness.exact,
                   std::nullopt,
                   std::nullopt};
    if (v.with && v.without && std::isfinite(*v.with) && std::isfinite(*v.without)) {
      v.change = std::fabs(*v.without - *v.with);
      if (cost && *cost > 0) v.per_cost = *v.change / *cost;
    }
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(), [](const MeasureValue& a, const MeasureValue& b) {
    if (a.per_cost.has_value() != b.per_cost.has_value()) return a.per_cost.has_value();
    if (a.per_cost && *a.per_cost != *b.per_cost) return *a.per_cost > *b.per_cost;
    return a.change.value_or(-1) > b.change.value_or(-1);
  });
  return out;
}

std::string render_measures(Domain d, const std::vector<MeasureValue>& measures, bool stopped) {
  if (measures.empty() && !stopped) return {};
  if (measures.empty())
    return fmt::format("  countermeasures by {}: not ranked (the time budget ran out)\n",
                       domain_name(d));
  auto value = [d](const std::optional<double>& v) {
    if (!v) return std::string("n/a");
    return std::isinf(*v) ? std::string("∞") : format_value(d, *v);
  };
  std::string out = fmt::format("  countermeasures by {} (every measure in force: {}):\n",
                                domain_name(d), value(measures.front().with));
  for (std::size_t i = 0; i < measures.size(); ++i) {
    const MeasureValue& m = measures[i];
    out += fmt::format("    {}. {}: without it {}{}", i + 1, m.ref, value(m.without),
                       m.exact ? "" : " (bottom-up, not exact)");
    if (m.change) out += fmt::format(", change {}", format_value(d, *m.change));
    if (m.cost) out += fmt::format(", cost {}", format_value(Domain::kCost, *m.cost));
    if (m.per_cost) out += fmt::format(", {:.6g} per cost unit", *m.per_cost);
    out += "\n";
  }
  if (stopped) out += "    (the time budget ran out: the other measures are not ranked)\n";
  return out;
}

}  // namespace icsrisk::attacktree
