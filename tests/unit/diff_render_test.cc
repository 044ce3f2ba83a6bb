// The outputs of `icsrisk diff` (diff/render.h): every format, both languages, hostile text.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "diff/render.h"

namespace icsrisk::diff {
namespace {

const std::string kHostile = "<script>alert(1)</script> | `x` *y* \x1b[31m";

/// One change of each part: a changed asset, a worse row, a scenario with a new route.
Comparison hostile_comparison() {
  Comparison c;
  c.models = true;
  c.elements.push_back(
      {ElementKind::kAsset, Change::kChanged, "c", kHostile, {{"importance", "3", "2"}}});
  c.elements.push_back({ElementKind::kFlow, Change::kAdded, "f2", "a → c", {}});
  RowChange r;
  AssetRow row;
  row.kind = "asset", row.target = "c", row.threat = "t", row.target_name = kHostile;
  row.number = 7, row.risk = Risk::kC, row.risk_planned = Risk::kD;
  r.before = row;
  row.risk = Risk::kB;
  r.after = row;
  r.worse = true;
  c.rows.push_back(r);
  ScenarioChange s;
  ScenarioRow sc;
  sc.scenario = "sc-1", sc.impact = "bi-1", sc.name = kHostile;
  s.before = sc;
  sc.risk = Risk::kA;
  s.after = sc;
  s.worse = true;
  s.new_routes.push_back({"ep", {"a", "c"}, Risk::kA});
  c.scenarios.push_back(s);
  return c;
}

TEST(DiffRenderTest, TextListsEveryPartAndTheVerdict) {
  const std::string t = diff_text(hostile_comparison(), {"v1.xml", "v2.xml", model::Lang::kEn});
  EXPECT_TRUE(t.starts_with("Comparison of models and analysis results: v1.xml → v2.xml\n")) << t;
  EXPECT_NE(t.find("\nModel changes: 2\n"), std::string::npos) << t;
  EXPECT_NE(t.find("importance: 3 → 2"), std::string::npos) << t;
  EXPECT_NE(t.find("changed rows: 1 (worse 1, better 0, added 0, removed 0)"), std::string::npos);
  EXPECT_NE(t.find("C → B"), std::string::npos) << t;
  EXPECT_NE(t.find("no route → A"), std::string::npos) << t;
  EXPECT_NE(t.find("new route ep: a → c (A)"), std::string::npos) << t;
  EXPECT_TRUE(t.ends_with("\nA risk got worse.\n")) << t;
  const std::string ja = diff_text(hostile_comparison(), {"v1.xml", "v2.xml", model::Lang::kJa});
  EXPECT_NE(ja.find("モデルの変更: 2"), std::string::npos) << ja;
  EXPECT_NE(ja.find("悪化したリスクがあります。"), std::string::npos) << ja;
}

TEST(DiffRenderTest, EmptyComparisonSaysNoChange) {
  Comparison c;
  const std::string t = diff_text(c, {"a.json", "b.json", model::Lang::kEn});
  EXPECT_NE(t.find("Two results.json files were compared"), std::string::npos) << t;
  EXPECT_EQ(t.find("Model changes"), std::string::npos) << t;
  EXPECT_NE(t.find("changed rows: 0 (worse 0, better 0, added 0, removed 0)\n  no change\n"),
            std::string::npos)
      << t;
  EXPECT_TRUE(t.ends_with("\nNo risk got worse.\n")) << t;
}

TEST(DiffRenderTest, HtmlAndMarkdownShowHostileTextAsText) {
  const Comparison c = hostile_comparison();
  const std::string html = diff_html(c, {"<b>v1", "v2", model::Lang::kEn});
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("<td>C → B</td>"), std::string::npos) << html;
  const std::string md = diff_markdown(c, {"v1", "v2", model::Lang::kEn});
  EXPECT_EQ(md.find("<script"), std::string::npos);
  EXPECT_NE(md.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << md;
  EXPECT_NE(md.find("\\| \\`x\\` \\*y\\*"), std::string::npos) << md;
  // Each table row keeps its column count: the | in the name is escaped.
  EXPECT_NE(md.find("| changed | asset | c | &lt;script&gt;"), std::string::npos) << md;
}

TEST(DiffRenderTest, JsonCarriesEveryChangeWithTextIntact) {
  const nlohmann::json j = nlohmann::json::parse(diff_json(hostile_comparison(), {}));
  EXPECT_EQ(j["tool"], "icsrisk");
  EXPECT_EQ(j["inputs"], "models");
  EXPECT_EQ(j["worse"], true);
  ASSERT_EQ(j["model_changes"].size(), 2u);
  EXPECT_EQ(j["model_changes"][0]["name"], kHostile);
  EXPECT_EQ(j["model_changes"][0]["attributes"][0]["before"], "3");
  EXPECT_EQ(j["model_changes"][1]["change"], "added");
  ASSERT_EQ(j["asset_rows"].size(), 1u);
  EXPECT_EQ(j["asset_rows"][0]["risk_before"], "C");
  EXPECT_EQ(j["asset_rows"][0]["risk_after"], "B");
  EXPECT_EQ(j["asset_rows"][0]["risk_planned_after"], "D");
  EXPECT_EQ(j["asset_rows"][0]["row_after"], 7);
  EXPECT_EQ(j["asset_rows"][0]["worse"], true);
  ASSERT_EQ(j["scenarios"].size(), 1u);
  EXPECT_TRUE(j["scenarios"][0]["risk_before"].is_null());
  EXPECT_EQ(j["scenarios"][0]["risk_after"], "A");
  EXPECT_EQ(j["scenarios"][0]["new_routes"][0]["assets"], nlohmann::json({"a", "c"}));
  EXPECT_TRUE(j["scenarios"][0]["lost_routes"].empty());
  Comparison results_only;
  const nlohmann::json r = nlohmann::json::parse(diff_json(results_only, {}));
  EXPECT_EQ(r["inputs"], "results");
  EXPECT_FALSE(r.contains("model_changes"));
  EXPECT_EQ(r["worse"], false);
}

}  // namespace
}  // namespace icsrisk::diff
