#include "attacktree/summary.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string_view>

#include <fmt/format.h>

#include "attacktree/defence.h"

namespace icsrisk::attacktree {

namespace {

constexpr std::size_t kNamedMissing = 10;
constexpr std::size_t kMaxSandSteps = 50000000;

/// Why a step has no IPA level: the model has no channel for it (risk/scenario_steps.h).
std::string no_level_reason(const Tree& t, const std::string& id) {
  std::size_t n = t.find(id);
  if (n == kNone || t.nodes[n].kind != NodeKind::kStep) return id;
  const Node& s = t.nodes[n];
  return fmt::format("{} (no channel from {} to {} in the model for {})", id, s.from(), s.to(),
                     s.method());
}

std::string missing_text(const Tree& t, const DomainValue& v, std::size_t events) {
  if (v.domain != Domain::kIpa && v.missing.size() == events && events > 1)
    return fmt::format("n/a: no basic event has a {}", domain_name(v.domain));
  std::string list;
  for (std::size_t i = 0; i < v.missing.size() && i < kNamedMissing; ++i)
    list += (i == 0 ? "" : ", ") +
            (v.domain == Domain::kIpa ? no_level_reason(t, v.missing[i]) : v.missing[i]);
  if (v.missing.size() > kNamedMissing)
    list += fmt::format(" (and {} more)", v.missing.size() - kNamedMissing);
  if (v.domain == Domain::kIpa) return fmt::format("n/a: {}", list);
  return fmt::format("n/a: no {} on {}", domain_name(v.domain), list);
}

/// "; n/a branches of an OR skipped: …" (at most kNamedMissing named).
std::string skipped_text(const Tree& t, const std::vector<std::string>& skipped) {
  std::string list;
  for (std::size_t i = 0; i < skipped.size() && i < kNamedMissing; ++i)
    list += (i == 0 ? "" : ", ") + no_level_reason(t, skipped[i]);
  if (skipped.size() > kNamedMissing)
    list += fmt::format(" (and {} more)", skipped.size() - kNamedMissing);
  return fmt::format("; n/a branches of an OR skipped: {}", list);
}

/// A set's events as a person reads them: each event's name where it has one, else its id
/// (the JSON output keeps the ids). O(events · log nodes).
std::string events_text(const Tree& t, const std::vector<std::string>& events) {
  std::map<std::string_view, std::string_view> names;
  for (const Node& n : t.nodes)
    if (!n.id.empty() && !n.name().empty()) names.emplace(n.id, n.name());
  std::string out;
  for (const std::string& id : events) {
    auto it = names.find(id);
    out += fmt::format("{}{}", out.empty() ? "" : ", ", it == names.end() ? id : it->second);
  }
  return out;
}

/// One ranking: a heading, then the sets best first, each with its values.
std::string ranked_text(const Tree& t, const RankedSets& r, std::size_t total) {
  if (!r.not_ranked.empty())
    return fmt::format("  attack sets by {}: not ranked ({})\n", rank_name(r.by), r.not_ranked);
  std::string out =
      r.by == Rank::kPareto
          ? fmt::format(
                "  Pareto front of attacker cost vs probability ({} sets, cheapest "
                "first; of {}):\n",
                r.sets.size(), total)
          : fmt::format("  attack sets by {} (the best {} of {}{}):\n", rank_name(r.by),
                        r.sets.size(), total, r.stopped ? "; the search stopped at its bound" : "");
  auto value = [](Domain d, const std::optional<double>& v) {
    return v ? format_value(d, *v) : std::string("n/a");
  };
  for (std::size_t i = 0; i < r.sets.size(); ++i) {
    const AttackSet& s = r.sets[i];
    out += fmt::format("    {}. probability {}, cost {}, time {}: {{{}}}\n", i + 1,
                       value(Domain::kProbability, s.probability), value(Domain::kCost, s.cost),
                       value(Domain::kTime, s.time), events_text(t, s.events));
  }
  return out;
}

bool differ(double a, double b) {
  return std::fabs(a - b) > 1e-12 * std::max(1.0, std::fabs(a));
}

std::string figure_text(const Tree& t, const Figure& f, std::size_t events) {
  const DomainValue& v = f.bottom_up;
  if (!f.value) return missing_text(t, v, events);
  std::string text = std::isinf(*f.value) ? std::string("∞ (every attack is blocked)")
                                          : format_value(v.domain, *f.value);
  if (v.domain == Domain::kIpa)
    text += fmt::format(" (vulnerability {})", 4 - static_cast<int>(*f.value));
  if (!f.exactness.exact)
    text += " bottom-up, not exact: " + f.exactness.reason;
  else if (!f.from_bdd || !differ(*f.value, *v.value))
    text += " exact";
  else
    text += fmt::format(" exact ({}); naive bottom-up {} counts shared events more than once",
                        v.domain == Domain::kCost ? "cheapest attack set, BDD" : "BDD",
                        format_value(v.domain, *v.value));
  return v.skipped.empty() ? text : text + skipped_text(t, v.skipped);
}

}  // namespace

std::optional<bool> sand_counts_twice(const Tree& t, std::size_t max_steps) {
  // For each sand, mark what each child reaches with the child's position; a node reached
  // from two positions is summed twice. Max and min are idempotent, so other gates are safe.
  std::vector<std::size_t> mark(t.nodes.size(), kNone), owner(t.nodes.size(), kNone);
  std::size_t steps = 0;
  std::vector<std::size_t> stack;
  for (std::size_t g : t.order) {
    const Node& sand = t.nodes[g];
    if (sand.kind != NodeKind::kSand) continue;
    for (std::size_t k = 0; k < sand.children.size(); ++k) {
      stack.assign(1, sand.children[k]);
      while (!stack.empty()) {
        std::size_t n = stack.back();
        stack.pop_back();
        if (owner[n] == g && mark[n] == k) continue;
        if (owner[n] == g) return true;
        if (++steps > max_steps) return std::nullopt;
        owner[n] = g;
        mark[n] = k;
        for (std::size_t c : t.nodes[n].children)
          stack.push_back(c);
      }
    }
  }
  return false;
}

Figure figure_of(const Tree& t, DomainValue bottom_up, std::size_t shared,
                 const std::optional<BddAnalysis>& bdd, const std::string& bdd_error) {
  Figure f;
  f.value = bottom_up.value;
  f.bottom_up = std::move(bottom_up);
  if (!f.value || shared == 0) return f;  // n/a, or a tree: bottom-up is exact
  Domain d = f.bottom_up.domain;
  if (d == Domain::kTime) {
    std::optional<bool> twice = sand_counts_twice(t, kMaxSandSteps);
    if (!twice)
      f.exactness = {false, fmt::format("the check for shared events below a sand stopped at its "
                                        "bound of {} steps",
                                        kMaxSandSteps)};
    else if (*twice)
      f.exactness = {false, "an event shared by two branches of a sand is counted twice"};
  } else if (d == Domain::kProbability || d == Domain::kCost) {
    std::optional<double> exact;
    if (bdd) exact = d == Domain::kProbability ? bdd->probability : bdd->min_cost;
    if (exact) {
      f.value = exact;
      f.from_bdd = true;
    } else {
      f.exactness = {false, bdd ? "the exact analysis gave no value" : bdd_error};
    }
  }
  return f;
}

TreeEvaluation evaluate_tree(const Tree& t, const std::vector<Domain>& domains,
                             const EvalContext& ctx, const BddOptions& options) {
  TreeEvaluation e;
  for (std::size_t n : t.order) {
    if (is_gate(t.nodes[n].kind))
      ++e.gates;
    else
      ++e.events;
  }
  e.shared = shared_node_count(t);
  core::Result<BddAnalysis> b = analyze_bdd(t, options);
  if (b)
    e.bdd = std::move(*b);
  else
    e.bdd_error = b.error().message;
  for (Domain d : domains)
    e.figures.push_back(figure_of(t, evaluate(t, d, ctx), e.shared, e.bdd, e.bdd_error));
  return e;
}

TreeFigures tree_figures(const Tree& tree, const EvalContext& ctx, const BddOptions& options) {
  std::optional<Tree> defended;
  if (has_effects(tree)) defended = with_measures_in_force(tree, ctx.include_planned);
  const Tree& t = defended ? *defended : tree;
  TreeFigures f;
  f.id = t.id;
  auto finite = [](const std::optional<double>& v) -> std::optional<double> {
    if (v && std::isfinite(*v)) return v;
    return std::nullopt;
  };
  std::optional<double> ipa = evaluate(t, Domain::kIpa, ctx).value;
  if (ipa) f.ipa_level = static_cast<int>(*ipa);
  DomainValue p = evaluate(t, Domain::kProbability, ctx);
  DomainValue c = evaluate(t, Domain::kCost, ctx);
  f.probability_naive = finite(p.value);
  f.skill = finite(evaluate(t, Domain::kSkill, ctx).value);
  std::size_t shared = shared_node_count(t);
  std::optional<BddAnalysis> bdd;
  std::string bdd_error;
  if (shared > 0 && (p.value || c.value)) {
    core::Result<BddAnalysis> b = analyze_bdd(t, options);
    if (b)
      bdd = std::move(*b);
    else
      bdd_error = b.error().message;
  }
  Figure fp = figure_of(t, std::move(p), shared, bdd, bdd_error);
  Figure fc = figure_of(t, std::move(c), shared, bdd, bdd_error);
  Figure ft = figure_of(t, evaluate(t, Domain::kTime, ctx), shared, bdd, bdd_error);
  if (fp.exactness.exact) f.probability = finite(fp.value);
  f.probability_exactness = fp.exactness;
  f.cost = finite(fc.value);
  f.cost_exactness = fc.exactness;
  f.time = finite(ft.value);
  f.time_exactness = ft.exactness;
  return f;
}

std::string format_value(Domain d, double v) {
  if (d == Domain::kIpa) return fmt::format("{}", static_cast<int>(v));
  if (d != Domain::kProbability && v == std::floor(v) && std::fabs(v) < 1e15)
    return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{:.6g}", v);
}

std::string render_evaluation(const Tree& t, const TreeEvaluation& e) {
  std::string out = fmt::format("{}", t.id);
  if (!t.name.empty() && t.name != t.id) out += fmt::format(" — {}", t.name);
  if (!t.scenario.empty()) out += fmt::format(" (scenario {})", t.scenario);
  out += "\n";
  out +=
      fmt::format("  nodes: {} gates, {} basic events, {} shared\n", e.gates, e.events, e.shared);
  for (const Figure& f : e.figures)
    out +=
        fmt::format("  {:<12} {}\n", domain_name(f.bottom_up.domain), figure_text(t, f, e.events));
  if (!e.bdd) {
    out += fmt::format("  minimal attack sets: not computed ({})\n", e.bdd_error);
    return out;
  }
  const BddAnalysis& b = *e.bdd;
  if (!b.cut_sets_complete) {
    out += fmt::format("  minimal attack sets: not computed ({})\n", b.cut_sets_error);
    return out;
  }
  out += fmt::format("  minimal attack sets: {}", b.cut_set_count == SIZE_MAX
                                                      ? fmt::format("at least {}", SIZE_MAX)
                                                      : fmt::format("{}", b.cut_set_count));
  if (b.cut_sets.size() < b.cut_set_count)
    out += fmt::format(" (the {} smallest listed{})", b.cut_sets.size(),
                       b.listing_stopped ? "; the search stopped at its bound" : "");
  out += "\n";
  for (std::size_t i = 0; i < b.cut_sets.size(); ++i)
    out += fmt::format("    {}. {{{}}}\n", i + 1, events_text(t, b.cut_sets[i]));
  for (const RankedSets& r : b.ranked)
    out += ranked_text(t, r, b.cut_set_count);
  return out;
}

}  // namespace icsrisk::attacktree
