// The rules of method.md §7 on small hand-built topologies (tests/data/scenario/test-profile.xml:
// lateral method "access", entry vector mail → "infect", network → "access"; final "attack").

#include <gtest/gtest.h>

#include <algorithm>

#include <fmt/format.h>

#include "unit/scenario_fixture.h"

namespace icsrisk::testing {
namespace {

/// An asset of `type` on `networks`, with implemented `measures` on itself.
std::string asset(const std::string& id, std::initializer_list<const char*> networks,
                  std::initializer_list<const char*> measures = {},
                  const std::string& type = "host") {
  std::string s =
      R"(<asset id=")" + id + R"(" name=")" + id + R"(" type=")" + type + R"(" importance="2">)";
  for (const char* n : networks)
    s += std::string(R"(<connect network=")") + n + R"("/>)";
  for (const char* m : measures)
    s += std::string(R"(<countermeasure ref=")") + m + R"("/>)";
  return s + "</asset>";
}

std::string flow(const std::string& id, const std::string& from, const std::string& to,
                 std::initializer_list<const char*> measures = {}) {
  std::string s = R"(<flow id=")" + id + R"(" from=")" + from + R"(" to=")" + to + R"(">)";
  for (const char* m : measures)
    s += std::string(R"(<countermeasure ref=")") + m + R"("/>)";
  return s + "</flow>";
}

std::string mail_entry(const std::string& id, const std::string& asset, int threat = 3) {
  return R"(<entry id=")" + id + R"(" name=")" + id + R"(" asset=")" + asset +
         R"(" vector="mail" threat-level=")" + std::to_string(threat) + R"("/>)";
}

std::string scenario(const std::string& target, const std::string& bases = "") {
  return R"(<scenario id="sc" name="sc" target=")" + target + R"(" attack="attack")" +
         (bases.empty() ? "" : R"( bases=")" + bases + R"(")") + "/>";
}

std::vector<std::string> paths(const Loaded& l, const risk::ScenarioRisk& r) {
  std::vector<std::string> out;
  for (const risk::Route& route : r.routes)
    out.push_back(route_path(l, route));
  return out;
}

TEST(ScenarioTest, FirewallBlocksNonFlowTrafficSoRoutesGoThroughTheFirewallItself) {
  auto l = load(system_xml(nets({"n1", "n2"}),
                           asset("a", {"n1"}) + asset("b", {"n2"}) + asset("t", {"n2"}) +
                               asset("fw", {"n1", "n2"}, {"p-access", "d-access"}, "firewall"),
                           flow("f1", "b", "t"), mail_entry("ep", "a"), scenario("t")));
  auto rs = l->analyze();
  ASSERT_EQ(rs.size(), 1u);
  ASSERT_TRUE(rs[0].risk.has_value());
  EXPECT_EQ(paths(*l, rs[0]), (std::vector<std::string>{"ep: a → fw → b → t"}));
  // The firewall's own measures (protect + detect) make the only way in level 3.
  EXPECT_EQ(rs[0].routes[0].countermeasure_level, 3);
  EXPECT_EQ(*rs[0].risk, model::Risk::kB);  // impact 3, threat 3, vulnerability 1
  EXPECT_EQ(rs[0].routes_total, 1u);
  EXPECT_TRUE(rs[0].routes_total_exact);
  EXPECT_FALSE(rs[0].truncated);
}

TEST(ScenarioTest, FlowCrossingTwoFirewallsPicksUpBothDevicesMeasures) {
  auto l = load(system_xml(nets({"n1", "n2", "n3"}),
                           asset("a", {"n1"}) + asset("t", {"n3"}) +
                               asset("fw1", {"n1", "n2"}, {"p-attack"}, "firewall") +
                               asset("fw2", {"n2", "n3"}, {"d-attack"}, "firewall"),
                           flow("f1", "a", "t"), mail_entry("ep", "a"), scenario("t")));
  auto rs = l->analyze();
  ASSERT_EQ(rs[0].routes.size(), 1u);
  const risk::Route& r = rs[0].routes[0];
  ASSERT_EQ(r.steps.size(), 2u);
  const risk::Step& final = r.steps[1];
  EXPECT_EQ(final.flow, l->flow("f1"));
  EXPECT_EQ(final.via, (std::vector<std::size_t>{l->asset("fw1"), l->asset("fw2")}));
  EXPECT_EQ(final.countermeasures.size(), 2u);  // p-attack (fw1) and d-attack (fw2)
  EXPECT_EQ(final.countermeasure_level, 3);
  EXPECT_EQ(r.countermeasure_level, 3);
}

TEST(ScenarioTest, OneWayGatewayPassesOnlyUpstreamToDownstream) {
  std::string gw =
      R"(<asset id="gw" name="gw" type="diode" importance="3">)"
      R"(<connect network="up" role="upstream"/><connect network="down" role="downstream"/></asset>)";
  auto l = load(system_xml(nets({"up", "down"}), asset("h", {"up"}) + asset("r", {"down"}) + gw,
                           flow("f-out", "h", "r") + flow("f-in", "r", "h"), mail_entry("ep", "r"),
                           scenario("h", "r")));
  graph::Topology t(l->model, l->profile);
  EXPECT_TRUE(t.route(l->flow("f-out")).routable());
  EXPECT_EQ(t.route(l->flow("f-out")).via, (std::vector<std::size_t>{l->asset("gw")}));
  EXPECT_EQ(t.route(l->flow("f-in")).status, graph::FlowRoute::Status::kWrongWay);
  core::Diagnostics d;
  graph::report_unroutable_flows(l->model, t, d);
  ASSERT_EQ(d.warning_count(), 1u);
  EXPECT_NE(d.all()[0].message.find("flow 'f-in' cannot be routed from 'r' to 'h'"),
            std::string::npos);
  EXPECT_NE(d.all()[0].message.find("one-way gateway 'gw'"), std::string::npos);
  EXPECT_EQ(d.all()[0].loc.offset, l->model.flows[l->flow("f-in")].loc.offset);
  // The only base's flow is unroutable, so the target cannot be attacked.
  auto rs = l->analyze();
  EXPECT_FALSE(rs[0].risk.has_value());
}

TEST(ScenarioTest, RouterJoinsNetworksIntoOneSegment) {
  auto l = load(system_xml(
      nets({"n1", "n2", "n3"}),
      asset("a", {"n1"}) + asset("b", {"n2"}) + asset("c", {"n3"}) +
          asset("rt", {"n1", "n2"}, {}, "router") + asset("fw", {"n2", "n3"}, {}, "firewall"),
      flow("f1", "a", "b") + flow("f2", "a", "c"), mail_entry("ep", "a"), scenario("b")));
  graph::Topology t(l->model, l->profile);
  EXPECT_EQ(t.segment_count(), 2u);
  EXPECT_TRUE(t.share_segment(l->asset("a"), l->asset("b")));
  EXPECT_FALSE(t.share_segment(l->asset("a"), l->asset("c")));
  EXPECT_TRUE(t.share_segment(l->asset("fw"), l->asset("a")));  // a device is on each network
  EXPECT_TRUE(t.route(l->flow("f1")).via.empty());
  EXPECT_EQ(t.route(l->flow("f2")).via, (std::vector<std::size_t>{l->asset("fw")}));
}

TEST(ScenarioTest, NetworkEntryReachesEveryAssetOfTheSegmentWithTheNetworksMeasures) {
  std::string networks =
      R"(<network id="n1" name="n1"><countermeasure ref="p-access"/></network>)" + nets({"n2"});
  auto l = load(system_xml(
      networks, asset("b", {"n2"}) + asset("t", {"n2"}) + asset("rt", {"n1", "n2"}, {}, "router"),
      flow("f1", "b", "t"),
      R"(<entry id="ep" name="ep" network="n1" vector="network" threat-level="3"/>)",
      scenario("t")));
  auto rs = l->analyze();
  ASSERT_FALSE(rs[0].routes.empty());
  // b is not on n1, but on its segment; the entry step still counts n1's p-access.
  const risk::Route& r = rs[0].routes[0];
  EXPECT_EQ(route_path(*l, r), "ep: b → t");
  EXPECT_EQ(r.steps[0].method, l->profile.find_threat("access"));
  EXPECT_EQ(r.steps[0].countermeasures,
            (std::vector<std::size_t>{l->profile.find_countermeasure("p-access")}));
  EXPECT_EQ(r.steps[0].countermeasure_level, 2);
  // The target is on the segment too: the entry step may land on it, and the route is then
  // the final attack on the target itself (method.md §7 "Attacks at the target").
  std::vector<std::string> all = paths(*l, rs[0]);
  EXPECT_NE(std::find(all.begin(), all.end(), "ep: t → t"), all.end());
}

TEST(ScenarioTest, MediaEntryUsesTheVectorsMethod) {
  auto l = load(R"(<system id="m" name="m" xmlns="urn:icsrisk:model:1">
    <networks><network id="n" name="n"/></networks>
    <assets>
      <asset id="ews" name="ews" type="ews" importance="2"><connect network="n"/>
        <countermeasure ref="media-control"/></asset>
      <asset id="plc" name="plc" type="plc" importance="3"><connect network="n"/></asset>
    </assets>
    <dataflows><flow id="f" from="ews" to="plc"/></dataflows>
    <entry-points><entry id="usb" name="usb" asset="ews" vector="media" threat-level="2"/></entry-points>
    <business-impacts><impact id="bi" name="bi" level="3">
      <scenario id="sc" name="sc" target="plc" attack="unauthorized-transmission"/></impact></business-impacts>
  </system>)",
                /*builtin=*/true);
  auto rs = l->analyze();
  ASSERT_EQ(rs[0].routes.size(), 1u);
  const risk::Step& entry = rs[0].routes[0].steps[0];
  EXPECT_EQ(entry.method, l->profile.find_threat("unauthorized-media"));
  EXPECT_EQ(entry.countermeasures,
            (std::vector<std::size_t>{l->profile.find_countermeasure("media-control")}));
  EXPECT_EQ(entry.countermeasure_level, 2);
  EXPECT_EQ(rs[0].routes[0].countermeasure_level, 2);
  EXPECT_EQ(*rs[0].risk, model::Risk::kB);  // impact 3, threat 2, vulnerability 2
}

TEST(ScenarioTest, StepTakesTheWeakestChannel) {
  auto l =
      load(system_xml(nets({"n1", "n2"}),
                      asset("a", {"n1"}) + asset("b", {"n2"}) + asset("t", {"n2"}) +
                          asset("fw", {"n1", "n2"}, {"p-access"}, "firewall"),
                      flow("strong", "a", "b", {"p-access", "d-access"}) + flow("weak1", "a", "b") +
                          flow("weak2", "a", "b") + flow("f", "b", "t"),
                      mail_entry("ep", "a"), scenario("t")));
  auto rs = l->analyze();
  std::vector<std::string> p = paths(*l, rs[0]);
  auto it = std::find(p.begin(), p.end(), "ep: a → b → t");
  ASSERT_NE(it, p.end());
  const risk::Step& s = rs[0].routes[static_cast<std::size_t>(it - p.begin())].steps[1];
  // Both flows cross fw (p-access): level 2. The weakest flow with the lowest index is recorded.
  EXPECT_EQ(s.flow, l->flow("weak1"));
  EXPECT_EQ(s.countermeasure_level, 2);
  // Within a segment the segment channel wins ties with a flow channel.
  auto l2 = load(system_xml(nets({"n"}), asset("a", {"n"}) + asset("b", {"n"}) + asset("t", {"n"}),
                            flow("ab", "a", "b") + flow("bt", "b", "t"), mail_entry("ep", "a"),
                            scenario("t", "b")));
  auto rs2 = l2->analyze();
  ASSERT_EQ(paths(*l2, rs2[0]), (std::vector<std::string>{"ep: a → b → t"}));
  EXPECT_EQ(rs2[0].routes[0].steps[1].flow, risk::kNone);
}

TEST(ScenarioTest, AttackBaseNeedsAFlowToTheTarget) {
  auto l = load(system_xml(nets({"n"}), asset("a", {"n"}) + asset("b", {"n"}) + asset("t", {"n"}),
                           flow("bt", "b", "t") + flow("ta", "t", "a"), mail_entry("ep", "a"),
                           scenario("t")));
  auto rs = l->analyze();
  EXPECT_EQ(paths(*l, rs[0]), (std::vector<std::string>{"ep: a → b → t"}));
  EXPECT_EQ(rs[0].routes[0].steps.back().flow, l->flow("bt"));
}

TEST(ScenarioTest, ExplicitBasesRestrictTheFinalStep) {
  std::string assets = asset("a", {"n"}) + asset("b", {"n"}) + asset("t", {"n"});
  std::string flows = flow("at", "a", "t") + flow("bt", "b", "t");
  auto implicit =
      load(system_xml(nets({"n"}), assets, flows, mail_entry("ep", "a"), scenario("t")));
  EXPECT_EQ(paths(*implicit, implicit->analyze()[0]),
            (std::vector<std::string>{"ep: a → t", "ep: a → b → t"}));
  auto explicit_ =
      load(system_xml(nets({"n"}), assets, flows, mail_entry("ep", "a"), scenario("t", "b")));
  EXPECT_EQ(paths(*explicit_, explicit_->analyze()[0]),
            (std::vector<std::string>{"ep: a → b → t"}));
}

TEST(ScenarioTest, UnreachableTargetHasNoRiskAndNoRoute) {
  auto l = load(system_xml(nets({"n1", "n2"}),
                           asset("a", {"n1"}) + asset("b", {"n2"}) + asset("t", {"n2"}),
                           flow("bt", "b", "t"), mail_entry("ep", "a"), scenario("t")));
  auto rs = l->analyze();
  EXPECT_FALSE(rs[0].risk.has_value());
  EXPECT_FALSE(rs[0].risk_planned.has_value());
  EXPECT_TRUE(rs[0].routes.empty());
  EXPECT_EQ(rs[0].routes_total, 0u);
  EXPECT_FALSE(rs[0].truncated);
}

TEST(ScenarioTest, EqualDevicePathsTieBreakOnTheLexicographicallySmallestIdSequence) {
  // n1 –fw-c– n2 –fw-a– n4 and n1 –fw-b– n3 –fw-z– n4: [fw-b, fw-z] < [fw-c, fw-a].
  auto l = load(system_xml(
      nets({"n1", "n2", "n3", "n4"}),
      asset("s", {"n1"}) + asset("d", {"n4"}) + asset("fw-c", {"n1", "n2"}, {}, "firewall") +
          asset("fw-a", {"n2", "n4"}, {}, "firewall") +
          asset("fw-b", {"n1", "n3"}, {}, "firewall") + asset("fw-z", {"n3", "n4"}, {}, "firewall"),
      flow("f", "s", "d"), mail_entry("ep", "s"), scenario("d")));
  graph::Topology t(l->model, l->profile);
  EXPECT_EQ(t.route(l->flow("f")).via,
            (std::vector<std::size_t>{l->asset("fw-b"), l->asset("fw-z")}));
}

TEST(ScenarioTest, RoutesAreSortedByRiskVulnerabilityHopsThenIds) {
  // Two entries: threat 3 on a, threat 2 on c; x is protected (level 2), y is not.
  auto l = load(system_xml(nets({"n"}),
                           asset("a", {"n"}) + asset("c", {"n"}) + asset("x", {"n"}, {"p-access"}) +
                               asset("y", {"n"}) + asset("t", {"n"}),
                           flow("xt", "x", "t") + flow("yt", "y", "t"),
                           mail_entry("ep-a", "a", 3) + mail_entry("ep-c", "c", 2), scenario("t")));
  risk::AnalysisOptions o;
  o.max_routes = 100;
  auto rs = l->analyze(o);
  // ep-c (threat 2) with vulnerability 3 is still risk A, so it sorts among ep-a's routes;
  // the routes through x have level 2 (ep-a: A, ep-c: B). Every longer route (a → c → y → t,
  // a → x → y → t, …) is a detour of one of these four (method.md §7 "No detours").
  std::vector<std::string> expected = {"ep-a: a → y → t", "ep-c: c → y → t", "ep-a: a → x → t",
                                       "ep-c: c → x → t"};
  EXPECT_EQ(paths(*l, rs[0]), expected);
  EXPECT_EQ(rs[0].routes_total, 4u);
  EXPECT_FALSE(rs[0].truncated);
  EXPECT_EQ(rs[0].routes[2].risk, model::Risk::kA);
  EXPECT_EQ(rs[0].routes[3].risk, model::Risk::kB);
}

TEST(ScenarioTest, ARouteThroughAStepOfTheSameSegmentIsADetourAndIsNeitherListedNorCounted) {
  // a → sw → b → t adds the switch sw (a non-filtering device) to a → b → t and no weaker
  // defence: a detour.
  auto l = load(system_xml(
      nets({"n"}),
      asset("a", {"n"}) + asset("sw", {"n"}, {}, "router") + asset("b", {"n"}) + asset("t", {"n"}),
      flow("bt", "b", "t"), mail_entry("ep", "a"), scenario("t")));
  risk::AnalysisOptions o;
  o.max_routes = 100;
  auto rs = l->analyze(o);
  EXPECT_EQ(paths(*l, rs[0]), (std::vector<std::string>{"ep: a → b → t"}));
  EXPECT_EQ(rs[0].routes_total, 1u);
  EXPECT_TRUE(rs[0].routes_total_exact);
  EXPECT_FALSE(rs[0].truncated);
}

TEST(ScenarioTest, ALongerRouteWithAWeakerDefenceIsNoDetour) {
  // The direct step a → b crosses firewall fw (flow ab, countered by fw's measures: level 3);
  // a → m → b goes round it through the dual-homed m (level 1). The longer route is weaker, so
  // it is no detour of a → b → t: both are listed and counted.
  auto l = load(system_xml(
      nets({"n1", "n2"}),
      asset("a", {"n1"}) + asset("m", {"n1", "n2"}) + asset("b", {"n2"}) + asset("t", {"n2"}) +
          asset("fw", {"n1", "n2"}, {"p-access", "d-access"}, "firewall"),
      flow("ab", "a", "b") + flow("bt", "b", "t"), mail_entry("ep", "a"), scenario("t", "b")));
  risk::AnalysisOptions o;
  o.max_routes = 100;
  auto rs = l->analyze(o);
  ASSERT_EQ(rs[0].routes.size(), 2u) << dump(*l, rs);
  EXPECT_EQ(paths(*l, rs[0]), (std::vector<std::string>{"ep: a → m → b → t", "ep: a → b → t"}));
  EXPECT_EQ(rs[0].routes_total, 2u);
}

TEST(ScenarioTest, HopBoundLimitsTheListingAndSetsTheFlags) {
  // a (n0) reaches b (n1) only through one of the dual-homed m1..m4: four routes of 4 hops,
  // none a detour of another (a route through two of them is a detour of one through one).
  std::string assets = asset("a", {"n0"}) + asset("b", {"n1"}) + asset("t", {"n1"});
  for (const char* m : {"m1", "m2", "m3", "m4"})
    assets += asset(m, {"n0", "n1"});
  auto l = load(system_xml(nets({"n0", "n1"}), assets, flow("bt", "b", "t"), mail_entry("ep", "a"),
                           scenario("t", "b")));
  risk::AnalysisOptions all;
  all.max_routes = 100;
  EXPECT_EQ(l->analyze(all)[0].routes_total, 4u);
  risk::AnalysisOptions o;
  o.max_hops = 4;
  o.max_routes = 3;
  auto rs = l->analyze(o);
  EXPECT_EQ(rs[0].routes_total, 4u);
  EXPECT_TRUE(rs[0].routes_total_exact);
  EXPECT_TRUE(rs[0].truncated);
  EXPECT_EQ(paths(*l, rs[0]), (std::vector<std::string>{"ep: a → m1 → b → t", "ep: a → m2 → b → t",
                                                        "ep: a → m3 → b → t"}));
  // Below the routes' length: the coverage route is listed all the same, and counted.
  o.max_hops = 3;
  rs = l->analyze(o);
  EXPECT_EQ(paths(*l, rs[0]), (std::vector<std::string>{"ep: a → m1 → b → t"}));
  EXPECT_EQ(rs[0].routes_total, 1u);
  EXPECT_FALSE(rs[0].truncated);
}

TEST(ScenarioTest, EveryEntryAndEveryBaseHasItsListedRouteBeyondK) {
  // Three entries of equal strength and two bases; k = 1 still lists a route from each entry
  // and a route through each base.
  auto l = load(system_xml(
      nets({"n"}),
      asset("a", {"n"}) + asset("c", {"n"}) + asset("e", {"n"}) + asset("x", {"n"}) +
          asset("y", {"n"}) + asset("t", {"n"}),
      flow("xt", "x", "t") + flow("yt", "y", "t"),
      mail_entry("ep-a", "a") + mail_entry("ep-c", "c") + mail_entry("ep-e", "e"), scenario("t")));
  risk::AnalysisOptions o;
  o.max_routes = 1;
  auto rs = l->analyze(o);
  EXPECT_EQ(paths(*l, rs[0]), (std::vector<std::string>{"ep-a: a → x → t", "ep-a: a → y → t",
                                                        "ep-c: c → x → t", "ep-e: e → x → t"}));
  EXPECT_EQ(rs[0].routes_total, 6u);  // each entry through each base
  EXPECT_TRUE(rs[0].truncated);
}

TEST(ScenarioTest, FirstRouteIsListedEvenBeyondTheHopBound) {
  std::string assets = asset("a", {"n1"}) + asset("b", {"n2"}) + asset("t", {"n2"}) +
                       asset("fw", {"n1", "n2"}, {}, "firewall");
  auto l = load(system_xml(nets({"n1", "n2"}), assets, flow("bt", "b", "t"), mail_entry("ep", "a"),
                           scenario("t")));
  risk::AnalysisOptions o;
  o.max_hops = 3;  // the only route, a → fw → b → t, has 4 hops
  auto rs = l->analyze(o);
  ASSERT_TRUE(rs[0].risk.has_value());
  EXPECT_EQ(paths(*l, rs[0]), (std::vector<std::string>{"ep: a → fw → b → t"}));
  EXPECT_EQ(rs[0].routes_total, 1u);  // the listed first route counts (issue 10: not "Routes: 0")
  EXPECT_FALSE(rs[0].truncated);
}

TEST(ScenarioTest, HugeRouteCountsAreCappedAndTheListStaysSorted) {
  // Seven layers of ten dual-homed hosts between segments n0 … n7: a route takes one host per
  // layer (two of one layer would be a detour), so there are 10⁷ non-detour routes, all of the
  // same level and length.
  std::string networks = nets({"n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7"});
  std::string assets = asset("a", {"n0"}) + asset("b", {"n7"}) + asset("t", {"n7"});
  const char* segs[] = {"n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7"};
  for (int layer = 1; layer <= 7; ++layer)
    for (int i = 0; i < 10; ++i)
      assets += asset(fmt::format("l{}c{}", layer, i), {segs[layer - 1], segs[layer]});
  auto l = load(system_xml(networks, assets, flow("bt", "b", "t"), mail_entry("ep", "a"),
                           scenario("t", "b")));
  risk::AnalysisOptions o;
  o.max_hops = 16;
  auto rs = l->analyze(o);
  EXPECT_FALSE(rs[0].routes_total_exact);
  EXPECT_TRUE(rs[0].truncated);
  EXPECT_GE(rs[0].routes_total, 1000u);
  ASSERT_EQ(rs[0].routes.size(), 20u);
  // The 20 smallest id sequences: l1c0 … l6c0 then l7c0 … l7c9, then l6c1 with l7c0 … l7c9.
  std::vector<std::string> expected;
  for (int six = 0; six < 2; ++six)
    for (int seven = 0; seven < 10; ++seven)
      expected.push_back(fmt::format(
          "ep: a → l1c0 → l2c0 → l3c0 → l4c0 → l5c0 → l6c{} → l7c{} → b → t", six, seven));
  EXPECT_EQ(paths(*l, rs[0]), expected);
}

TEST(ScenarioTest, EntryOnTheTargetItselfGivesTheAttackAtTheTarget) {
  // method.md §7 "Attacks at the target": the entry step lands on the target, then the final
  // attack on the target itself. A lateral step never lands on it, so b is no way back in.
  auto l = load(system_xml(nets({"n"}), asset("b", {"n"}) + asset("t", {"n"}), flow("bt", "b", "t"),
                           mail_entry("ep", "t"), scenario("t")));
  auto rs = l->analyze();
  ASSERT_TRUE(rs[0].risk.has_value());
  EXPECT_EQ(paths(*l, rs[0]), (std::vector<std::string>{"ep: t → t"}));
  EXPECT_EQ(rs[0].routes[0].steps[1].from, l->asset("t"));
}

TEST(ScenarioTest, ProfileWarnsWhenTheRiskMatrixIsNotMonotoneInVulnerability) {
  std::string text = read_text(source_path("tests/data/scenario/test-profile.xml"));
  const std::string cell = R"(<cell first="3" threat="3" vulnerability="3" risk="A"/>)";
  ASSERT_NE(text.find(cell), std::string::npos);
  text.replace(text.find(cell), cell.size(),
               R"(<cell first="3" threat="3" vulnerability="3" risk="E"/>)");
  core::SourceFile file("p.xml", text);
  core::Diagnostics d;
  ASSERT_TRUE(model::load_profile(file, d).has_value());
  ASSERT_EQ(d.warning_count(), 1u) << d.render();
  EXPECT_NE(d.all()[0].message.find("first=3 threat=3 vulnerability=3 gives a lower risk"),
            std::string::npos);
  core::Diagnostics clean;
  core::SourceFile original("p.xml",
                            read_text(source_path("tests/data/scenario/test-profile.xml")));
  ASSERT_TRUE(model::load_profile(original, clean).has_value());
  EXPECT_EQ(clean.warning_count(), 0u) << clean.render();
}

TEST(ScenarioTest, ModelPlantMatchesGolden) {
  std::string path = source_path("models/model-plant.xml");
  auto l = load(read_text(path), /*builtin=*/true);
  expect_golden("scenario/model-plant.txt", dump(*l, l->analyze()));
}

}  // namespace
}  // namespace icsrisk::testing
