// The rules of method.md §7 on small hand-built topologies (tests/data/scenario/test-profile.xml:
// lateral method "access", entry vector mail → "infect", network → "access"; final "attack").

#include <gtest/gtest.h>

#include <algorithm>

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
  // every route through x has level 2 (ep-a: A, ep-c: B).
  std::vector<std::string> expected = {
      "ep-a: a → y → t",         "ep-c: c → y → t",         "ep-a: a → c → y → t",
      "ep-c: c → a → y → t",     "ep-a: a → x → t",         "ep-a: a → c → x → t",
      "ep-a: a → x → y → t",     "ep-a: a → y → x → t",     "ep-a: a → c → x → y → t",
      "ep-a: a → c → y → x → t", "ep-a: a → x → c → y → t", "ep-a: a → y → c → x → t",
      "ep-c: c → x → t",         "ep-c: c → a → x → t",     "ep-c: c → x → y → t",
      "ep-c: c → y → x → t",     "ep-c: c → a → x → y → t", "ep-c: c → a → y → x → t",
      "ep-c: c → x → a → y → t", "ep-c: c → y → a → x → t"};
  EXPECT_EQ(paths(*l, rs[0]), expected);
  EXPECT_EQ(rs[0].routes_total, 20u);
  EXPECT_FALSE(rs[0].truncated);
  EXPECT_EQ(rs[0].routes[12].risk, model::Risk::kB);
}

TEST(ScenarioTest, HopBoundLimitsTheListingAndSetsTheFlags) {
  std::string assets = asset("a", {"n"}) + asset("b", {"n"}) + asset("t", {"n"});
  for (const char* c : {"c1", "c2", "c3", "c4"})
    assets += asset(c, {"n"});
  auto l = load(
      system_xml(nets({"n"}), assets, flow("bt", "b", "t"), mail_entry("ep", "a"), scenario("t")));
  // Routes a → (ordered subset of c1..c4) → b → t: 1 + 4 + 12 + 24 + 24 = 65 in all.
  risk::AnalysisOptions all;
  all.max_routes = 100;
  EXPECT_EQ(l->analyze(all)[0].routes_total, 65u);
  risk::AnalysisOptions o;
  o.max_hops = 4;
  o.max_routes = 3;
  auto rs = l->analyze(o);
  EXPECT_EQ(rs[0].routes_total, 5u);  // hops 3: 1 route; hops 4: 4 routes
  EXPECT_TRUE(rs[0].routes_total_exact);
  EXPECT_TRUE(rs[0].truncated);
  EXPECT_EQ(paths(*l, rs[0]), (std::vector<std::string>{"ep: a → b → t", "ep: a → c1 → b → t",
                                                        "ep: a → c2 → b → t"}));
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
  std::string assets = asset("a", {"n"}) + asset("b", {"n"}, {"p-access"}) + asset("t", {"n"});
  for (int i = 0; i < 30; ++i)
    assets += asset("c" + std::to_string(i), {"n"}, {"p-access"});
  auto l = load(
      system_xml(nets({"n"}), assets, flow("bt", "b", "t"), mail_entry("ep", "a"), scenario("t")));
  auto rs = l->analyze();
  EXPECT_FALSE(rs[0].routes_total_exact);
  EXPECT_TRUE(rs[0].truncated);
  EXPECT_GE(rs[0].routes_total, 1u);
  ASSERT_EQ(rs[0].routes.size(), 20u);
  // All routes have level 2, so the 20 shortest in id order: a → b, then a → cI → b.
  std::vector<std::string> expected = {"ep: a → b → t"};
  std::vector<std::string> cs;
  for (int i = 0; i < 30; ++i)
    cs.push_back("c" + std::to_string(i));
  std::sort(cs.begin(), cs.end());
  for (std::size_t i = 0; i < 19; ++i)
    expected.push_back("ep: a → " + cs[i] + " → b → t");
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
