// Segment access (method.md §7): with access="segment" on a scenario, every asset sharing a
// segment with the target is also an attack base, and the final step may use the segment
// channel as well as flow channels. Test profile (tests/data/scenario/test-profile.xml):
// lateral "access", mail → "infect", final "attack".

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "risk/scenario_steps.h"
#include "unit/model_check.h"
#include "unit/scenario_fixture.h"
#include "unit/scenario_xml.h"

namespace icsrisk::testing {
namespace {

/// The remote station: the cellular router `cr` (the mail entry, standing in for a cellular
/// link) and the RTU `t` on one LAN; `cr` sends nothing to the RTU. The SCADA server `scada`
/// on n2 (joined to n1 by the router r) sends commands to the RTU, through the flow f, which
/// carries p-attack.
std::unique_ptr<Loaded> station(const std::string& access) {
  return load(system_xml(
      nets({"n1", "n2"}),
      host("cr", "n1") + host("t", "n1") + host("scada", "n2") +
          R"(<asset id="r" name="r" type="router" importance="1"><connect network="n1"/><connect network="n2"/></asset>)",
      R"(<flow id="f" from="scada" to="t">)" + measure("p-attack") + "</flow>",
      R"(<entry id="cell" name="cell" asset="cr" vector="mail" threat-level="3"/>)",
      R"(<scenario id="sc" name="sc" target="t" attack="attack")" + access + "/>"));
}

TEST(ScenarioAccessTest, FlowsAccessUsesOnlyTheSendersOverFlows) {
  auto l = station("");
  std::vector<risk::ScenarioRisk> rs = l->analyze();
  ASSERT_EQ(rs.size(), 1u);
  ASSERT_FALSE(rs[0].routes.empty());
  // cr reaches the RTU only through the SCADA server's flow: the final step is level 2.
  EXPECT_EQ(route_path(*l, rs[0].routes[0]), "cell: cr → scada → t") << dump(*l, rs);
  EXPECT_EQ(rs[0].routes[0].steps.back().flow, l->flow("f"));
  for (const risk::Route& r : rs[0].routes)
    EXPECT_NE(r.steps.back().from, l->asset("cr"));
}

TEST(ScenarioAccessTest, SegmentAccessMakesEveryAssetOfTheTargetsSegmentABase) {
  auto l = station(R"( access="segment")");
  EXPECT_EQ(l->model.impacts[0].scenarios[0].access, model::Access::kSegment);
  std::vector<risk::ScenarioRisk> rs = l->analyze();
  ASSERT_EQ(rs.size(), 1u);
  ASSERT_FALSE(rs[0].routes.empty());
  // The cellular router commands the RTU directly over the segment, unprotected (level 1).
  EXPECT_EQ(route_path(*l, rs[0].routes[0]), "cell: cr → t") << dump(*l, rs);
  const risk::Step& last = rs[0].routes[0].steps.back();
  EXPECT_EQ(last.from, l->asset("cr"));
  EXPECT_EQ(last.flow, model::kNone);
  EXPECT_EQ(last.countermeasure_level, 1);
  EXPECT_EQ(model::letter(*rs[0].risk), 'A');
  // The SCADA server (n2, one segment with n1 through the router) now takes the weaker of its
  // flow (level 2) and the segment channel (level 1).
  bool via_scada = false;
  for (const risk::Route& r : rs[0].routes)
    if (r.steps.back().from == l->asset("scada")) {
      via_scada = true;
      EXPECT_EQ(r.steps.back().countermeasure_level, 1);
      EXPECT_EQ(r.steps.back().flow, model::kNone);
    }
  EXPECT_TRUE(via_scada) << dump(*l, rs);
}

TEST(ScenarioAccessTest, StepLevelsFollowTheScenariosAccess) {
  auto flows = station("");
  auto segment = station(R"( access="segment")");
  risk::StepLevels by_flows(flows->model, flows->profile);
  risk::StepLevels by_segment(segment->model, segment->profile);
  EXPECT_EQ(by_flows.level_in_scenario("sc", "cr", "t", "attack"), std::nullopt);
  EXPECT_EQ(by_segment.level_in_scenario("sc", "cr", "t", "attack"), 1);
  EXPECT_EQ(by_flows.level_in_scenario("sc", "scada", "t", "attack"), 2);
  EXPECT_EQ(by_segment.level_in_scenario("sc", "scada", "t", "attack"), 1);
}

TEST(ScenarioAccessTest, AnUnknownAccessIsAnErrorListingTheValidValues) {
  ModelOutcome o = check_model(
      "<system id=\"t\">\n"
      "  <assets><asset id=\"a\" type=\"plc\" importance=\"3\"/></assets>\n"
      "  <business-impacts><impact id=\"i\" level=\"3\">\n"
      "    <scenario id=\"s\" target=\"a\" attack=\"function-stop\" access=\"segmnt\"/>\n"
      "  </impact></business-impacts>\n"
      "</system>\n");
  EXPECT_THAT(o.text,
              ::testing::HasSubstr("m.xml:4:56: error: attribute 'access' must be one of 'flows', "
                                   "'segment', not 'segmnt'; did you mean 'segment'?\n"));
}

}  // namespace
}  // namespace icsrisk::testing
