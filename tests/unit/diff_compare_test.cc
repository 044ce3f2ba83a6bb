// `icsrisk diff` as a library (diff/compare.h): two versions of the example plant.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "diff/compare.h"
#include "unit/analysis_test_support.h"
#include "unit/diff_plant_versions.h"

namespace icsrisk::diff {
namespace {

using Key = std::tuple<std::string, std::string, std::string>;

/// The rows of an analysis by identity, read straight from risk::Results (not through a
/// Snapshot): the oracle the comparison is checked against.
std::map<Key, std::pair<Risk, Risk>> rows_of(const testing::LoadedModel& l,
                                             const risk::Results& r) {
  std::map<Key, std::pair<Risk, Risk>> out;
  for (const risk::AssetRiskRow& row : r.asset_risks) {
    const bool asset = row.kind == risk::AssetRiskRow::Kind::kAsset;
    out[{asset ? "asset" : "network",
         std::string(asset ? l.model->assets[row.target].id : l.model->networks[row.target].id),
         l.profile->threats[row.threat].id}] = {row.risk, row.risk_planned};
  }
  return out;
}

/// Scenario id → its risks and its listed routes as "entry/asset/asset…" texts.
using ScenarioState = std::tuple<std::optional<Risk>, std::optional<Risk>, std::set<std::string>>;
std::map<std::string, ScenarioState> scenarios_of(const testing::LoadedModel& l,
                                                  const risk::Results& r) {
  std::map<std::string, ScenarioState> out;
  for (const risk::ScenarioRisk& s : r.scenario_risks) {
    std::set<std::string> routes;
    for (const risk::Route& route : s.routes) {
      std::string text(l.model->entries[route.entry].id);
      for (const risk::Step& step : route.steps)
        text += "/" + std::string(l.model->assets[step.to].id);
      routes.insert(text);
    }
    out[std::string(l.model->impacts[s.impact].scenarios[s.scenario].id)] = {s.risk, s.risk_planned,
                                                                             routes};
  }
  return out;
}

struct Versions {
  std::unique_ptr<testing::LoadedModel> v1, v2;
  risk::Results r1, r2;
};

Versions plant_versions() {
  Versions v{testing::load(testing::plant_v1()), testing::load(testing::plant_v2()), {}, {}};
  v.r1 = v.v1->analyze();
  v.r2 = v.v2->analyze();
  return v;
}

Comparison compare(const testing::LoadedModel& a, const risk::Results& ra,
                   const testing::LoadedModel& b, const risk::Results& rb) {
  Comparison c;
  c.models = true;
  c.elements = compare_models(*a.model, *b.model);
  compare_results(snapshot_of(*a.model, *a.profile, ra), snapshot_of(*b.model, *b.profile, rb), c);
  return c;
}

TEST(DiffCompareTest, ListsExactlyTheFourEditedElements) {
  Versions v = plant_versions();
  const Comparison c = compare(*v.v1, v.r1, *v.v2, v.r2);
  ASSERT_EQ(c.elements.size(), 4u);
  // By kind (assets, flows, …, impacts), each in model order: the HMI (line 175) before the
  // EWS (line 188).
  const ElementChange &hmi = c.elements[0], &ews = c.elements[1], &flow = c.elements[2];
  EXPECT_EQ(ews.kind, ElementKind::kAsset);
  EXPECT_EQ(ews.change, Change::kChanged);
  EXPECT_EQ(ews.id, "ews");
  EXPECT_EQ(hmi.id, "hmi");
  EXPECT_EQ(hmi.change, Change::kChanged);
  ASSERT_EQ(ews.attributes.size(), 1u);
  EXPECT_EQ(ews.attributes[0].name, "countermeasures");
  EXPECT_EQ(ews.attributes[0].before,
            "anti-virus, media-control, operator-authentication, privilege-management (planned)");
  EXPECT_EQ(ews.attributes[0].after,
            "media-control, operator-authentication, privilege-management (planned)");
  EXPECT_EQ(hmi.kind, ElementKind::kAsset);
  ASSERT_EQ(hmi.attributes.size(), 1u);
  EXPECT_EQ(hmi.attributes[0].name, "importance");
  EXPECT_EQ(hmi.attributes[0].before, "2");
  EXPECT_EQ(hmi.attributes[0].after, "3");
  EXPECT_EQ(flow.kind, ElementKind::kFlow);
  EXPECT_EQ(flow.change, Change::kAdded);
  EXPECT_EQ(flow.id, "df-99");
  EXPECT_EQ(flow.name, "vendor-pc → hmi");
  const ElementChange& impact = c.elements[3];
  EXPECT_EQ(impact.kind, ElementKind::kImpact);
  EXPECT_EQ(impact.id, "bi-2");
  ASSERT_EQ(impact.attributes.size(), 1u);
  EXPECT_EQ(impact.attributes[0].name, "level");
  EXPECT_EQ(impact.attributes[0].before, "2");
  EXPECT_EQ(impact.attributes[0].after, "3");
}

TEST(DiffCompareTest, ListsExactlyTheRowsAndScenariosWhoseRiskChanged) {
  Versions v = plant_versions();
  const Comparison c = compare(*v.v1, v.r1, *v.v2, v.r2);
  const auto before = rows_of(*v.v1, v.r1), after = rows_of(*v.v2, v.r2);
  ASSERT_EQ(before.size(), after.size());  // no element with rows was added or removed
  std::set<Key> expected, listed;
  for (const auto& [key, risks] : after)
    if (before.at(key) != risks) expected.insert(key);
  for (const RowChange& r : c.rows) {
    EXPECT_EQ(r.change, Change::kChanged);
    listed.insert({r.after->kind, r.after->target, r.after->threat});
  }
  EXPECT_EQ(listed, expected);
  EXPECT_EQ(c.rows.size(), expected.size());  // each once
  // The asset-based sheet depends on the asset's own measures and importance: only the EWS
  // (anti-virus gone) and the HMI (importance up) change, both for the worse.
  std::set<std::string> targets;
  for (const RowChange& r : c.rows) {
    targets.insert(r.after->target);
    EXPECT_TRUE(r.worse && !r.better) << r.after->target << " / " << r.after->threat;
  }
  EXPECT_EQ(targets, (std::set<std::string>{"ews", "hmi"}));

  const auto s1 = scenarios_of(*v.v1, v.r1), s2 = scenarios_of(*v.v2, v.r2);
  std::set<std::string> expected_scenarios, listed_scenarios;
  for (const auto& [id, state] : s2)
    if (s1.at(id) != state) expected_scenarios.insert(id);
  for (const ScenarioChange& s : c.scenarios) {
    listed_scenarios.insert(s.after->scenario);
    const auto& [risk, planned, routes] = s2.at(s.after->scenario);
    const auto& routes_before = std::get<2>(s1.at(s.after->scenario));
    for (const RouteKey& k : s.new_routes) {
      std::string text = k.entry;
      for (const std::string& a : k.assets)
        text += "/" + a;
      EXPECT_TRUE(routes.contains(text) && !routes_before.contains(text)) << text;
    }
  }
  EXPECT_EQ(listed_scenarios, expected_scenarios);
  EXPECT_TRUE(expected_scenarios.contains("sc-2-1"));  // its impact level went up
  EXPECT_TRUE(c.worse());
}

TEST(DiffCompareTest, TheWayBackIsNotWorseAndTheSameModelHasNoChange) {
  Versions v = plant_versions();
  const Comparison back = compare(*v.v2, v.r2, *v.v1, v.r1);
  EXPECT_FALSE(back.worse());
  ASSERT_EQ(back.elements.size(), 4u);
  EXPECT_EQ(back.elements[2].change, Change::kRemoved);
  EXPECT_EQ(back.elements[2].id, "df-99");
  for (const RowChange& r : back.rows)
    EXPECT_TRUE(r.better && !r.worse);
  for (const ScenarioChange& s : back.scenarios)
    EXPECT_FALSE(s.worse);
  const Comparison same = compare(*v.v1, v.r1, *v.v1, v.r1);
  EXPECT_TRUE(same.elements.empty());
  EXPECT_TRUE(same.rows.empty());
  EXPECT_TRUE(same.scenarios.empty());
  EXPECT_FALSE(same.worse());
}

TEST(DiffCompareTest, AddedAndRemovedRowsAndScenariosDoNotCountAsWorse) {
  Snapshot a, b;
  AssetRow row;
  row.kind = "asset", row.target = "x", row.threat = "t", row.risk = Risk::kA;
  b.asset_rows.push_back(row);
  ScenarioRow sc;
  sc.scenario = "sc", sc.risk = Risk::kA;
  a.scenarios.push_back(sc);
  Comparison c;
  compare_results(a, b, c);
  ASSERT_EQ(c.rows.size(), 1u);
  EXPECT_EQ(c.rows[0].change, Change::kAdded);
  ASSERT_EQ(c.scenarios.size(), 1u);
  EXPECT_EQ(c.scenarios[0].change, Change::kRemoved);
  EXPECT_FALSE(c.worse());
  // A scenario whose target became reachable got worse; the way back is better.
  Snapshot unreachable, reachable;
  sc.risk.reset();
  unreachable.scenarios.push_back(sc);
  sc.risk = Risk::kD;
  reachable.scenarios.push_back(sc);
  Comparison up, down;
  compare_results(unreachable, reachable, up);
  compare_results(reachable, unreachable, down);
  EXPECT_TRUE(up.worse());
  EXPECT_TRUE(down.scenarios.at(0).better);
  EXPECT_FALSE(down.worse());
}

}  // namespace
}  // namespace icsrisk::diff
