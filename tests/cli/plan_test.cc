// `icsrisk plan` end to end (issue 11): on the example plant, the plan for --target C, its
// plan.json, and the emitted model whose analysis meets the target in the "after planned"
// column; bad input and bad options.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_test.h"

namespace icsrisk::testing {
namespace {

using ::testing::HasSubstr;
using json = nlohmann::json;

class CliPlanTest : public CliTest {};

/// Index of a risk letter, 0 for A … 4 for E.
int rank_of(const json& letter) {
  return letter.get<std::string>()[0] - 'A';
}

TEST_F(CliPlanTest, EmittedPlanOfTheExamplePlantMeetsTheTargetWhenAnalysed) {
  CliResult r = run("plan " + repo_file("models/model-plant.xml") +
                    " --target C --scope all -o plan.json --emit-model planned.xml --lang en");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Countermeasure plan — target risk C (all)"));
  EXPECT_THAT(r.out, HasSubstr("Countermeasure ranking"));
  json plan = json::parse(read("plan.json"));
  EXPECT_EQ(plan["kind"], "plan");
  EXPECT_TRUE(plan["met"].get<bool>());
  ASSERT_FALSE(plan["placements"].empty());
  long long sum = 0;
  for (const json& p : plan["placements"]) {
    EXPECT_TRUE(p.contains("measure") && p.contains("scope_kind") && p.contains("scope_id"));
    sum += p["cost"].get<long long>();
  }
  EXPECT_EQ(sum, plan["cost"].get<long long>());
  EXPECT_FALSE(plan["ranking"].empty());

  ASSERT_EQ(run("validate planned.xml").code, 0);
  CliResult a = run("analyze planned.xml -o out --format json");
  ASSERT_EQ(a.code, 0) << a.err;
  json results = json::parse(read("out/results.json"));
  std::map<std::string, json> planned;
  for (const json& s : plan["scenario_risks"])
    planned[s["scenario"].get<std::string>()] = s;
  ASSERT_FALSE(results["scenario_risks"].empty());
  for (const json& s : results["scenario_risks"]) {
    const json& p = planned.at(s["scenario"].get<std::string>());
    if (s["risk"].is_null()) continue;
    // The goal is the target, or the scenario's floor where the target lies below it ...
    EXPECT_EQ(rank_of(p["goal"]), std::min(rank_of(json("C")), rank_of(s["floor"]["risk"])));
    // ... and the "after planned" column of the emitted model meets it: the plan's placements
    // (and any planned measures the model had) are in force there.
    EXPECT_GE(rank_of(s["risk_planned"]), rank_of(p["goal"])) << s["scenario"];
    EXPECT_GE(rank_of(s["risk_planned"]), rank_of(p["risk_after"])) << s["scenario"];
  }
  // The asset-based rows likewise (--scope all), row by row in the same order.
  const json& rows = results["asset_risks"];
  ASSERT_EQ(rows.size(), plan["asset_risks"].size());
  std::size_t lowered = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const json& p = plan["asset_risks"][i];
    ASSERT_EQ(rows[i]["target"], p["target"]);
    ASSERT_EQ(rows[i]["threat"], p["threat"]);
    EXPECT_GE(rank_of(rows[i]["risk_planned"]), rank_of(p["goal"])) << i;
    EXPECT_GE(rank_of(rows[i]["risk_planned"]), rank_of(p["risk_after"])) << i;
    lowered += rank_of(p["risk_after"]) > rank_of(p["risk_before"]) ? 1 : 0;
  }
  EXPECT_GT(lowered, 100u);  // the plan does work here: model-plant has many A and B rows
}

TEST_F(CliPlanTest, AnalyzeReportsSayWhereAScenarioIsAtItsFloorAndWhy) {
  // model-plant: sc-1-1 has impact level 3 and the mail entry threat level 3, so B is its floor,
  // and its risk after the planned measures is B.
  CliResult a = run("analyze " + repo_file("models/model-plant.xml") +
                    " -o out --format html,md,json --lang en");
  ASSERT_EQ(a.code, 0) << a.err;
  const std::string note =
      "the risk after the planned measures, B, is the floor: no catalogue measure placed "
      "anywhere lowers it. Entry point &quot;";
  EXPECT_THAT(read("out/report.html"), HasSubstr("<p class=\"note floor-note\">"));
  EXPECT_THAT(read("out/report.html"), HasSubstr(note));
  EXPECT_THAT(read("out/report.md"), HasSubstr("### Scenarios no measure can lower\n\n- "));
  json results = json::parse(read("out/results.json"));
  const json& floor = results["scenario_risks"][0]["floor"];
  EXPECT_EQ(floor["risk"], "B");
  EXPECT_EQ(floor["threat_level"], 3);
  EXPECT_EQ(floor["vulnerability_level"], 1);
}

TEST_F(CliPlanTest, AnalyzeReportRanksCountermeasurePlacementsInEveryTableFormat) {
  CliResult a = run("analyze " + repo_file("models/model-plant.xml") +
                    " -o out --format csv,md,html,xlsx --lang en");
  ASSERT_EQ(a.code, 0) << a.err;
  std::string csv = read("out/countermeasure-plan.csv");
  EXPECT_THAT(csv, HasSubstr("No.,Measure,Scope,Where,Relative cost,Scenarios lowered,"));
  // The same first placement as `icsrisk plan` ranks first: access control system-wide.
  EXPECT_THAT(csv, HasSubstr("\n1,Access control,system,-,2,-,0,146,146\n"));
  EXPECT_THAT(read("out/report.md"),
              HasSubstr("## Countermeasure priorities (each placement added alone to the "
                        "implemented measures)\n\nThe first 30 of 1306 placements"));
  EXPECT_THAT(read("out/report.html"), HasSubstr("id=\"t-countermeasure-plan\""));
  CliResult p = run("plan " + repo_file("models/model-plant.xml") + " -o plan.json");
  ASSERT_EQ(p.code, 0) << p.err;
  json plan = json::parse(read("plan.json"));
  EXPECT_EQ(plan["ranking"].size(), 1306u);
  EXPECT_EQ(plan["ranking"][0]["measure"], "access-control");
  EXPECT_EQ(plan["ranking"][0]["scope_kind"], "system");
}

TEST_F(CliPlanTest, AnalyzeLeavesTheRankingOutAboveThePlantSizeLimit) {
  std::string assets;
  for (int i = 0; i < 301; ++i)
    assets += "<asset id=\"a" + std::to_string(i) +
              "\" type=\"terminal\" importance=\"1\"><connect network=\"n\"/></asset>";
  write("big.xml", "<system id=\"big\"><networks><network id=\"n\"/></networks><assets>" + assets +
                       "</assets></system>");
  CliResult a = run("analyze big.xml -o out --format csv");
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_NE(read("out/asset-risk.csv"), "");
  EXPECT_EQ(read("out/countermeasure-plan.csv"), "");
}

TEST_F(CliPlanTest, SameInputGivesByteIdenticalOutputs) {
  std::string args = "plan " + repo_file("models/small-plant.xml") + " --target D --scope all";
  ASSERT_EQ(run(args + " -o a.json --emit-model a.xml").code, 0);
  ASSERT_EQ(run(args + " -o b.json --emit-model b.xml").code, 0);
  EXPECT_EQ(read("a.json"), read("b.json"));
  EXPECT_EQ(read("a.xml"), read("b.xml"));
  EXPECT_FALSE(read("a.json").empty());
}

TEST_F(CliPlanTest, InvalidModelIsReportedWithPositionsAndNothingIsWritten) {
  write("bad.xml",
        "<system id=\"t\">\n<countermeasures>\n  <countermeasure ref=\"nope\" cost=\"0\"/>\n"
        "</countermeasures></system>\n");
  CliResult r = run("plan bad.xml -o plan.json --emit-model out.xml");
  EXPECT_EQ(r.code, 3);
  EXPECT_THAT(r.err, HasSubstr("bad.xml:3:"));
  EXPECT_THAT(r.err, HasSubstr("error: attribute 'cost' must be an integer"));
  EXPECT_THAT(r.err, HasSubstr("nope"));
  EXPECT_EQ(read("plan.json"), "");
  EXPECT_EQ(read("out.xml"), "");
}

TEST_F(CliPlanTest, RejectsAnUnknownTargetOrScope) {
  EXPECT_EQ(run("plan --target F").code, 2);
  EXPECT_EQ(run("plan --scope rows").code, 2);
}

}  // namespace
}  // namespace icsrisk::testing
