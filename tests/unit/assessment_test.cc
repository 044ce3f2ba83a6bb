// The assessment stage: assess() runs the passes once, documents() names the report folder's
// files by format, and figures that are not exact say so in every report format.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "assessment/documents.h"
#include "report/json.h"
#include "unit/analysis_test_support.h"
#include "unit/golden.h"

namespace icsrisk {
namespace {

using assessment::Format;

std::vector<std::string> names(assessment::Assessment& a) {
  std::vector<std::string> out;
  for (const assessment::Document& d : assessment::documents(a))
    out.push_back(d.name);
  return out;
}

std::unique_ptr<testing::LoadedModel> small_plant() {
  return testing::load(testing::read_text(testing::source_path("models/small-plant.xml")));
}

TEST(AssessmentTest, DocumentsAreTheChosenFormatsByName) {
  auto l = small_plant();
  assessment::Options o;
  o.formats = *assessment::Formats::parse("json,csv,dot");
  assessment::Assessment a = assessment::assess(*l->model, *l->profile, o);
  EXPECT_EQ(names(a),
            (std::vector<std::string>{
                "results.json", "asset-list.csv", "dataflow-matrix.csv", "asset-risk.csv",
                "impact-risk.csv", "countermeasure-plan.csv", "zones-conduits.csv",
                "diagrams/zones.dot", "diagrams/system.dot", "diagrams/dataflow.dot",
                "diagrams/tree-sc-1.dot", "diagrams/tree-sc-2.dot", "diagrams/routes-sc-1.dot",
                "diagrams/routes-sc-2.dot", "diagrams/heat-sc-1.dot", "diagrams/heat-sc-2.dot"}));
  ASSERT_NE(a.diagram("routes-sc-2"), nullptr);
  EXPECT_NE(a.diagram("routes-sc-2")->dot.find("digraph"), std::string::npos);
  ASSERT_NE(a.tree("sc-1"), nullptr);
  EXPECT_EQ(a.tree("sc-1")->figures.source, "generated");
  EXPECT_EQ(a.diagram("no-such"), nullptr);
}

TEST(AssessmentTest, JsonAloneMakesNoTablesAndNoDiagrams) {
  auto l = small_plant();
  assessment::Options o;
  o.formats = *assessment::Formats::parse("json");
  assessment::Assessment a = assessment::assess(*l->model, *l->profile, o);
  EXPECT_FALSE(a.tables);
  EXPECT_TRUE(a.diagrams.empty());
  EXPECT_EQ(a.trees.size(), a.results.scenario_risks.size());  // results.json carries "tree"
  EXPECT_EQ(names(a), std::vector<std::string>{"results.json"});
}

TEST(AssessmentTest, UnknownOrEmptyFormatListIsAnErrorNamingTheKnownOnes) {
  auto bad = assessment::Formats::parse("html,pdf");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("unknown format 'pdf'"), std::string::npos);
  EXPECT_NE(bad.error().message.find("html, xlsx, csv, md, json, dot, svg, png"),
            std::string::npos);
  EXPECT_FALSE(assessment::Formats::parse(","));
  EXPECT_FALSE(assessment::Formats::defaults().has(Format::kPng));
  EXPECT_TRUE(assessment::Formats::defaults().has(Format::kSvg));
}

TEST(AssessmentTest, SummaryCountsScenariosAfterPlannedMeasures) {
  auto l = small_plant();
  assessment::Assessment a = assessment::assess(*l->model, *l->profile, {});
  std::array<std::size_t, 5> expected{};
  for (const risk::ScenarioRisk& s : a.results.scenario_risks)
    if (s.risk_planned) ++expected[model::index_of(*s.risk_planned)];
  EXPECT_EQ(a.results.summary.scenario_counts_planned, expected);
  std::size_t total = 0;
  for (std::size_t c : expected)
    total += c;
  EXPECT_EQ(total, 2u);
}

TEST(AssessmentTest, AnalystTreeReplacesTheGeneratedOneOfItsScenarioOnly) {
  auto l = small_plant();
  assessment::Options o;
  o.formats = *assessment::Formats::parse("json");
  attacktree::Tree t;
  t.id = "mine";
  t.scenario = "sc-2";
  attacktree::Node root;
  root.kind = attacktree::NodeKind::kLeaf;
  root.id = "leaf";
  t.nodes.push_back(root);
  t.root = 0;
  o.trees.push_back({"sc-2", "sc-2.xml", t});
  assessment::Assessment a = assessment::assess(*l->model, *l->profile, o);
  EXPECT_EQ(a.tree("sc-1")->figures.source, "generated");
  EXPECT_EQ(a.tree("sc-2")->figures.source, "analyst");
  EXPECT_EQ(a.tree("sc-2")->figures.file, "sc-2.xml");
}

TEST(AssessmentTest, FiguresThatAreNotExactSayWhyInTheNoteAndInJson) {
  attacktree::TreeFigures f;
  f.source = "analyst";
  f.file = "t.xml";
  f.id = "t";
  f.cost = 202;
  f.cost_exactness = {false, "10001 basic events exceed the limit"};
  f.time = 5;
  const std::string en = assessment::tree_note(f, model::Lang::kEn);
  EXPECT_NE(en.find("cost 202 (bottom-up, not exact: 10001 basic events exceed the limit)"),
            std::string::npos)
      << en;
  EXPECT_EQ(en.find("time 5 ("), std::string::npos) << en;  // exact: no label
  EXPECT_NE(assessment::tree_note(f, model::Lang::kJa).find("近似値: 10001"), std::string::npos);

  auto l = small_plant();
  risk::Results r = l->analyze();
  std::vector<attacktree::TreeFigures> figures(r.scenario_risks.size(), f);
  std::string json = report::results_json(*l->model, *l->profile, r, &figures);
  EXPECT_NE(json.find("\"cost\": 202, \"cost_exact\": false, \"cost_not_exact\": \"10001 basic "
                      "events exceed the limit\""),
            std::string::npos);
  EXPECT_NE(json.find("\"time\": 5, \"time_exact\": true,"), std::string::npos);
}

}  // namespace
}  // namespace icsrisk
