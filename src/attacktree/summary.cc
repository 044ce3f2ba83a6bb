#include "attacktree/summary.h"

#include <cmath>

#include <fmt/format.h>

namespace icsrisk::attacktree {

namespace {

constexpr std::size_t kNamedMissing = 10;

/// Why a step has no IPA level: the model has no channel for it (risk/scenario_steps.h).
std::string no_level_reason(const Tree& t, const std::string& id) {
  std::size_t n = t.find(id);
  if (n == kNone || t.nodes[n].kind != NodeKind::kStep) return id;
  const Node& s = t.nodes[n];
  return fmt::format("{} (no channel from {} to {} in the model for {})", id, s.from, s.to,
                     s.method);
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

bool differ(double a, double b) {
  return std::fabs(a - b) > 1e-12 * std::max(1.0, std::fabs(a));
}

}  // namespace

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
  for (Domain d : domains)
    e.domains.push_back(evaluate(t, d, ctx));
  core::Result<BddAnalysis> b = analyze_bdd(t, options);
  if (b)
    e.bdd = std::move(*b);
  else
    e.bdd_error = b.error().message;
  return e;
}

TreeFigures tree_figures(const Tree& t, const EvalContext& ctx, const BddOptions& options) {
  TreeFigures f;
  f.id = t.id;
  auto finite = [](const std::optional<double>& v) -> std::optional<double> {
    if (v && std::isfinite(*v)) return v;
    return std::nullopt;
  };
  std::optional<double> ipa = evaluate(t, Domain::kIpa, ctx).value;
  if (ipa) f.ipa_level = static_cast<int>(*ipa);
  f.probability_naive = finite(evaluate(t, Domain::kProbability, ctx).value);
  f.cost = finite(evaluate(t, Domain::kCost, ctx).value);
  f.time = finite(evaluate(t, Domain::kTime, ctx).value);
  f.skill = finite(evaluate(t, Domain::kSkill, ctx).value);
  if (!f.probability_naive && !f.cost) return f;
  core::Result<BddAnalysis> b = analyze_bdd(t, options);
  if (!b) return f;  // too large for the exact analysis: the bottom-up values stand
  f.probability = finite(b->probability);
  if (f.cost && b->min_cost) f.cost = finite(b->min_cost);
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
  for (const DomainValue& v : e.domains) {
    std::string text;
    if (!v.value) {
      text = missing_text(t, v, e.events);
    } else if (v.domain == Domain::kIpa) {
      int level = static_cast<int>(*v.value);
      text = fmt::format("{} (vulnerability {})", level, 4 - level);
    } else if (v.domain == Domain::kProbability && e.bdd && e.bdd->probability) {
      double exact = *e.bdd->probability;
      text = format_value(v.domain, exact);
      text +=
          differ(exact, *v.value)
              ? fmt::format(" exact (BDD); naive bottom-up {} counts shared events more than once",
                            format_value(v.domain, *v.value))
              : " exact";
    } else if (v.domain == Domain::kCost && e.bdd && e.bdd->min_cost &&
               differ(*e.bdd->min_cost, *v.value)) {
      text = fmt::format(
          "{} exact (cheapest minimal attack set); naive bottom-up {} counts "
          "shared events more than once",
          format_value(v.domain, *e.bdd->min_cost), format_value(v.domain, *v.value));
    } else {
      text = format_value(v.domain, *v.value);
    }
    out += fmt::format("  {:<12} {}\n", domain_name(v.domain), text);
  }
  if (!e.bdd) {
    out += fmt::format("  minimal attack sets: not computed ({})\n", e.bdd_error);
    return out;
  }
  const BddAnalysis& b = *e.bdd;
  if (!b.cut_sets_complete) {
    out += "  minimal attack sets: too many to list (the computation stopped at its bound)\n";
    return out;
  }
  out += fmt::format("  minimal attack sets: {}", b.cut_set_count);
  if (b.cut_sets.size() < b.cut_set_count)
    out += fmt::format(" (the first {} listed)", b.cut_sets.size());
  out += "\n";
  for (std::size_t i = 0; i < b.cut_sets.size(); ++i) {
    std::string ids;
    for (const std::string& id : b.cut_sets[i])
      ids += (ids.empty() ? "" : ", ") + id;
    out += fmt::format("    {}. {{{}}}\n", i + 1, ids);
  }
  return out;
}

}  // namespace icsrisk::attacktree
