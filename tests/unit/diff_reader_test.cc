// Reading results.json back (diff/snapshot.h): the round trip, and every problem at its place.

#include <gtest/gtest.h>

#include <string>

#include "diff/snapshot.h"
#include "report/json.h"
#include "unit/analysis_test_support.h"
#include "unit/golden.h"

namespace icsrisk::diff {
namespace {

/// Reads `json` as file "r.json"; the diagnostics rendered, or "" when it read cleanly.
struct Read {
  std::unique_ptr<core::SourceFile> file;
  core::Diagnostics diags;
  std::optional<Snapshot> snapshot;
};

std::unique_ptr<Read> read(const std::string& json) {
  auto r = std::make_unique<Read>();
  r->file = std::make_unique<core::SourceFile>("r.json", json);
  r->snapshot = read_results_json(*r->file, r->diags);
  return r;
}

void expect_same(const Snapshot& a, const Snapshot& b) {
  EXPECT_EQ(a.system_id, b.system_id);
  EXPECT_EQ(a.system_name, b.system_name);
  ASSERT_EQ(a.asset_rows.size(), b.asset_rows.size());
  for (std::size_t i = 0; i < a.asset_rows.size(); ++i) {
    const AssetRow &x = a.asset_rows[i], &y = b.asset_rows[i];
    EXPECT_EQ(std::tie(x.kind, x.target, x.threat, x.target_name, x.number),
              std::tie(y.kind, y.target, y.threat, y.target_name, y.number));
    EXPECT_EQ(x.risk, y.risk) << i;
    EXPECT_EQ(x.risk_planned, y.risk_planned) << i;
  }
  ASSERT_EQ(a.scenarios.size(), b.scenarios.size());
  for (std::size_t i = 0; i < a.scenarios.size(); ++i) {
    const ScenarioRow &x = a.scenarios[i], &y = b.scenarios[i];
    EXPECT_EQ(std::tie(x.impact, x.scenario, x.name), std::tie(y.impact, y.scenario, y.name));
    EXPECT_EQ(x.risk, y.risk);
    EXPECT_EQ(x.risk_planned, y.risk_planned);
    ASSERT_EQ(x.routes.size(), y.routes.size());
    for (std::size_t j = 0; j < x.routes.size(); ++j) {
      EXPECT_EQ(x.routes[j], y.routes[j]) << x.routes[j].text() << " / " << y.routes[j].text();
      EXPECT_EQ(x.routes[j].risk, y.routes[j].risk);
    }
  }
}

TEST(DiffReaderTest, ReadsBackWhatAnalysisWroteForTheExamplePlant) {
  auto l = testing::load(testing::read_text(testing::source_path("models/model-plant.xml")));
  const risk::Results results = l->analyze();
  const Snapshot analysed = snapshot_of(*l->model, *l->profile, results);
  ASSERT_GT(analysed.asset_rows.size(), 100u);
  ASSERT_FALSE(analysed.scenarios.empty());
  ASSERT_FALSE(analysed.scenarios[0].routes.empty());
  EXPECT_EQ(analysed.scenarios[0].routes[0].assets.back(),
            l->model->impacts[0].scenarios[0].target);
  auto r = read(report::results_json(*l->model, *l->profile, results));
  ASSERT_TRUE(r->snapshot) << r->diags.render();
  expect_same(analysed, *r->snapshot);
}

TEST(DiffReaderTest, HostileTextStaysAsItWas) {
  auto r = read(R"({"tool": "icsrisk", "format": 1, "system": {"id": "s", "name": "<b>\u001b[31m"},
  "asset_risks": [{"target": "a", "kind": "asset", "threat": "t", "risk": "A", "risk_planned": "B",
                   "target_name": "=HYPERLINK(\"x\")|\u202e"}],
  "scenario_risks": []})");
  ASSERT_TRUE(r->snapshot) << r->diags.render();
  EXPECT_EQ(r->snapshot->system_name, "<b>\x1b[31m");
  EXPECT_EQ(r->snapshot->asset_rows[0].target_name, "=HYPERLINK(\"x\")|\u202e");
}

TEST(DiffReaderTest, SyntaxErrorIsReportedAtItsPosition) {
  auto r = read("{\"tool\": \"icsrisk\",\n  \"format\": 1,\n  \"asset_risks\": [x]}");
  EXPECT_FALSE(r->snapshot);
  ASSERT_EQ(r->diags.error_count(), 1u);
  EXPECT_TRUE(r->diags.render().starts_with("r.json:3:19: error: not valid JSON: syntax error"))
      << r->diags.render();
}

TEST(DiffReaderTest, AnotherKindOfJsonIsNotAResultsFile) {
  for (const char* json : {R"({"trees": []})", "[1, 2]", "\"icsrisk\"", R"({"tool": "zeek"})"}) {
    auto r = read(json);
    EXPECT_FALSE(r->snapshot) << json;
    ASSERT_EQ(r->diags.error_count(), 1u) << json << "\n" << r->diags.render();
    EXPECT_NE(r->diags.render().find("not a results.json of icsrisk"), std::string::npos)
        << r->diags.render();
  }
}

TEST(DiffReaderTest, EveryBadRowIsReportedAtItsPlaceInOneRun) {
  auto r = read(R"({"tool": "icsrisk", "format": 1,
  "asset_risks": [
    {"target": "a", "kind": "asset", "threat": "t", "risk": "A", "risk_planned": "A"},
    {"target": "b", "kind": "asset", "threat": "t", "risk_planned": "A"},
    {"target": "c", "kind": "zone", "threat": "t", "risk": "F", "risk_planned": "A"},
    {"target": "a", "kind": "asset", "threat": "t", "risk": "B", "risk_planned": "B"}
  ],
  "scenario_risks": [{"scenario": "sc-1", "risk": 3, "risk_planned": null,
                      "routes": [{"risk": "A", "steps": []}]}]
})");
  EXPECT_FALSE(r->snapshot);
  const std::string text = r->diags.render();
  EXPECT_EQ(r->diags.error_count(), 6u) << text;
  EXPECT_NE(text.find("r.json:4:5: error: asset row 2 has no risk"), std::string::npos) << text;
  EXPECT_NE(text.find("r.json:5:21: error: 'kind' must be \"asset\" or \"network\""),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("r.json:5:52: error: 'risk' must be a risk, \"A\" to \"E\""),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("r.json:6:5: error: asset row 4 repeats the asset 'a' with threat 't'"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("r.json:8:43: error: 'risk' must be a risk"), std::string::npos) << text;
  EXPECT_NE(text.find("r.json:9:34: error: route has no entry"), std::string::npos) << text;
}

TEST(DiffReaderTest, ReportsMissingSections) {
  auto r = read(R"({"tool": "icsrisk"})");
  EXPECT_FALSE(r->snapshot);
  const std::string text = r->diags.render();
  EXPECT_EQ(r->diags.error_count(), 3u) << text;
  EXPECT_NE(text.find("no \"format\""), std::string::npos);
  EXPECT_NE(text.find("no \"asset_risks\""), std::string::npos);
  EXPECT_NE(text.find("no \"scenario_risks\""), std::string::npos);
  auto f = read(R"({"tool": "icsrisk", "format": 2, "asset_risks": {}, "scenario_risks": []})");
  EXPECT_EQ(f->diags.error_count(), 2u) << f->diags.render();
  EXPECT_NE(f->diags.render().find("r.json:1:21: error: 'format' must be 1"), std::string::npos)
      << f->diags.render();
  EXPECT_NE(f->diags.render().find("'asset_risks' must be an array"), std::string::npos);
}

TEST(DiffReaderTest, TellsJsonFromXml) {
  EXPECT_TRUE(looks_like_json("{}"));
  EXPECT_TRUE(looks_like_json(" \n\t[1]"));
  EXPECT_TRUE(looks_like_json("\xEF\xBB\xBF{"));
  EXPECT_FALSE(looks_like_json("<?xml version=\"1.0\"?><system/>"));
  EXPECT_FALSE(looks_like_json("\xEF\xBB\xBF<system/>"));
  EXPECT_FALSE(looks_like_json(""));
  EXPECT_FALSE(looks_like_json("tool"));
}

}  // namespace
}  // namespace icsrisk::diff
