// Floors (issue 11; issue 10 item 5): the best risk each scenario can reach with every catalogue
// measure in place, with the reason (entry, threat level, lowest vulnerability → matrix cell),
// shown in results.json and the reports where the planned measures leave a scenario at it.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plan/floors.h"
#include "report/floor_note.h"
#include "risk/analysis.h"
#include "unit/scenario_fixture.h"

namespace icsrisk::testing {
namespace {

using ::testing::HasSubstr;

/// office-pc (mail entry, threat level `threat`) → plc over a flow; impact `impact`.
std::string plant(int impact, int threat, const std::string& plc_measures = "") {
  return system_xml(
      nets({"n0"}),
      R"(<asset id="pc" name="事務PC" type="terminal" importance="1"><connect network="n0"/></asset>)"
      R"(<asset id="plc" name="PLC" type="plc" importance="3"><connect network="n0"/>)" +
          plc_measures + "</asset>",
      R"(<flow id="f0" from="pc" to="plc"/>)",
      R"(<entry id="ep" name="メール" asset="pc" vector="mail" threat-level=")" +
          std::to_string(threat) + R"("/>)",
      R"(<scenario id="sc" name="停止" target="plc" attack="unauthorized-transmission"/>)", impact);
}

TEST(PlanFloorsTest, ImpactThreeWithAThreatLevelThreeEntryStaysBUnderTheBuiltinMatrix) {
  auto l = load(plant(3, 3), /*builtin=*/true);
  risk::Context context(l->model, l->profile);
  std::vector<std::optional<risk::ScenarioFloor>> floors = plan::scenario_floors(context);
  ASSERT_EQ(floors.size(), 1u);
  ASSERT_TRUE(floors[0]);
  EXPECT_EQ(floors[0]->risk, model::Risk::kB);
  EXPECT_EQ(floors[0]->entry, 0u);
  EXPECT_EQ(floors[0]->threat_level, 3);
  EXPECT_EQ(floors[0]->vulnerability_level, 1);
}

TEST(PlanFloorsTest, LowerImpactOrThreatGivesALowerFloor) {
  auto l = load(plant(2, 3), true);
  std::vector<std::optional<risk::ScenarioFloor>> f2 =
      plan::scenario_floors(risk::Context(l->model, l->profile));
  ASSERT_TRUE(f2[0]);
  EXPECT_EQ(f2[0]->risk, model::Risk::kC);
  auto l1 = load(plant(3, 1), true);
  std::vector<std::optional<risk::ScenarioFloor>> f1 =
      plan::scenario_floors(risk::Context(l1->model, l1->profile));
  ASSERT_TRUE(f1[0]);
  EXPECT_EQ(f1[0]->risk, model::Risk::kD);
}

TEST(PlanFloorsTest, RowFloorsAreTheRowsWithEveryMeasureEverywhere) {
  auto l = load(plant(3, 3), true);
  risk::Context context(l->model, l->profile);
  std::vector<model::Risk> floors = plan::row_floors(context);
  risk::Results now = risk::analyze(context);
  ASSERT_EQ(floors.size(), now.asset_risks.size());
  for (std::size_t i = 0; i < floors.size(); ++i)
    EXPECT_FALSE(worse_than(floors[i], now.asset_risks[i].risk)) << i;
}

TEST(PlanFloorsTest, NoteSaysWhyWhenThePlannedMeasuresLeaveTheScenarioAtItsFloor) {
  // Planned measures on the plc bring the final step to level 3: the scenario goes to B, its
  // floor; the report says so and why.
  auto l = load(plant(3, 3,
                      R"(<countermeasure ref="peer-authentication" status="planned"/>)"
                      R"(<countermeasure ref="log-collection" status="planned"/>)"),
                true);
  risk::Context context(l->model, l->profile);
  risk::Results r = risk::analyze(context);
  plan::attach_floors(context, r);
  ASSERT_TRUE(r.scenario_risks[0].floor);
  EXPECT_EQ(*r.scenario_risks[0].risk, model::Risk::kA);
  EXPECT_EQ(*r.scenario_risks[0].risk_planned, model::Risk::kB);
  std::string en = report::floor_note(l->model, l->profile, r.scenario_risks[0], model::Lang::kEn);
  EXPECT_THAT(en, HasSubstr("停止: the risk after the planned measures, B, is the floor"));
  EXPECT_THAT(en, HasSubstr("Entry point \"メール\" has threat level 3"));
  EXPECT_THAT(en, HasSubstr("business impact level 3"));
  EXPECT_THAT(en, HasSubstr("(1) gives B in the risk matrix"));
  std::string ja = report::floor_note(l->model, l->profile, r.scenario_risks[0], model::Lang::kJa);
  EXPECT_THAT(ja, HasSubstr("侵入口「メール」の脅威レベル 3"));

  // Without planned measures the scenario stays above its floor: no note.
  auto l2 = load(plant(3, 3), true);
  risk::Context c2(l2->model, l2->profile);
  risk::Results r2 = risk::analyze(c2);
  plan::attach_floors(c2, r2);
  EXPECT_EQ(report::floor_note(l2->model, l2->profile, r2.scenario_risks[0], model::Lang::kEn), "");
}

}  // namespace
}  // namespace icsrisk::testing
