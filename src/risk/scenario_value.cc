#include "risk/scenario_value.h"

#include "risk/scenario_graph.h"
#include "risk/scenario_search.h"

namespace icsrisk::risk {

std::vector<ScenarioRef> scenario_refs(const model::Model& m) {
  std::vector<ScenarioRef> out;
  for (std::size_t i = 0; i < m.impacts.size(); ++i)
    for (std::size_t s = 0; s < m.impacts[i].scenarios.size(); ++s)
      out.push_back({i, s});
  return out;
}

std::vector<ScenarioValue> scenario_values(const model::Model& m, const model::Profile& p,
                                           const Coverage& coverage,
                                           const graph::Topology& topology, bool planned,
                                           const std::vector<ScenarioRef>& which) {
  std::vector<ScenarioValue> out;
  out.reserve(which.size());
  if (which.empty()) return out;
  detail::ReachGraph g(m, p, coverage, topology, planned);
  for (const ScenarioRef& ref : which) {
    const model::Impact& im = m.impacts[ref.impact];
    detail::FinalSteps f = detail::final_steps(g, im.scenarios[ref.scenario]);
    std::vector<int> minimax = detail::minimax_to_target(g, f);
    ScenarioValue v;
    for (std::size_t e = 0; e < m.entries.size(); ++e) {
      int level = detail::entry_minimax(g, f, minimax, e);
      if (level >= detail::kUnreached) continue;
      model::Risk r = p.risk_of(im.level, m.entries[e].threat_level, vulnerability_of(level));
      if (!v.risk || worse_than(r, *v.risk)) v = {r, e, level};
    }
    out.push_back(v);
  }
  return out;
}

}  // namespace icsrisk::risk
