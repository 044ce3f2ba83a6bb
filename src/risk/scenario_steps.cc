// Per-step level queries (see scenario_steps.h): the channel rules of scenario_graph.cc,
// applied to any (from, to, method) rather than to the steps a route search produces.

#include "risk/scenario_steps.h"

#include <algorithm>
#include <string>

#include "risk/scenario_graph.h"

namespace icsrisk::risk {

struct StepLevels::Impl {
  // Owned only by the two-argument constructor; declared first so they outlive the graphs.
  std::optional<Coverage> own_coverage;
  std::optional<graph::Topology> own_topology;
  std::optional<detail::ReachGraph> now, planned;

  void build(const model::Model& m, const model::Profile& p, const Coverage& c,
             const graph::Topology& t) {
    now.emplace(m, p, c, t, /*planned=*/false);
    planned.emplace(m, p, c, t, /*planned=*/true);
  }
};

StepLevels::StepLevels(const model::Model& model, const model::Profile& profile,
                       const Coverage& coverage, const graph::Topology& topology)
    : impl_(std::make_unique<Impl>()) {
  impl_->build(model, profile, coverage, topology);
}

StepLevels::StepLevels(const model::Model& model, const model::Profile& profile)
    : impl_(std::make_unique<Impl>()) {
  impl_->own_coverage.emplace(model, profile);
  impl_->own_topology.emplace(model, profile);
  impl_->build(model, profile, *impl_->own_coverage, *impl_->own_topology);
}

StepLevels::~StepLevels() = default;
StepLevels::StepLevels(StepLevels&&) noexcept = default;
StepLevels& StepLevels::operator=(StepLevels&&) noexcept = default;

namespace {

int entry_step_level(const detail::ReachGraph& g, std::size_t v, std::size_t method) {
  int best = detail::kUnreached;
  for (std::size_t e = 0; e < g.model().entries.size(); ++e)
    if (g.entry_method(e) == method && detail::entry_reaches(g, e, v))
      best = std::min(best, g.entry_level(e, v));
  return best;
}

}  // namespace

std::optional<int> StepLevels::level(std::size_t from, std::size_t to, std::size_t method,
                                     bool include_planned, const model::Scenario* scenario) const {
  const detail::ReachGraph& g = include_planned ? *impl_->planned : *impl_->now;
  const std::size_t n = g.model().assets.size();
  if (to >= n || method >= g.profile().threats.size()) return std::nullopt;
  int level = detail::kUnreached;
  if (from == kNone) {
    level = entry_step_level(g, to, method);
  } else if (from < n && from == to) {
    // The final attack on an asset itself after an entry step onto it: no channel (§7 "Attacks
    // at the target"). A lateral step never lands where it starts.
    bool final = scenario && scenario->target_index == to && scenario->attack_index == method;
    if (final || method != g.lateral_method()) level = g.step_level(to, method, {});
  } else if (from < n) {
    bool final = scenario && scenario->target_index == to && scenario->attack_index == method;
    bool segment = final && scenario->access == model::Access::kSegment &&
                   g.topology().share_segment(from, to);
    bool base_ok = !final || scenario->base_indices.empty() || segment ||
                   std::find(scenario->base_indices.begin(), scenario->base_indices.end(), from) !=
                       scenario->base_indices.end();
    if (base_ok)
      level =
          g.weakest_channel(from, to, method, segment || (!final && method == g.lateral_method()))
              .level;
  }
  if (level >= detail::kUnreached) return std::nullopt;
  return level;
}

std::optional<int> StepLevels::level(std::string_view from, std::string_view to,
                                     std::string_view method, bool include_planned) const {
  return level_in_scenario({}, from, to, method, include_planned);
}

std::optional<int> StepLevels::level_in_scenario(std::string_view scenario, std::string_view from,
                                                 std::string_view to, std::string_view method,
                                                 bool include_planned) const {
  const detail::ReachGraph& g = *impl_->now;
  const model::Model& m = g.model();
  auto asset = [&](std::string_view id) {
    auto it = m.asset_index.find(std::string(id));
    return it == m.asset_index.end() ? kNone : it->second;
  };
  std::size_t f = from == "attacker" ? kNone : asset(from);
  std::size_t t = asset(to);
  std::size_t threat = g.profile().find_threat(std::string(method));
  if ((f == kNone && from != "attacker") || t == kNone || threat == kNone) return std::nullopt;
  const model::Scenario* sc = nullptr;
  if (!scenario.empty())
    for (const model::Impact& i : m.impacts)
      for (const model::Scenario& s : i.scenarios)
        if (s.id == scenario) sc = &s;
  return level(f, t, threat, include_planned, sc);
}

}  // namespace icsrisk::risk
