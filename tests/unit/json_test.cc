// results.json: golden file for the example plant, the documented fields, determinism.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "report/json.h"
#include "unit/analysis_test_support.h"
#include "unit/golden.h"

namespace icsrisk {
namespace {

using testing::read_text;
using testing::source_path;

// The example plant's results.json is the committed sample report's (ReportsAreCurrent).
TEST(JsonTest, SmallPlantResultsMatchGoldenFile) {
  auto l = testing::load(read_text(source_path("models/small-plant.xml")));
  std::string text = report::results_json(*l->model, *l->profile, l->analyze());
  testing::expect_golden("analysis/small-plant.json", text);
  EXPECT_EQ(text, report::results_json(*l->model, *l->profile, l->analyze()));  // deterministic
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.find('\r'), std::string::npos);
}

TEST(JsonTest, HasEveryDocumentedFieldInOrder) {
  auto l = testing::load(read_text(source_path("models/model-plant.xml")));
  risk::Results r = l->analyze();
  // One scenario with a route, to see its fields (the scenario analysis fills these normally).
  risk::ScenarioRisk s;
  s.impact = 0, s.scenario = 0, s.impact_level = 3, s.risk = model::Risk::kA, s.routes_total = 3;
  risk::Route route;
  route.entry = 0, route.risk = model::Risk::kA;
  risk::Step step;
  step.to = 0, step.method = 0;
  route.steps = {step};
  s.routes = {route};
  risk::ScenarioRisk unreachable;
  unreachable.impact = 0, unreachable.scenario = 1;
  r.scenario_risks = {s, unreachable};
  nlohmann::ordered_json j =
      nlohmann::ordered_json::parse(report::results_json(*l->model, *l->profile, r));
  std::vector<std::string> keys;
  for (auto& [k, v] : j.items())
    keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"tool", "format", "profile", "system", "asset_risks",
                                            "scenario_risks", "summary"}));
  EXPECT_EQ(j["tool"], "icsrisk");
  EXPECT_EQ(j["format"], 1);
  EXPECT_EQ(j["profile"]["id"], "ipa-2018");
  EXPECT_EQ(j["profile"]["reconstructed"], true);
  EXPECT_EQ(j["system"]["id"], "model-plant");
  const auto& row = j["asset_risks"][0];
  keys.clear();
  for (auto& [k, v] : row.items())
    keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "target", "kind", "threat", "importance", "threat_level", "countermeasures",
                      "countermeasure_level", "vulnerability_level", "risk", "risk_planned",
                      "countermeasures_planned", "countermeasure_level_planned",
                      "vulnerability_level_planned", "target_name"}));
  EXPECT_EQ(j["asset_risks"].size(), r.asset_risks.size());
  const auto& sc = j["scenario_risks"][0];
  for (const char* k : {"impact", "impact_level", "scenario", "risk", "routes_total",
                        "routes_total_exact", "routes_listed", "routes"})
    EXPECT_TRUE(sc.contains(k)) << k;
  EXPECT_EQ(sc["routes"][0]["steps"][0]["from"], "attacker");
  EXPECT_EQ(sc["routes"][0]["steps"][0]["via"], nlohmann::json::array());
  EXPECT_TRUE(j["scenario_risks"][1]["risk"].is_null());
  EXPECT_EQ(j["summary"]["asset"]["A"], r.summary.asset_counts[0]);
  // The scenario counts after the planned measures stand beside the asset ones (issue 10).
  ASSERT_TRUE(j["summary"].contains("scenario_planned"));
  for (std::size_t i = 0; i < 5; ++i)
    EXPECT_EQ(j["summary"]["scenario_planned"][std::string(1, static_cast<char>('A' + i))],
              r.summary.scenario_counts_planned[i]);
  EXPECT_EQ(j["summary"]["top_risks"].size(), 5u);
  EXPECT_EQ(j["summary"]["top_risks"][0]["risk"], "A");
}

TEST(JsonTest, EscapesModelText) {
  std::string out;
  report::append_json_string(out, "a\"b\\c\n\x01<制御>");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001<制御>\"");
  auto l = testing::load(read_text(source_path("tests/data/analysis/hostile.xml")));
  auto j = nlohmann::json::parse(report::results_json(*l->model, *l->profile, l->analyze()));
  EXPECT_EQ(j["system"]["name"], "=HYPERLINK(\"http://x\")");
}

}  // namespace
}  // namespace icsrisk
