// The minimal plan (issue 11): on random small models and random candidate sets with random
// costs, the plan's cost equals the cheapest subset found by brute force over all subsets
// (full analysis of each), where the plan says it is exact; with a tiny search limit, the
// stated lower bound and the plan's cost bracket the optimum.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "plan/candidates.h"
#include "plan/minimal.h"
#include "risk/analysis.h"
#include "unit/case_count.h"
#include "unit/plan_random.h"

namespace icsrisk::testing {
namespace {

constexpr int kModels = cases(300);

/// The goals by brute force: the target, or the risk with every measure system-wide where
/// that is worse (its own floor).
struct Goals {
  std::vector<std::optional<model::Risk>> scenarios;
  std::vector<model::Risk> rows;
};

Goals brute_goals(const Loaded& l, model::Risk target, bool rows) {
  std::vector<plan::Candidate> all;
  for (std::size_t m = 0; m < l.profile.countermeasures.size(); ++m)
    all.push_back({m, plan::ScopeKind::kSystem, model::kNone, 1, false});
  risk::Results floor = risk::analyze(plan::with_placements(l.model, l.profile, all), l.profile);
  Goals g;
  for (const risk::ScenarioRisk& s : floor.scenario_risks)
    g.scenarios.push_back(!s.risk                       ? std::nullopt
                          : worse_than(*s.risk, target) ? s.risk
                                                        : std::optional(target));
  if (rows)
    for (const risk::AssetRiskRow& r : floor.asset_risks)
      g.rows.push_back(worse_than(r.risk, target) ? r.risk : target);
  return g;
}

bool meets(const risk::Results& r, const Goals& g) {
  for (std::size_t i = 0; i < g.scenarios.size(); ++i)
    if (g.scenarios[i] && r.scenario_risks[i].risk &&
        worse_than(*r.scenario_risks[i].risk, *g.scenarios[i]))
      return false;
  for (std::size_t i = 0; i < g.rows.size(); ++i)
    if (worse_than(r.asset_risks[i].risk, g.rows[i])) return false;
  return true;
}

TEST(PlanMinimalTest, PlanCostEqualsBruteForceOverAllSubsetsOnRandomModels) {
  std::mt19937 rng(1011);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  int exact = 0, met = 0, bounded = 0;
  for (int n = 0; n < kModels; ++n) {
    std::string xml = random_plan_model(rng);
    auto l = load(xml);
    ASSERT_FALSE(::testing::Test::HasFailure()) << xml;
    std::vector<plan::Candidate> all = plan::candidates(l->model, l->profile);
    std::shuffle(all.begin(), all.end(), rng);
    all.resize(std::min<std::size_t>(all.size(), static_cast<std::size_t>(pick(3, 9))));
    for (plan::Candidate& c : all)
      c.cost = pick(1, 5);
    plan::PlanOptions o;
    o.target = static_cast<model::Risk>(pick(1, 3));  // B, C or D
    o.scope = pick(0, 1) ? plan::Scope::kAll : plan::Scope::kScenarios;
    Goals goals = brute_goals(*l, o.target, o.scope == plan::Scope::kAll);

    long long best = std::numeric_limits<long long>::max();
    for (std::size_t mask = 0; mask < (std::size_t{1} << all.size()); ++mask) {
      std::vector<plan::Candidate> subset;
      long long cost = 0;
      for (std::size_t i = 0; i < all.size(); ++i)
        if (mask >> i & 1) subset.push_back(all[i]), cost += all[i].cost;
      if (cost >= best) continue;
      if (meets(risk::analyze(plan::with_placements(l->model, l->profile, subset), l->profile),
                goals))
        best = cost;
    }
    risk::Context context(l->model, l->profile);
    plan::WhatIf whatif(context);
    plan::Plan p = plan::minimal_plan(whatif, all, o);
    bool feasible = best != std::numeric_limits<long long>::max();
    ASSERT_EQ(p.met, feasible) << xml;
    ASSERT_TRUE(p.exact) << xml;
    if (!feasible) continue;
    ++met;
    ASSERT_EQ(p.cost, best) << xml;
    long long sum = 0;
    for (const plan::Candidate& c : p.placements)
      sum += c.cost;
    EXPECT_EQ(sum, p.cost);
    EXPECT_TRUE(
        meets(risk::analyze(plan::with_placements(l->model, l->profile, p.placements), l->profile),
              goals))
        << xml;
    ++exact;

    plan::PlanOptions tight = o;
    tight.max_evaluations = 3;
    plan::Plan q = plan::minimal_plan(whatif, all, tight);
    if (q.met) {
      EXPECT_LE(q.lower_bound, best) << xml;
      EXPECT_GE(q.cost, best) << xml;
      if (!q.exact) ++bounded;
      if (q.exact) {
        EXPECT_EQ(q.cost, best);
      }
    }
  }
  EXPECT_GT(met, kModels / 5);  // enough random cases where some subset reaches the goals
  EXPECT_GT(exact, kModels / 5);
  EXPECT_GT(bounded, 0);
}

TEST(PlanMinimalTest, TargetBelowAFloorIsReportedAndTheFloorBecomesTheGoal) {
  // Impact 3, entry threat level 3: even vulnerability 1 gives B in the matrix.
  auto l =
      load(system_xml(nets({"n0"}),
                      R"(<asset id="h0" name="h0" type="host" importance="1">)"
                      R"(<connect network="n0"/></asset>)"
                      R"(<asset id="h1" name="h1" type="host" importance="3">)"
                      R"(<connect network="n0"/></asset>)",
                      R"(<flow id="f0" from="h0" to="h1"/>)",
                      R"(<entry id="e0" name="e0" asset="h0" vector="mail" threat-level="3"/>)",
                      R"(<scenario id="sc" name="sc" target="h1" attack="attack"/>)", 3));
  risk::Context context(l->model, l->profile);
  plan::WhatIf whatif(context);
  plan::PlanOptions o;
  o.target = model::Risk::kC;
  plan::Plan p = plan::minimal_plan(whatif, plan::candidates(l->model, l->profile), o);
  EXPECT_THAT(p.scenarios_below_floor, ::testing::ElementsAre(0u));
  ASSERT_TRUE(p.scenario_goal[0]);
  EXPECT_EQ(*p.scenario_goal[0], model::Risk::kB);
  EXPECT_TRUE(p.met);
  EXPECT_TRUE(p.exact);
  // B needs one step at level 3 on the only route: a protect and a detect measure against one
  // method, the two cheapest (each 1) placed system-wide.
  EXPECT_EQ(p.cost, 2);
  ASSERT_EQ(p.effect.scenarios.size(), 1u);
  EXPECT_EQ(p.effect.scenarios[0].after, model::Risk::kB);
}

}  // namespace
}  // namespace icsrisk::testing
