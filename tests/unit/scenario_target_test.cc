// Attacks at the target (method.md §7): an entry step may land on the target itself — an entry
// point on the target asset, or a network entry whose segment holds it — and the route is then
// the entry step plus the final attack on the target itself (from = to = target, no channel).
// Test profile (tests/data/scenario/test-profile.xml): lateral "access", mail → "infect",
// network → "access", final "attack".

#include <gtest/gtest.h>

#include <string>

#include "risk/scenario_steps.h"
#include "unit/scenario_fixture.h"
#include "unit/scenario_xml.h"

namespace icsrisk::testing {
namespace {

const char* const kScenario = R"(<scenario id="sc" name="sc" target="t" attack="attack"/>)";

TEST(ScenarioTargetTest, AnEntryOnTheTargetGivesTheEntryStepAndTheFinalAttackOnItself) {
  // t alone on n1, with p-attack (its final step on itself is level 2) and p-infect, d-infect
  // (the mail entry step onto it is level 3). No flow at all: before, no route and no risk.
  auto l = load(system_xml(
      nets({"n1"}),
      host("t", "n1", measure("p-attack") + measure("p-infect") + measure("d-infect")), "",
      R"(<entry id="e" name="e" asset="t" vector="mail" threat-level="3"/>)", kScenario));
  std::vector<risk::ScenarioRisk> rs = l->analyze();
  ASSERT_EQ(rs.size(), 1u);
  ASSERT_TRUE(rs[0].risk.has_value()) << dump(*l, rs);
  EXPECT_EQ(dump(*l, rs),
            "sc (bi, impact 3): risk B, planned B; routes_total 1, listed 1\n"
            "  1. e: t → t  levels 3 2  → level 3, threat 3, vulnerability 1, risk B\n"
            "       attacker → t  infect  [p-infect,d-infect] level 3\n"
            "       t → t  attack  [p-attack] level 2\n");
  const risk::Step& last = rs[0].routes[0].steps.back();
  EXPECT_EQ(last.from, l->asset("t"));
  EXPECT_EQ(last.flow, model::kNone);
  EXPECT_TRUE(last.via.empty());
}

TEST(ScenarioTargetTest, ANetworkEntryWhoseSegmentHoldsTheTargetLandsOnIt) {
  // n1 and n2 joined by a router; the network entry on n2 reaches t on n1. The entry step counts
  // the measures on the entry network (d-access) and t's own (p-access): level 3. The final
  // step on t itself has no measure: level 1. The route level is the max: 3.
  auto l = load(system_xml(
      R"(<network id="n1" name="n1"/><network id="n2" name="n2">)" + measure("d-access") +
          "</network>",
      host("t", "n1", measure("p-access")) +
          R"(<asset id="r" name="r" type="router" importance="1"><connect network="n1"/><connect network="n2"/></asset>)",
      "", R"(<entry id="e" name="e" network="n2" vector="network" threat-level="2"/>)", kScenario));
  std::vector<risk::ScenarioRisk> rs = l->analyze();
  ASSERT_EQ(rs.size(), 1u);
  ASSERT_EQ(rs[0].routes.size(), 1u) << dump(*l, rs);
  EXPECT_EQ(route_path(*l, rs[0].routes[0]), "e: t → t");
  EXPECT_EQ(route_levels(rs[0].routes[0]), "3 1");
  EXPECT_EQ(rs[0].routes[0].countermeasure_level, 3);
  EXPECT_EQ(model::letter(*rs[0].risk), 'C');  // impact 3, threat 2, vulnerability 1
}

TEST(ScenarioTargetTest, TheAttackAtTheTargetDecidesTheRiskWhenItIsTheWeakestRoute) {
  // Entry "far" on a reaches t through b's flow, all steps at level 3 (vulnerability 1); entry
  // "near" is on t itself, unprotected against mail and attack: vulnerability 3, risk A, first.
  std::string both = measure("p-access") + measure("d-access");
  std::string strong =
      both + measure("p-attack") + measure("d-attack") + measure("p-infect") + measure("d-infect");
  auto l = load(system_xml(
      nets({"n1"}), host("a", "n1", strong) + host("b", "n1", both) + host("t", "n1"),
      R"(<flow id="f" from="b" to="t">)" + measure("p-attack") + measure("d-attack") + "</flow>",
      R"(<entry id="far" name="far" asset="a" vector="mail" threat-level="3"/>)"
      R"(<entry id="near" name="near" asset="t" vector="mail" threat-level="3"/>)",
      kScenario));
  std::vector<risk::ScenarioRisk> rs = l->analyze();
  ASSERT_EQ(rs.size(), 1u);
  ASSERT_FALSE(rs[0].routes.empty());
  EXPECT_EQ(model::letter(*rs[0].risk), 'A') << dump(*l, rs);
  EXPECT_EQ(route_path(*l, rs[0].routes[0]), "near: t → t");
  EXPECT_EQ(rs[0].routes[0].steps.size(), 2u);
}

TEST(ScenarioTargetTest, ALateralStepNeverLandsOnTheTarget) {
  // a shares n1 with t but sends it no flow and is no base: a lateral step onto t would be the
  // only way in, and the method does not allow it.
  auto l = load(system_xml(nets({"n1"}), host("a", "n1") + host("t", "n1"), "",
                           R"(<entry id="e" name="e" asset="a" vector="mail" threat-level="3"/>)",
                           kScenario));
  std::vector<risk::ScenarioRisk> rs = l->analyze();
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_FALSE(rs[0].risk.has_value()) << dump(*l, rs);
  EXPECT_TRUE(rs[0].routes.empty());
}

TEST(ScenarioTargetTest, StepLevelsAnswerTheFinalAttackOnTheTargetItself) {
  auto l = load(system_xml(
      nets({"n1"}), host("t", "n1", measure("p-attack") + measure("d-attack")), "",
      R"(<entry id="e" name="e" asset="t" vector="mail" threat-level="3"/>)", kScenario));
  risk::StepLevels levels(l->model, l->profile);
  EXPECT_EQ(levels.level("t", "t", "attack"), 3);
  EXPECT_EQ(levels.level_in_scenario("sc", "t", "t", "attack"), 3);
  EXPECT_EQ(levels.level("attacker", "t", "infect"), 1);
  // A lateral step never lands where it starts.
  EXPECT_EQ(levels.level("t", "t", "access"), std::nullopt);
  // Every step of the listed route is answered with the analysis' level.
  std::vector<risk::ScenarioRisk> rs = l->analyze();
  ASSERT_EQ(rs.size(), 1u);
  ASSERT_EQ(rs[0].routes.size(), 1u);
  for (const risk::Step& st : rs[0].routes[0].steps) {
    std::string from(st.from == model::kNone ? "attacker" : l->model.assets[st.from].id);
    EXPECT_EQ(levels.level_in_scenario("sc", from, "t", l->profile.threats[st.method].id),
              st.countermeasure_level);
  }
}

}  // namespace
}  // namespace icsrisk::testing
