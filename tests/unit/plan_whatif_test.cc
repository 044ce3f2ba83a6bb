// The what-if ranking (issue 11): on random small models, the incremental effect of every
// candidate placement equals a full re-analysis of the model with that placement; and the
// ranking's order on a fixed model.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "plan/candidates.h"
#include "plan/whatif.h"
#include "risk/analysis.h"
#include "unit/case_count.h"
#include "unit/plan_random.h"

namespace icsrisk::testing {
namespace {

constexpr int kModels = cases(150);

/// The changes of `after` against `before`, by full analysis (the reference).
struct Full {
  std::vector<plan::Change> scenarios, rows;
};

Full full_changes(const risk::Results& before, const risk::Results& after) {
  Full f;
  for (std::size_t i = 0; i < before.scenario_risks.size(); ++i) {
    const auto& b = before.scenario_risks[i].risk;
    const auto& a = after.scenario_risks[i].risk;
    EXPECT_EQ(b.has_value(), a.has_value());
    if (b && a && *a != *b) f.scenarios.push_back({i, *b, *a});
  }
  for (std::size_t i = 0; i < before.asset_risks.size(); ++i)
    if (before.asset_risks[i].risk != after.asset_risks[i].risk)
      f.rows.push_back({i, before.asset_risks[i].risk, after.asset_risks[i].risk});
  return f;
}

TEST(PlanWhatIfTest, IncrementalEffectEqualsAFullReanalysisPerPlacementOnRandomModels) {
  std::mt19937 rng(11);
  std::size_t checked = 0, changing = 0;
  for (int n = 0; n < kModels; ++n) {
    std::string xml = random_plan_model(rng);
    auto l = load(xml);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << xml;
      return;
    }
    risk::Context context(l->model, l->profile);
    plan::WhatIf whatif(context);
    risk::Results before = risk::analyze(context);
    std::vector<plan::Candidate> candidates = plan::candidates(l->model, l->profile);
    for (const plan::Candidate& c : candidates) {
      model::Model copy = plan::with_placements(l->model, l->profile, {c});
      Full full = full_changes(before, risk::analyze(copy, l->profile));
      plan::Effect e = whatif.evaluate({c});
      ASSERT_EQ(e.scenarios, full.scenarios) << xml << "\ncandidate " << c.measure << " kind "
                                             << static_cast<int>(c.kind) << " scope " << c.scope;
      ASSERT_EQ(e.rows, full.rows) << xml;
      ++checked;
      changing += e.scenarios.empty() ? 0 : 1;
    }
  }
  EXPECT_GT(checked, 1000u);
  EXPECT_GT(changing, 50u);  // the models exercise scenario changes, not only rows
}

TEST(PlanWhatIfTest, RankingPutsScenarioGainsFirstThenRowsThenCost) {
  // One route e0 → h0 → h1 (target), steps infect into h0, attack h0 → h1 over f0; impact 2,
  // so one measure on either step (level 2) lowers the scenario from A to B.
  auto l =
      load(system_xml(nets({"n0"}),
                      R"(<asset id="h0" name="h0" type="host" importance="1">)"
                      R"(<connect network="n0"/></asset>)"
                      R"(<asset id="h1" name="h1" type="host" importance="3">)"
                      R"(<connect network="n0"/></asset>)",
                      R"(<flow id="f0" from="h0" to="h1"/>)",
                      R"(<entry id="e0" name="e0" asset="h0" vector="mail" threat-level="3"/>)",
                      R"(<scenario id="sc" name="sc" target="h1" attack="attack"/>)", 2));
  risk::Context context(l->model, l->profile);
  plan::WhatIf whatif(context);
  ASSERT_EQ(whatif.scenario_risks().size(), 1u);
  EXPECT_EQ(*whatif.scenario_risks()[0], model::Risk::kA);
  std::vector<plan::Ranked> ranked = plan::rank(whatif, plan::candidates(l->model, l->profile));
  ASSERT_FALSE(ranked.empty());
  // A placement that lowers the scenario comes before every one that does not.
  EXPECT_GT(ranked.front().effect.scenario_gain, 0);
  bool seen_zero = false;
  for (const plan::Ranked& r : ranked) {
    if (r.effect.scenario_gain == 0) seen_zero = true;
    if (seen_zero) {
      EXPECT_EQ(r.effect.scenario_gain, 0);
    }
  }
  for (std::size_t i = 1; i < ranked.size(); ++i) {
    const plan::Effect& a = ranked[i - 1].effect;
    const plan::Effect& b = ranked[i].effect;
    if (a.scenario_gain == b.scenario_gain) {
      EXPECT_GE(a.row_gain, b.row_gain);
    }
  }
}

}  // namespace
}  // namespace icsrisk::testing
