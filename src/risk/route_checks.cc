// Route warnings (see route_checks.h), from the searches of the scenario analysis.

#include "risk/route_checks.h"

#include <fmt/format.h>

#include "risk/scenario_graph.h"
#include "risk/scenario_search.h"

namespace icsrisk::risk {

namespace {

using detail::kUnreached;

/// The assets some entry point can put the attacker on, by an entry step and lateral steps that
/// never pass the target (method.md §7). Forward search over the hub graph: O(A + S + C + F).
std::vector<bool> reached_from_entries(const detail::ReachGraph& g, std::size_t target) {
  const graph::Topology& t = g.topology();
  std::vector<bool> asset(g.model().assets.size(), false), segment(t.segment_count(), false);
  std::vector<std::size_t> stack;
  auto visit = [&](std::size_t v) {
    if (v == target || asset[v]) return;
    asset[v] = true;
    stack.push_back(v);
  };
  for (std::size_t e = 0; e < g.model().entries.size(); ++e)
    for (std::size_t v : detail::entry_assets(g, e, target))
      visit(v);
  while (!stack.empty()) {
    std::size_t u = stack.back();
    stack.pop_back();
    for (const detail::FlowEdge& f : g.out(u))
      if (f.level < kUnreached) visit(f.other);
    for (std::size_t s : t.segments_of(u)) {
      if (segment[s]) continue;
      segment[s] = true;
      for (std::size_t v : t.members(s))
        if (g.segment_level(v) < kUnreached) visit(v);
    }
  }
  return asset;
}

void check_bases(const detail::ReachGraph& g, const model::Scenario& sc,
                 const detail::FinalSteps& f, core::Diagnostics& diags) {
  if (sc.base_indices.empty()) return;
  std::vector<bool> reached = reached_from_entries(g, f.target);
  core::AttributeTokens tokens(sc.loc, "bases");
  for (std::size_t b : sc.base_indices) {
    if (b == f.target) continue;
    const char* why = f.level[b] >= kUnreached ? "its data flows to the target cannot be routed"
                      : !reached[b]            ? "no entry point reaches it"
                                               : nullptr;
    if (why)
      diags.warning(tokens.find(g.model().assets[b].id),
                    fmt::format("attack base '{}' of scenario '{}' is on no route: {}",
                                g.model().assets[b].id, sc.id, why));
  }
}

}  // namespace

void report_route_problems(const model::Model& m, const model::Profile& p, const Coverage& coverage,
                           const graph::Topology& topology, core::Diagnostics& diags) {
  detail::ReachGraph g(m, p, coverage, topology, /*planned=*/false);
  std::vector<bool> reaches(m.entries.size(), false);
  bool any = false;
  for (const model::Impact& im : m.impacts)
    for (const model::Scenario& sc : im.scenarios) {
      if (sc.target_index == kNone || sc.attack_index == kNone) continue;
      any = true;
      detail::FinalSteps f = detail::final_steps(g, sc);
      check_bases(g, sc, f, diags);
      std::vector<int> minimax = detail::minimax_to_target(g, f);
      for (std::size_t e = 0; e < m.entries.size(); ++e)
        reaches[e] = reaches[e] || detail::entry_minimax(g, f, minimax, e) < kUnreached;
    }
  if (!any) return;
  for (std::size_t e = 0; e < m.entries.size(); ++e) {
    if (reaches[e]) continue;
    bool lands = !detail::entry_assets(g, e, kNone).empty();
    diags.warning(m.entries[e].loc,
                  fmt::format("entry point '{}' reaches no scenario's target: {}", m.entries[e].id,
                              lands ? "no attack base is reachable from it, and it lands on no "
                                      "target"
                                    : "its entry step reaches no asset"));
  }
}

void report_route_problems(const model::Model& m, const model::Profile& p,
                           core::Diagnostics& diags) {
  Coverage coverage(m, p);
  graph::Topology topology(m, p);
  report_route_problems(m, p, coverage, topology, diags);
}

}  // namespace icsrisk::risk
