// The per-step level query (risk/scenario_steps.h): it agrees with the analysis on every step
// of every listed route, and answers steps no route lists (tests/data/scenario/test-profile.xml:
// lateral "access", entry vectors mail → "infect" and network → "access"; final "attack").

#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "risk/scenario_steps.h"
#include "unit/scenario_fixture.h"

namespace icsrisk::testing {
namespace {

/// An asset of `type` on `networks`; `inner` is more XML inside it (measures).
std::string asset(const std::string& id, std::initializer_list<const char*> networks,
                  const std::string& inner = "", const std::string& type = "host") {
  std::string s =
      R"(<asset id=")" + id + R"(" name=")" + id + R"(" type=")" + type + R"(" importance="2">)";
  for (const char* n : networks)
    s += std::string(R"(<connect network=")") + n + R"("/>)";
  return s + inner + "</asset>";
}

std::string measure(const std::string& ref, bool planned = false) {
  return R"(<countermeasure ref=")" + ref + R"(")" + (planned ? R"( status="planned")" : "") + "/>";
}

/// n1: a, b; n2: t; fw joins n1 and n2 (filtering, own measure d-access); flows b → t,
/// a → b and `more`. a is the mail entry; b has p-access, planned d-access.
std::unique_ptr<Loaded> firewall_model(const std::string& bases = "",
                                       const std::string& more = "") {
  return load(system_xml(
      nets({"n1", "n2"}),
      asset("a", {"n1"}) + asset("b", {"n1"}, measure("p-access") + measure("d-access", true)) +
          asset("t", {"n2"}) + asset("fw", {"n1", "n2"}, measure("d-access"), "firewall"),
      R"(<flow id="f1" from="b" to="t"/><flow id="f2" from="a" to="b"/>)" + more,
      R"(<entry id="ep" name="ep" asset="a" vector="mail" threat-level="3"/>)",
      R"(<scenario id="sc" name="sc" target="t" attack="attack")" +
          (bases.empty() ? "" : R"( bases=")" + bases + R"(")") + "/>"));
}

void expect_agrees_with_routes(const std::string& path) {
  auto l = load(read_text(source_path(path)), /*builtin=*/true);
  risk::Coverage coverage(l->model, l->profile);
  graph::Topology topology(l->model, l->profile);
  risk::StepLevels levels(l->model, l->profile, coverage, topology);
  std::size_t checked = 0;
  for (const risk::ScenarioRisk& s : l->analyze()) {
    const model::Scenario& sc = l->model.impacts[s.impact].scenarios[s.scenario];
    for (const risk::Route& r : s.routes)
      for (const risk::Step& st : r.steps) {
        std::string from(st.from == model::kNone ? "attacker" : l->model.assets[st.from].id);
        std::string to(l->model.assets[st.to].id);
        const std::string& method = l->profile.threats[st.method].id;
        EXPECT_EQ(levels.level_in_scenario(sc.id, from, to, method), st.countermeasure_level)
            << path << " " << sc.id << ": " << from << " → " << to << " " << method;
        // The models' final methods are not the lateral one: the plain query agrees too.
        EXPECT_EQ(levels.level(from, to, method), st.countermeasure_level)
            << path << " " << sc.id << ": " << from << " → " << to << " " << method;
        ++checked;
      }
  }
  EXPECT_GT(checked, 20u) << path;
}

TEST(StepLevelsTest, AgreesWithEveryStepOfEveryListedRouteOfModelPlant) {
  expect_agrees_with_routes("models/model-plant.xml");
}

TEST(StepLevelsTest, AgreesWithEveryStepOfEveryListedRouteOfSmallPlant) {
  expect_agrees_with_routes("models/small-plant.xml");
}

TEST(StepLevelsTest, StepOffTheListedRoutesWithAChannelHasALevel) {
  auto l = firewall_model();
  std::vector<risk::ScenarioRisk> r = l->analyze();
  ASSERT_EQ(r.size(), 1u);
  std::set<std::tuple<std::size_t, std::size_t, std::size_t>> listed;
  for (const risk::Route& route : r[0].routes)
    for (const risk::Step& st : route.steps)
      listed.emplace(st.from, st.to, st.method);
  std::size_t access = l->profile.find_threat("access");
  ASSERT_FALSE(listed.count({l->asset("b"), l->asset("a"), access}));
  risk::StepLevels levels(l->model, l->profile);
  // b → a: the segment channel into a, which has no measure.
  EXPECT_EQ(levels.level("b", "a", "access"), 1);
  // a → b: the segment channel (b's p-access: 2) and the flow f2 (also 2): level 2.
  EXPECT_EQ(levels.level("a", "b", "access"), 2);
  // The firewall is an asset on both networks: fw → t through the segment channel into t.
  EXPECT_EQ(levels.level("fw", "t", "access"), 1);
}

TEST(StepLevelsTest, StepAcrossAFirewallWithoutAFlowHasNoLevel) {
  auto l = firewall_model();
  risk::StepLevels levels(l->model, l->profile);
  EXPECT_EQ(levels.level("a", "t", "access"), std::nullopt);  // no flow a → t crosses fw
  // b → t has the flow f1, which crosses fw: t's measures plus fw's own d-access.
  EXPECT_EQ(levels.level("b", "t", "access"), 2);
  // The final method counts fw's d-access only against what it counters ("access"): 1.
  EXPECT_EQ(levels.level("b", "t", "attack"), 1);
  // A method other than the lateral one goes through flows only: a and b share a segment,
  // but only the flow a → b gives a → b with "attack"; b → a has none.
  EXPECT_EQ(levels.level("a", "b", "attack"), 1);
  EXPECT_EQ(levels.level("b", "a", "attack"), std::nullopt);
  // Not steps: to itself, unknown ids or methods, to the attacker.
  EXPECT_EQ(levels.level("a", "a", "access"), std::nullopt);
  EXPECT_EQ(levels.level("a", "nowhere", "access"), std::nullopt);
  EXPECT_EQ(levels.level("a", "b", "no-such-method"), std::nullopt);
  EXPECT_EQ(levels.level("a", "attacker", "access"), std::nullopt);
}

TEST(StepLevelsTest, EntryStepsNeedAnEntryPointWithThatMethod) {
  auto l = firewall_model();
  risk::StepLevels levels(l->model, l->profile);
  EXPECT_EQ(levels.level("attacker", "a", "infect"), 1);             // ep: mail on a
  EXPECT_EQ(levels.level("attacker", "a", "access"), std::nullopt);  // no entry maps to access
  EXPECT_EQ(levels.level("attacker", "b", "infect"), std::nullopt);  // no entry on b
}

TEST(StepLevelsTest, NetworkEntryCountsTheEntryNetworksMeasuresAndTakesTheWeakestEntry) {
  // n1 and n3 form one segment through the router; the wireless entry is on n3 and n3 has
  // p-access declared on it, so the entry step onto a (on n1) counts it: level 2. Adding an
  // asset entry on a with the same method gives a weaker way in: level 1.
  std::string assets = asset("a", {"n1"}) + asset("rt", {"n1", "n3"}, "", "router") +
                       asset("t", {"n1"}) + asset("b", {"n1"});
  std::string net3 = R"(<network id="n3" name="n3">)" + measure("p-access") + "</network>";
  std::string wlan =
      R"(<entry id="ep-w" name="w" network="n3" vector="network" threat-level="3"/>)";
  auto one = load(system_xml(nets({"n1"}) + net3, assets, R"(<flow id="f" from="b" to="t"/>)", wlan,
                             R"(<scenario id="sc" name="sc" target="t" attack="attack"/>)"));
  risk::StepLevels levels(one->model, one->profile);
  EXPECT_EQ(levels.level("attacker", "a", "access"), 2);
  EXPECT_EQ(levels.level("attacker", "rt", "access"), 2);  // on n3 itself: its scope, once
  auto two = load(system_xml(
      nets({"n1"}) + net3, assets, R"(<flow id="f" from="b" to="t"/>)",
      wlan + R"(<entry id="ep-a" name="a" asset="a" vector="network" threat-level="2"/>)",
      R"(<scenario id="sc" name="sc" target="t" attack="attack"/>)"));
  risk::StepLevels weaker(two->model, two->profile);
  EXPECT_EQ(weaker.level("attacker", "a", "access"), 1);
  EXPECT_EQ(weaker.level("attacker", "b", "access"), 2);  // only the network entry reaches b
}

TEST(StepLevelsTest, PlannedMeasuresCountOnlyWhenAsked) {
  auto l = firewall_model();
  risk::StepLevels levels(l->model, l->profile);
  EXPECT_EQ(levels.level("a", "b", "access"), 2);
  EXPECT_EQ(levels.level("a", "b", "access", /*include_planned=*/true), 3);  // + d-access
}

TEST(StepLevelsTest, AScenariosFinalStepComesOnlyFromItsBases) {
  auto l = firewall_model("b", R"(<flow id="f3" from="a" to="t"/>)");
  risk::StepLevels levels(l->model, l->profile);
  EXPECT_EQ(levels.level("a", "t", "attack"), 1);  // a flow step in general
  EXPECT_EQ(levels.level_in_scenario("sc", "a", "t", "attack"), std::nullopt);  // a is no base
  EXPECT_EQ(levels.level_in_scenario("sc", "b", "t", "attack"), 1);
  EXPECT_EQ(levels.level_in_scenario("no-such-scenario", "a", "t", "attack"), 1);
}

}  // namespace
}  // namespace icsrisk::testing
