// The chain of method.md §9 over the §7 step graph (see chain.h).

#include "quant/chain.h"

#include <utility>

namespace icsrisk::quant::detail {

namespace {

using risk::detail::kUnreached;

/// The steps available at asset `u` (§9): from the target only the final attack on itself;
/// elsewhere the lateral steps (never onto the target) and, at an attack base, the final step.
std::vector<ChainStep> steps_at(const risk::detail::ReachGraph& g,
                                const risk::detail::FinalSteps& f, std::size_t u,
                                std::vector<std::pair<std::size_t, int>>& scratch) {
  std::vector<ChainStep> out;
  if (u == f.target) {
    if (f.self_level < kUnreached) out.push_back({.from = u, .dest = u, .level = f.self_level});
    return out;
  }
  g.lateral_steps_from(u, scratch);
  for (const auto& [v, level] : scratch)
    if (v != f.target && level < kUnreached)
      out.push_back({.from = u, .to = v, .dest = v, .level = level});
  if (f.target != kNone && f.level[u] < kUnreached)
    out.push_back({.from = u, .dest = f.target, .level = f.level[u]});
  return out;
}

/// The entry steps of entry `e`: onto every asset the entry reaches, the target included (§7).
std::vector<ChainStep> entry_steps_of(const risk::detail::ReachGraph& g,
                                      const risk::detail::FinalSteps& f, std::size_t e) {
  std::vector<ChainStep> out;
  if (f.target == kNone || f.method == kNone || g.entry_method(e) == kNone) return out;
  for (std::size_t v : risk::detail::entry_assets(g, e, f.target))
    out.push_back({.entry = e, .to = v, .dest = v, .level = g.entry_level(e, v)});
  if (risk::detail::entry_reaches(g, e, f.target))
    out.push_back(
        {.entry = e, .to = f.target, .dest = f.target, .level = g.entry_level(e, f.target)});
  for (ChainStep& s : out)
    s.weight = 1.0 / static_cast<double>(out.size());
  return out;
}

}  // namespace

Chain build_chain(const risk::detail::ReachGraph& g, const model::Scenario& sc,
                  const model::QuantParams& q) {
  Chain c;
  const std::size_t n = g.model().assets.size();
  c.assets = n;
  c.goal.assign(n, 0.0);
  c.attempts.assign(n, 0.0);
  risk::detail::FinalSteps f = risk::detail::final_steps(g, sc);
  const bool scenario_ok = f.target != kNone && f.method != kNone;
  std::vector<std::pair<std::size_t, int>> scratch;
  for (std::size_t u = 0; u < n; ++u) {
    std::vector<ChainStep> here;
    if (scenario_ok) here = steps_at(g, f, u, scratch);
    if (here.empty()) {  // a dead end: treated as stopped, no attempt made there
      c.a.push_back({u, u, 1.0});
      continue;
    }
    c.attempts[u] = 1.0;
    const double w = 1.0 / static_cast<double>(here.size());
    double leave = 0.0;
    for (ChainStep& s : here) {
      s.weight = w;
      const double sp = q.s[s.level], cp = q.c[s.level];
      leave += w * (sp + cp);
      if (s.to == kNone)
        c.goal[u] += w * sp;
      else
        c.a.push_back({u, s.to, -w * sp});
      c.steps.push_back(s);
    }
    c.a.push_back({u, u, leave});
  }
  for (std::size_t e = 0; e < g.model().entries.size(); ++e)
    c.entry_steps.push_back(entry_steps_of(g, f, e));
  return c;
}

}  // namespace icsrisk::quant::detail
