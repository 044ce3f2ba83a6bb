// The business-impact-based analysis (method.md §7) as a list of stages per scenario: final
// steps, bottleneck search, the route attaining the scenario risk, the planned ("after") risk,
// then the bounded listing. See scenario_analysis.h for the readings of the method.

#include "risk/scenario_analysis.h"

#include <algorithm>
#include <array>

#include "risk/scenario_graph.h"
#include "risk/scenario_search.h"

namespace icsrisk::risk {

namespace {

using detail::RawRoute;

/// The entry-coverage routes (method.md §7 "Routes listed"): one per entry that reaches the
/// target, the fewest-hop route at the entry's least level L*(e), rated. The best of them by
/// listing order attains the scenario risk.
std::vector<RawRoute> best_per_entry(const detail::ReachGraph& g, const detail::FinalSteps& f,
                                     const std::vector<int>& minimax, int impact_level) {
  std::array<std::vector<std::size_t>, detail::kUnreached> hops;  // per level, built on demand
  std::vector<RawRoute> out;
  for (std::size_t e = 0; e < g.model().entries.size(); ++e) {
    int level = detail::entry_minimax(g, f, minimax, e);
    if (level >= detail::kUnreached) continue;
    if (hops[level].empty()) hops[level] = detail::hops_to_target(g, f, level);
    std::optional<RawRoute> r = detail::fewest_hops_route(g, f, hops[level], e, level);
    if (!r) continue;  // not expected: L*(e) is attained by some walk
    detail::rate(g, impact_level, *r, level);
    out.push_back(std::move(*r));
  }
  return out;
}

bool same_route(const RawRoute& a, const RawRoute& b) {
  return a.entry == b.entry && a.assets == b.assets;
}

bool contains(const std::vector<RawRoute>& routes, const RawRoute& r) {
  return std::any_of(routes.begin(), routes.end(),
                     [&](const RawRoute& x) { return same_route(x, r); });
}

/// Sorts into listing order and drops repeats (an entry's best route can also be a base's).
void sort_unique(const detail::ReachGraph& g, std::vector<RawRoute>& routes) {
  std::sort(routes.begin(), routes.end(),
            [&](const RawRoute& a, const RawRoute& b) { return detail::route_before(g, a, b); });
  routes.erase(std::unique(routes.begin(), routes.end(), same_route), routes.end());
}

/// The highest risk over every entry's least level (for the planned counting mode).
std::optional<Risk> scenario_risk(const detail::ReachGraph& g, const model::Scenario& sc,
                                  int impact_level) {
  detail::FinalSteps f = detail::final_steps(g, sc);
  std::vector<int> minimax = detail::minimax_to_target(g, f);
  std::optional<Risk> risk;
  for (std::size_t e = 0; e < g.model().entries.size(); ++e) {
    int level = detail::entry_minimax(g, f, minimax, e);
    if (level >= detail::kUnreached) continue;
    Risk r = g.profile().risk_of(impact_level, g.model().entries[e].threat_level,
                                 vulnerability_of(level));
    if (!risk || worse_than(r, *risk)) risk = r;
  }
  return risk;
}

ScenarioRisk analyze_one(const detail::ReachGraph& now, const detail::ReachGraph& planned,
                         std::size_t impact, std::size_t scenario, const AnalysisOptions& options) {
  const model::Impact& im = now.model().impacts[impact];
  const model::Scenario& sc = im.scenarios[scenario];
  ScenarioRisk out;
  out.impact = impact;
  out.scenario = scenario;
  out.impact_level = im.level;

  detail::FinalSteps f = detail::final_steps(now, sc);
  std::vector<int> minimax = detail::minimax_to_target(now, f);
  std::vector<RawRoute> coverage = best_per_entry(now, f, minimax, im.level);
  out.risk_planned = scenario_risk(planned, sc, im.level);
  if (coverage.empty()) return out;  // unreachable target: no risk, no route
  for (RawRoute& r : detail::best_per_base(now, f, im.level))
    coverage.push_back(std::move(r));
  sort_unique(now, coverage);
  out.risk = coverage.front().risk;  // the first route attains the scenario risk

  const std::size_t k = std::max<std::size_t>(options.max_routes, 1);
  std::vector<RawRoute> within;  // coverage routes the enumeration meets too (prime its pruning)
  std::size_t beyond = 0;        // coverage routes longer than the hop bound: listed, counted
  for (const RawRoute& r : coverage) {
    if (r.hops() <= options.max_hops)
      within.push_back(r);
    else
      ++beyond;
  }
  detail::Listing listing =
      detail::list_routes(now, f, minimax, im.level, k + coverage.size(), options.max_hops, within);
  // Every coverage route, then the worst other non-detour routes up to k in all.
  std::vector<RawRoute> listed = coverage;
  for (RawRoute& r : listing.routes)
    if (listed.size() < k && !contains(coverage, r)) listed.push_back(std::move(r));
  sort_unique(now, listed);
  for (const RawRoute& r : listed)
    out.routes.push_back(detail::to_route(now, f, r));
  out.routes_total = listing.total + beyond;
  out.routes_total_exact = listing.exact;
  out.truncated = !listing.exact || out.routes_total > out.routes.size();
  return out;
}

}  // namespace

std::vector<ScenarioRisk> analyze_scenarios(const model::Model& model,
                                            const model::Profile& profile, const Coverage& coverage,
                                            const AnalysisOptions& options) {
  graph::Topology topology(model, profile);
  return analyze_scenarios(model, profile, coverage, topology, options);
}

std::vector<ScenarioRisk> analyze_scenarios(const model::Model& model,
                                            const model::Profile& profile, const Coverage& coverage,
                                            const graph::Topology& topology,
                                            const AnalysisOptions& options) {
  detail::ReachGraph now(model, profile, coverage, topology, /*planned=*/false);
  detail::ReachGraph planned(model, profile, coverage, topology, /*planned=*/true);
  std::vector<ScenarioRisk> out;
  for (std::size_t i = 0; i < model.impacts.size(); ++i)
    for (std::size_t s = 0; s < model.impacts[i].scenarios.size(); ++s)
      out.push_back(analyze_one(now, planned, i, s, options));
  return out;
}

}  // namespace icsrisk::risk
